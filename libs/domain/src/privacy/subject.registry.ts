import { EventTable } from '../events/event-spec';
import { count } from '../events/words';
import { SubjectEvent } from './subject';

/** Every event of a data subject's stream; none holds personal data (the subject id is a keyed hash). */
export const SUBJECT_EVENTS: EventTable<SubjectEvent> = {
  SubjectErased: {
    schemaVersion: 1,
    label: 'Personal data erased',
    describe: ({ data }) =>
      `A person's data erased: ${count(data.keysDestroyed, 'key')} destroyed${data.accountRemoved ? ', account removed' : ''}`,
  },
};
