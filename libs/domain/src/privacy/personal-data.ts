/**
 * Erasure without breaking the proof (docs/DOMAIN.md, Personal data and the record of reasons): each event type's
 * registry entry lists which of its fields hold personal data, and whose (PERSONAL_FIELDS). The store encrypts each
 * such field under a key per data subject before the event is hashed; erasing a person destroys their key, and the
 * field then reads as ERASED everywhere while the hashes (over the ciphertext) still verify.
 *
 * Only names, contact details and free text are listed. Levels, codes, dates, ids and the decision's inputs stay
 * clear, so state, timelines and the recomputed decision survive an erasure (docs/DOMAIN.md, What auditors need).
 */

/** What an encrypted field reads as once its key is destroyed. */
export const ERASED = '[erased]';

/**
 * What a person reads as once erased: their account is gone, and an account is removed by nothing but an erasure
 * (docs/DOMAIN.md, Erasure), so an id in the log with no account behind it names an erased person.
 */
export const ERASED_PERSON = '[erased person]';

/**
 * Whose data a field is. `applicant`: the leader the application is about (keyed by the survey's contact email).
 * `reviewer`: the reviewer named in the event (their own words). `recipient`: the person a notification went to.
 * `account`: the person whose account the event is about (a reason staff gave for changing it), keyed like their own texts.
 * `record`: the application's record of reasons, the institution's own (keyed by the application, not by a person):
 * kept after either person's erasure, for the retention its application's policy sets, then shredded
 * (docs/DOMAIN.md, Personal data and the record of reasons).
 * A field with two owners is encrypted under both keys, nested, so erasing either person erases it.
 */
export type DataOwner = 'applicant' | 'reviewer' | 'recipient' | 'account' | 'record';

/**
 * `path` walks the event's data: dots into objects, `[]` over every element of an array; string leaves only.
 * `label` names a reason of the record in words people read ("the board's justification").
 */
export type PersonalField = { path: string; owners: readonly DataOwner[]; label?: string };

export const isErased = (value: unknown): boolean => value === ERASED;
