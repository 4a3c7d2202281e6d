import { EventTable, owned } from '../events/event-spec';
import { ROLE_NAMES } from '../events/words';
import { AccountEvent } from './account';

// A reason staff give about a person is sealed under that person's account key (docs/DOMAIN.md, Erasure).
const account = owned('account');

/** Every event of an account's stream: what staff changed about a person, by whom and why (docs/DOMAIN.md, Who uses it). */
export const ACCOUNT_EVENTS: EventTable<AccountEvent> = {
  AccountInvited: {
    schemaVersion: 1,
    label: 'Person invited',
    describe: ({ data }, { person }) => `${person(data.invitedBy)} invited ${person(data.accountId)} as ${ROLE_NAMES[data.role]}`,
  },
  AccountInvitationResent: {
    schemaVersion: 1,
    label: 'Invitation sent again',
    describe: ({ data }, { person }) => `${person(data.resentBy)} sent ${person(data.accountId)} their invitation again`,
  },
  AccountRoleChanged: {
    schemaVersion: 1,
    personal: account('reason'),
    label: 'Role changed',
    describe: ({ data }, { person }) =>
      `${person(data.changedBy)} changed the role of ${person(data.accountId)} from ${ROLE_NAMES[data.from]} to ${ROLE_NAMES[data.to]}: ${data.reason}`,
  },
  AccountDeactivated: {
    schemaVersion: 1,
    personal: account('reason'),
    label: 'Person deactivated',
    describe: ({ data }, { person }) => `${person(data.deactivatedBy)} deactivated ${person(data.accountId)}: ${data.reason}`,
  },
};
