import { normalizeEmail } from '@cert/domain';

/**
 * Crypto-shredding (docs/DOMAIN.md, Erasure): one key per data subject, kept outside the event store, so destroying
 * it erases that person's data from every copy of the log (backups included) while the log and its hashes stay as
 * they are. An abstract class so it is also the DI token (docs/ARCHITECTURE.md, Event store rules). Synchronous, like
 * the SQLite adapter behind it: reads look keys up per field.
 */
export abstract class SubjectKeys {
  /**
   * The pseudonymous id of a person, from a handle (`email:<address>` or `user:<account id>`). A keyed hash: the id
   * in the log cannot be turned back into the email, or found by hashing guessed emails, without the store's secret.
   */
  abstract subjectOf(handle: string): string;
  /** The subject's live key, created on first use. */
  abstract keyFor(subjectId: string): { keyId: string; key: Buffer };
  /** A key by its id; null once destroyed, or when it was never known here. */
  abstract keyById(keyId: string): Buffer | null;
  /**
   * Destroys the live keys of these subjects, irrecoverably; returns how many it destroyed. With `createdBy`, only
   * keys created by then: replaying an erasure after a restore must spare the keys of data given after it.
   */
  abstract destroy(subjectIds: readonly string[], createdBy?: string): number;
  abstract close(): void;
}

/** The person behind an email address: applicants, and every recipient of a notification. */
export const emailSubject = (keys: SubjectKeys, email: string) => keys.subjectOf(`email:${normalizeEmail(email)}`);

/** The person behind an account: what a reviewer writes is keyed by their account, as the events name them by it. */
export const userSubject = (keys: SubjectKeys, userId: string) => keys.subjectOf(`user:${userId}`);

/**
 * An application's record of reasons (docs/DOMAIN.md, Personal data and the record of reasons): a subject of its own,
 * no person's, so neither the applicant's nor a reviewer's erasure reaches it; its retention timer destroys it.
 */
export const recordSubject = (keys: SubjectKeys, applicationId: string) => keys.subjectOf(`record:${applicationId}`);
