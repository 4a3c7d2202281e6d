import type { RetentionRule } from '@cert/domain';

/** docs/DOMAIN.md, Personal data and the record of reasons: how long an application's record of reasons is kept. */
export type RetentionView = {
  rule: RetentionRule;
  years: number;
  /** The decision policy that sets the years (the application's pinned one). */
  policyVersion: string;
  /** When the application closed (its final decision, its designation's end, its rejection); null while a designation runs. */
  closedAt: string | null;
  /** When the record is shredded; null while a designation runs (the retention starts when it ends). */
  retainedUntil: string | null;
};

/**
 * One field of one event of the record: how many texts it holds, whose keys seal them, and how they read now.
 * `sealedUnder`: `record`, the application's record key; `people`, the applicant's (and a reviewer's) keys, as
 * reasons were sealed before they were kept apart; `none`, stored clear, written before personal data was sealed.
 */
export type ReasonEntry = {
  version: number;
  type: string;
  occurredAt: string;
  actorId: string;
  actorRole: string;
  field: string;
  label: string;
  count: number;
  sealedUnder: 'record' | 'people' | 'none';
  reads: 'readable' | 'shredded' | 'erased-with-person';
  /** What that means for these texts, in a sentence. */
  note: string;
};

/**
 * An application's record of reasons at a glance. `open`: the application has not closed, its retention has not
 * started; `kept`: kept until the retention ends (or while its designation runs); `shredded`: the retention ended.
 */
export type RecordOfReasonsSummary = {
  applicationId: string;
  reference: string;
  standing: 'open' | 'kept' | 'shredded';
  retention: RetentionView | null;
  shreddedAt: string | null;
  /** Until when, under which rule, in a sentence. */
  until: string;
  /** Why the reasons outlive the people's erasure. */
  why: string;
  /**
   * Texts by how they read: `kept`, readable in the record; `shredded`, gone with the record key; `erasedWithPerson`,
   * gone with a person's erasure, sealed under their keys before reasons were kept apart; `underPeoplesKeys`, still
   * readable but sealed that way, so they go with that erasure rather than at the end of the retention.
   */
  counts: { kept: number; shredded: number; erasedWithPerson: number; underPeoplesKeys: number };
};

/** GET /audit/applications/:id/record-of-reasons: the summary and every field of the record, from the log. */
export type RecordOfReasonsView = RecordOfReasonsSummary & { reasons: ReasonEntry[] };

/** In the erasure answer: an application the erased person was part of, and what of its record is kept. */
export type RetainedRecord = RecordOfReasonsSummary & { as: 'applicant' | 'reviewer' };
