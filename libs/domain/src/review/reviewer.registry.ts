import { EventTable, owned } from '../events/event-spec';
import { ReviewerEvent } from './reviewer.decider';

/** Every event of a reviewer's stream: their declared conflicts (docs/DOMAIN.md, Conflicts of interest). */
export const REVIEWER_EVENTS: EventTable<ReviewerEvent> = {
  ConflictDeclared: {
    schemaVersion: 1,
    personal: owned('reviewer')('reason'),
    label: 'Conflict declared',
    describe: ({ data }, { person }) =>
      `Reviewer ${person(data.reviewerId)} declared a conflict with ${data.institution ?? 'one application'}${
        data.pinned ? ' (pinned by staff)' : ''
      }: ${data.reason}`,
  },
  ConflictWithdrawn: {
    schemaVersion: 1,
    label: 'Conflict withdrawn',
    describe: ({ data }, { person }) => `Reviewer ${person(data.reviewerId)} withdrew a declared conflict`,
  },
};
