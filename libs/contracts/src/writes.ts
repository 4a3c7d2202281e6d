import type { RetainedRecord } from './privacy';

/** What every write on an application answers: the stream version and the log position, so a client can read its own write. */
export type CommandResult = { applicationId: string; version: number; position: string | null; events: string[] };

/** The leader's own survey: one that joins their open application answers that one, `duplicate: true`. */
export type OwnSurveyResult = CommandResult & { duplicate: boolean };

/**
 * A nomination answers the same whatever it met (docs/DOMAIN.md, Who uses it): no events, no stream version, so the
 * nominator cannot tell whether it opened the application or joined one the leader or someone else had opened.
 */
export type NominationResult = { applicationId: string; position: string | null; nomination: true };

export type SurveyResult = OwnSurveyResult | NominationResult;

/** A renewal opens as a new application, linked to the designation it renews. */
export type RenewalResult = CommandResult & { renewalId: string };

export type CycleResult = { cycle: string; blindReview: boolean; position: string | null; events: string[] };

/** `released`: applications the reviewer was released from because the conflict now covers them. */
export type ConflictResult = {
  reviewerId: string;
  conflictId: string | null;
  position: string | null;
  events: string[];
  released: string[];
};

export type AwardCycleResult = {
  awardCycleId: string;
  year: number;
  version: number;
  position: string | null;
  events: string[];
  nominationId?: string;
};

export type NotificationReadResult = { position: string | null };

/** "Mark all read": how many of the caller's notifications this call marked (0 when all were read), and the last write's position. */
export type NotificationsReadResult = { marked: number; position: string | null };

export type ErasureReport = {
  subjectId: string;
  keysDestroyed: number;
  accountRemoved: boolean;
  outboxMessagesDeleted: number;
  /** Files of the person's evidence documents deleted from the blob store (their content keys were destroyed with their keys). */
  documentsDeleted: number;
  /** Log position of the SubjectErased event (null when a repeat found nothing left to erase). */
  position: string | null;
  /** The read models were rebuilt from the log with the person's fields erased, and swapped in. */
  readModelsRebuilt: boolean;
  /** What went now, in words a person reads (docs/DOMAIN.md, Erasure). */
  erasedNow: string[];
  /**
   * The applications the person is part of (as their leader, or as a reviewer): what of each one's record of reasons
   * is kept, until when and why (docs/DOMAIN.md, Personal data and the record of reasons).
   */
  retained: RetainedRecord[];
};

/** The person to erase, named by the email they are known by (their applications' contact email, or their account's). */
export type EraseSubjectRequest = { email: string };
