import type { Application, DecisionInputs, Level, OpenApplication, Outcome } from '@cert/domain';
import type { ReadQuery } from './application';
import type { RecordOfReasonsSummary } from './privacy';

/** The log's head: its last position and the global chain's link there (null where the store keeps no global chain). */
export type LogHeadView = { position: string; globalHash: string | null };

/** A head as published, `<position>:<globalHash>`: anyone holding it can later check the log up to it. */
export type PublishedHead = { position: string; globalHash: string };

/** GET /audit/head: the head and its printed form (null on an empty log). */
export type AuditHeadView = { head: LogHeadView | null; text: string | null };

export type TamperReason = 'changed' | 'missing' | 'reordered' | 'truncated';

/** The first event that does not match, named as exactly as the log allows. */
export type VerifyProblem = {
  reason: TamperReason;
  /** Global position of that event; for `missing` and `truncated`, of the first absent one (null when it cannot be known). */
  position: string | null;
  streamId: string | null;
  version: number | null;
  eventId: string | null;
  detail: string;
};

/** An evidence document whose stored file is gone or no longer matches the hash its event records. */
export type DocumentProblem = {
  reason: 'missing' | 'changed';
  documentId: string;
  applicationId: string;
  indicator: string;
  /** The event that attached it. */
  position: string;
  eventId: string;
  detail: string;
};

/** docs/DOMAIN.md, What auditors need: every stored evidence document checked against its recorded hash. */
export type DocumentsVerdict = {
  ok: boolean;
  /** Documents checked; `erased`: documents whose applicant was erased since, expected gone. */
  checked: number;
  erased: number;
  problems: DocumentProblem[];
};

export type LogVerdict = {
  ok: boolean;
  events: number;
  streams: number;
  /** The head of the verified log (of its intact prefix when a problem was found): publish it, pass it back later as `against`. */
  head: PublishedHead | null;
  against: LogHeadView | null;
  /**
   * `stored`: every event carried its global link and each was checked. `computed`: the store keeps no global chain
   * (ESDB), so the chain was computed from commit order; a removed event then shows only as its stream's gap, or
   * against a head published earlier.
   */
  globalChain: 'stored' | 'computed';
  problem: VerifyProblem | null;
  /** The evidence documents; `ok` is false when one is missing or changed. Absent when no blob store was given. */
  documents?: DocumentsVerdict;
};

export type StreamVerdict = {
  ok: boolean;
  streamId: string;
  events: number;
  headHash: string | null;
  problem: VerifyProblem | null;
  /** The application's evidence documents, as in LogVerdict. */
  documents?: DocumentsVerdict;
};

export type HistoryEntry = {
  /** The stream the event belongs to: the application's own, or a linked one (directory listing, award cycle). */
  streamId: string;
  /** The event's version in that stream. */
  version: number;
  position: string;
  type: string;
  /** The schema `data` is shown in (the current one); `storedSchemaVersion` is the one the hash covers. */
  schemaVersion: number;
  storedSchemaVersion: number;
  occurredAt: string;
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId: string | null;
  rubricVersion: string | null;
  policyVersion: string | null;
  eventId: string;
  hash: string | null;
  data: unknown;
  /** What happened, in the sentence every timeline, report and export uses. */
  summary: string;
};

/** A moment in the log: an instant (by the events' occurredAt) or a log position; neither means "now". */
export type Moment = { asOf?: string; position?: string };

export type StateAsOf = { moment: Moment; version: number; position: string | null; occurredAt: string | null; state: Application };

/** `recorded`: what the event at `version` says; `recomputed`: what the pinned rules and the earlier events say it should. */
export type Difference = { version: number; type: string; field: string; recorded: unknown; recomputed: unknown };

export type RecommendationCheck = {
  version: number;
  type: 'RecommendationComputed' | 'DecisionRecorded';
  rubricVersion: string;
  policyVersion: string;
  recorded: { outcome: Outcome; rule: string };
  /** The policy applied to the inputs the event recorded. */
  fromRecordedInputs: { outcome: Outcome; rule: string };
  /** The inputs rebuilt from the reviewers' recorded scores and the adjudication rulings, then the policy. */
  fromScores: { outcome: Outcome; rule: string; inputs: DecisionInputs } | null;
};

/** A check that could not be made because the personal text it reads was erased and nothing clear stands in for it. */
export type Unverifiable = { version: number; type: string; field: string; why: string };

export type Reproduction = {
  applicationId: string;
  reproduced: boolean;
  checks: RecommendationCheck[];
  differences: Difference[];
  unverifiable: Unverifiable[];
};

export type AuditReviewerView = {
  applicationId: string;
  reviewerId: string;
  assignments: {
    version: number;
    assignedAt: string;
    assignedBy: { actorId: string; actorRole: string };
    purpose: 'review' | 'adjudication';
    method: 'manual' | 'auto';
    dueAt: string;
    released: { at: string; reason: string } | null;
  }[];
  /** The moment shown: just before their scores were submitted, or the latest event if they have not scored. */
  moment: { scored: boolean; version: number; occurredAt: string };
  application: Pick<OpenApplication, 'id' | 'reference' | 'status' | 'rubricVersion' | 'policyVersion' | 'survey' | 'assessment'>;
  drafts: { version: number; savedAt: string; indicators: string[] }[];
  submitted: { version: number; submittedAt: string; recommendation: string; scores: unknown } | null;
  /**
   * Blind review (docs/DOMAIN.md, Blind review; the api shows a reviewer only their own scores): what existed at that
   * moment that this reviewer was not shown. The blind rule itself is access policy, not recorded in the log.
   */
  notShown: { otherFinishedReviews: number; recommendation: boolean };
};

export type DecisionReport = {
  application: {
    id: string;
    reference: string;
    leaderName: string;
    institution: string;
    status: string;
    rubricVersion: string;
    policyVersion: string;
  };
  generatedAt: string;
  verification: Pick<StreamVerdict, 'ok' | 'events' | 'headHash' | 'problem'>;
  timeline: {
    version: number;
    position: string;
    occurredAt: string;
    actorId: string;
    actorRole: string;
    type: string;
    versions: string;
    summary: string;
  }[];
  reviewers: { reviewerId: string; purpose: string; status: string; recommendation: string | null }[];
  scores: {
    indicator: string;
    outcome: string;
    title: string;
    levels: Record<string, Level>;
    ruling: Level | null;
    consensus: number | null;
  }[];
  adjudications: {
    version: number;
    method: string;
    rulings: { indicator: string; level: Level }[];
    justification: string | null;
    by: string;
    at: string;
  }[];
  recommendation: { outcome: string; rule: string; computedAt: string } | null;
  decision: {
    outcome: string;
    recommendation: string;
    rule: string;
    overruled: boolean;
    justification: string | null;
    decidedBy: string;
    decidedAt: string;
    appealUntil: string;
    progressDueAt: string | null;
    final: boolean;
  } | null;
  deadlines: { what: string; dueAt: string; setAt: string; by: string; note: string | null }[];
  reproduction: Pick<Reproduction, 'reproduced' | 'differences'> | null;
  /** docs/DOMAIN.md, Personal data and the record of reasons: what of the reasons above is kept, until when and why. */
  recordOfReasons: RecordOfReasonsSummary;
};

/** An event in an export file as the log stores it: personal fields sealed, envelope and hashes as appended. */
export type ExportedEvent = {
  id: string;
  streamId: string;
  version: number;
  position: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: { [field: string]: unknown };
  globalHash?: string;
};

/**
 * A lossless export: every envelope field of every event as stored, so the hashes can be rechecked from the file
 * alone; personal fields are there as the log keeps them, encrypted (docs/DOMAIN.md, Personal data and the record of reasons). `readable` gives the same events as
 * the engine reads them: decrypted, "[erased]" where the person was erased, in the current schema.
 */
export type AuditExport = {
  format: 'iasl-audit-export/2';
  exportedAt: string;
  scope: { applicationId: string } | { from: string | null; to: string | null };
  /** The log head when exported; publish it with the file. */
  head: LogHeadView | null;
  events: ExportedEvent[];
  readable: ReadableEvent[];
};

export type ReadableEvent = { id: string; type: string; schemaVersion: number; data: unknown };

export type TableDifference = { table: string; missing: number; extra: number; changed: number };
/** Only tables that differ are listed, so an empty `differences` means the read models match the log. */
export type RebuildReport = { events: number; differences: TableDifference[] };

/** POST /audit/rebuild-check: every read model rebuilt from the log beside the live one, compared, nothing swapped. */
export type RebuildCheckView = RebuildReport & { checkedAt: string; head: string | null; matches: boolean };

export type VerifyQuery = ReadQuery & { head?: string };
/** Give `asOf` or `position`, not both; neither means now. */
export type StateQuery = ReadQuery & Moment;
/** A cycle's period, `from` inclusive and `to` exclusive; either end may be left open. */
export type ExportRangeQuery = ReadQuery & { from?: string; to?: string };
