import { normalizeEmail } from '@cert/domain';

/**
 * Crypto-shredding (docs/DOMAIN.md, Erasure): one key per data subject, kept outside the event store, so destroying
 * it erases that person's data from every copy of the log (backups included) while the log and its hashes stay as
 * they are. An abstract class so it is also the DI token (docs/ARCHITECTURE.md, Event store rules). Asynchronous, as
 * the key store may be a database on another machine: a read of the log looks up its keys in one batch (`keysById`),
 * not one per field. The contract every adapter passes is testing/subject-keys.contract.ts.
 */
export abstract class SubjectKeys {
  /**
   * The pseudonymous id of a person, from a handle (`email:<address>` or `user:<account id>`). A keyed hash: the id
   * in the log cannot be turned back into the email, or found by hashing guessed emails, without the store's secret.
   * Synchronous: the secret is made once for the store, never changes, and is read when the store is opened.
   */
  abstract subjectOf(handle: string): string;
  /** The subject's live key, created on first use; every process sharing the store gets the same one. */
  abstract keyFor(subjectId: string): Promise<{ keyId: string; key: Buffer }>;
  /**
   * Keys by id, in one look-up, answered from the store itself (never from a memory of earlier answers): a key
   * destroyed by any process is null here as soon as its destroy has returned. Null for a destroyed or unknown id.
   */
  abstract keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>>;
  /**
   * Destroys the live keys of these subjects, irrecoverably; resolves with how many it destroyed. With `createdBy`,
   * only keys created by then: replaying an erasure after a restore must spare the keys of data given after it.
   */
  abstract destroy(subjectIds: readonly string[], createdBy?: string): Promise<number>;
  abstract close(): Promise<void>;

  /** A key by its id; null once destroyed, or when it was never known here. */
  async keyById(keyId: string): Promise<Buffer | null> {
    return (await this.keysById([keyId])).get(keyId) ?? null;
  }
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
