import { CommandMeta, Decider, assertNever } from '../decider';
import { Forbidden, NotFound } from '../errors';

/**
 * docs/DOMAIN.md, Erasure: the erasure itself is an event. A data subject is a person known to the engine only by a
 * pseudonymous id (a keyed hash of their email, computed outside the domain); the stream `subject-<id>` records each
 * erasure. No personal data is in it: the id cannot be turned back into the email without the key store's secret.
 */
export type SubjectErased = {
  type: 'SubjectErased';
  data: {
    subjectId: string;
    /** Every key subject destroyed: the person's own and, when they had an account, the one their account's texts used. */
    subjects: string[];
    keysDestroyed: number;
    accountRemoved: boolean;
    /**
     * The applications the person led, whose credentials the erasure revokes (docs/DOMAIN.md, Verifiable credentials).
     * Absent on erasures recorded before credentials existed: an added optional field reads the same in old events.
     */
    applicationIds?: string[];
    erasedAt: string;
  };
};
export type SubjectEvent = SubjectErased;

/** The handler destroys the keys first (the irreversible part) and passes what it did as facts. */
export type EraseSubject = {
  type: 'EraseSubject';
  data: { subjectId: string; subjects: string[]; keysDestroyed: number; accountRemoved: boolean; applicationIds?: string[] };
  metadata: CommandMeta;
};
export type SubjectCommand = EraseSubject;

export type Subject = { erasures: number };

export const subjectStream = (subjectId: string) => `subject-${subjectId}`;

const decide = (command: SubjectCommand, state: Subject): SubjectEvent[] => {
  switch (command.type) {
    case 'EraseSubject': {
      const { data, metadata } = command;
      // Staff act on a person's request (docs/DOMAIN.md, Who uses it: staff run the cycle and hold its correspondence);
      // auditors change nothing, operators run the machine, and nobody erases on their own say-so.
      if (metadata.actor.role !== 'staff') throw new Forbidden('privacy.erase_not_allowed', "only staff may erase a person's data");
      const foundNothing = data.keysDestroyed === 0 && !data.accountRemoved;
      // A repeated request that found nothing left to destroy is already recorded.
      if (state.erasures > 0 && foundNothing) return [];
      // Nobody by that email was ever known: most likely a typo, which must not pass for a done erasure.
      if (foundNothing)
        throw new NotFound('subject', data.subjectId, 'Nobody with this email address is known here: check the spelling and try again');
      return [{ type: 'SubjectErased', data: { ...data, erasedAt: metadata.now } }];
    }
    default:
      return assertNever(command.type);
  }
};

const evolve = (state: Subject, event: SubjectEvent): Subject => {
  switch (event.type) {
    case 'SubjectErased':
      return { erasures: state.erasures + 1 };
    default:
      return assertNever(event.type);
  }
};

export const subjectDecider: Decider<Subject, SubjectCommand, SubjectEvent> = { decide, evolve, initialState: () => ({ erasures: 0 }) };
