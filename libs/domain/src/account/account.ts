import { CommandMeta, Decider, Role, assertNever } from '../decider';
import { DomainError, Forbidden, RuleViolation } from '../errors';
import { RefusalOf } from '../refusals';

/**
 * docs/DOMAIN.md, Who uses it: staff invite the people who run the cycle, change their roles and deactivate them.
 * Accounts themselves live in the identity store (access control, not certification history); each change staff make
 * to one is recorded here, in a stream `account-<id>`, with who made it and why, so auditors can read it. No name or
 * email is in these events: people are named by id and read by the name on their account (docs/DOMAIN.md, Names); a
 * reason is sealed under the account's own key, so it goes with the person's erasure.
 */
export type AccountRole = Exclude<Role, 'applicant' | 'system'>;

export type AccountInvited = {
  type: 'AccountInvited';
  data: { accountId: string; role: AccountRole; invitedBy: string; invitedAt: string };
};
export type AccountInvitationResent = { type: 'AccountInvitationResent'; data: { accountId: string; resentBy: string; resentAt: string } };
export type AccountRoleChanged = {
  type: 'AccountRoleChanged';
  data: { accountId: string; from: AccountRole; to: AccountRole; reason: string; changedBy: string; changedAt: string };
};
export type AccountDeactivated = {
  type: 'AccountDeactivated';
  data: { accountId: string; reason: string; deactivatedBy: string; deactivatedAt: string };
};
export type AccountEvent = AccountInvited | AccountInvitationResent | AccountRoleChanged | AccountDeactivated;

/**
 * Facts from the identity store the handler passes in: an account made before this stream existed (the CLI's first
 * account, or one made for recovery) has no events, so its role and standing come from the account itself.
 */
export type AccountFacts = { role: AccountRole; active: boolean; deactivated: boolean };

export type InviteAccount = { type: 'InviteAccount'; data: { accountId: string; role: AccountRole }; metadata: CommandMeta };
export type ResendInvitation = { type: 'ResendInvitation'; data: { accountId: string } & AccountFacts; metadata: CommandMeta };
export type ChangeAccountRole = {
  type: 'ChangeAccountRole';
  data: { accountId: string; to: AccountRole; reason: string } & AccountFacts;
  metadata: CommandMeta;
};
export type DeactivateAccount = {
  type: 'DeactivateAccount';
  data: { accountId: string; reason: string } & AccountFacts;
  metadata: CommandMeta;
};
export type AccountCommand = InviteAccount | ResendInvitation | ChangeAccountRole | DeactivateAccount;

export type AccountHistory = { invited: boolean; deactivated: boolean };

/** A refusal because of where an account stands (409), worded for the person: not an application's status. */
export class AccountStateRefused extends DomainError {
  readonly kind = 'InvalidState' as const;
  constructor(code: RefusalOf<'InvalidState'>, message: string) {
    super(code, message);
  }
}

export const accountStream = (accountId: string) => `account-${accountId}`;

// Staff run the cycle and hold its people (docs/DOMAIN.md, Who uses it); nobody changes their own standing.
const requireStaff = ({ actor }: CommandMeta, accountId: string) => {
  if (actor.role !== 'staff') throw new Forbidden('account.not_allowed', 'only staff may invite, change or deactivate people');
  if (actor.id === accountId)
    throw new Forbidden('account.self', 'you cannot change your own role or deactivate yourself: ask another member of staff');
};

const requireNotDeactivated = (state: AccountHistory, facts: AccountFacts) => {
  if (state.deactivated || facts.deactivated)
    throw new AccountStateRefused('account.deactivated', 'This person is deactivated: invite them again under a new account');
};

const requireReason = (reason: string): string => {
  const text = reason.trim();
  if (!text) throw new RuleViolation('account.reason_required', 'say why, in a few words');
  return text;
};

const decide = (command: AccountCommand, state: AccountHistory): AccountEvent[] => {
  const { now, actor } = command.metadata;
  switch (command.type) {
    case 'InviteAccount': {
      const { accountId, role } = command.data;
      requireStaff(command.metadata, accountId);
      if (state.invited) return [];
      return [{ type: 'AccountInvited', data: { accountId, role, invitedBy: actor.id, invitedAt: now } }];
    }
    case 'ResendInvitation': {
      const { accountId, active } = command.data;
      requireStaff(command.metadata, accountId);
      requireNotDeactivated(state, command.data);
      if (active)
        throw new AccountStateRefused(
          'account.already_active',
          'This person has already set a password: they can reset it from the sign-in page',
        );
      return [{ type: 'AccountInvitationResent', data: { accountId, resentBy: actor.id, resentAt: now } }];
    }
    case 'ChangeAccountRole': {
      const { accountId, role, to } = command.data;
      requireStaff(command.metadata, accountId);
      requireNotDeactivated(state, command.data);
      const reason = requireReason(command.data.reason);
      if (role === to) return [];
      return [{ type: 'AccountRoleChanged', data: { accountId, from: role, to, reason, changedBy: actor.id, changedAt: now } }];
    }
    case 'DeactivateAccount': {
      const { accountId } = command.data;
      requireStaff(command.metadata, accountId);
      const reason = requireReason(command.data.reason);
      if (state.deactivated || command.data.deactivated) return [];
      return [{ type: 'AccountDeactivated', data: { accountId, reason, deactivatedBy: actor.id, deactivatedAt: now } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: AccountHistory, event: AccountEvent): AccountHistory => {
  switch (event.type) {
    case 'AccountInvited':
      return { ...state, invited: true };
    case 'AccountInvitationResent':
    case 'AccountRoleChanged':
      return state;
    case 'AccountDeactivated':
      return { ...state, deactivated: true };
    default:
      return assertNever(event);
  }
};

export const accountDecider: Decider<AccountHistory, AccountCommand, AccountEvent> = {
  decide,
  evolve,
  initialState: () => ({ invited: false, deactivated: false }),
};
