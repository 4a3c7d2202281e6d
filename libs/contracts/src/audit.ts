import type {
  AppealedDecision,
  Application,
  DecisionInputs,
  IndicatorRating,
  IndicatorScore,
  Level,
  OpenApplication,
  Outcome,
  SignedCheckpoint,
} from '@cert/domain';
import type { BlindableSurvey, ReadQuery } from './application';
import type { RecordOfReasonsSummary } from './privacy';

/** The log's head: its last position and the global chain's link there (null where the store keeps no global chain). */
export type LogHeadView = { position: string; globalHash: string | null };

/** A head as published, `<position>:<globalHash>`: anyone holding it can later check the log up to it. */
export type PublishedHead = { position: string; globalHash: string };

/** GET /audit/head: the head and its printed form (null on an empty log). */
export type AuditHeadView = { head: LogHeadView | null; text: string | null };

/**
 * `unreadable`: a stored event no longer parses (a damaged or hand-edited row). `forged`: a checkpoint (in the witness
 * or the log) whose signature the checkpoint key does not confirm.
 */
export type TamperReason = 'changed' | 'missing' | 'reordered' | 'truncated' | 'unreadable' | 'forged';

/** A checkpoint as people read it: the position, the global link signed there, when, and with which key. */
export type CheckpointSummary = { position: string; globalHash: string; at: string; keyId: string };

/**
 * docs/DOMAIN.md, What auditors need: every checkpoint verification used, signatures checked against the key.
 * `witness`: how many came from the witness (outside the log's database); `rejected`: how many failed their signature.
 */
export type CheckpointsVerdict = { checked: number; witness: number; rejected: number; latest: CheckpointSummary | null };

/**
 * GET /audit/checkpoints: the signed checkpoints (newest first) and the public key, so anyone can check them offline:
 * the signature is Ed25519 over the UTF-8 JSON of ["iasl-checkpoint-v1", position, globalHash, at, keyId, after, hashes].
 */
export type CheckpointsView = {
  algorithm: 'Ed25519';
  keyId: string;
  publicKeyPem: string;
  /** Where they were read: the witness outside the log's database, or only the log (a line the witness lacks). */
  checkpoints: (SignedCheckpoint & { source: 'witness' | 'log' })[];
};

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
  /** The signed checkpoints the log was checked against. Absent when no checkpoint key was given. */
  checkpoints?: CheckpointsVerdict;
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
  /** Who, as people read it (docs/DOMAIN.md, Names): a name, "[erased person]", or "The engine (policy …)" for its own steps. */
  actorName: string;
  correlationId: string;
  causationId: string | null;
  rubricVersion: string | null;
  policyVersion: string | null;
  eventId: string;
  hash: string | null;
  data: unknown;
  /** Every person the data names by id, with their name beside it. */
  people: PersonName[];
  /** What happened, in the sentence every timeline, report and export uses, with people named. */
  summary: string;
};

/** A person's id with their name as their account reads now ("[erased person]" once erased). */
export type PersonName = { id: string; name: string };

/** A moment in the log: an instant (by the events' occurredAt) or a log position; neither means "now". */
export type Moment = { asOf?: string; position?: string };

/** One fact of a state in words: a label people read ("Assessment due") and its value ("12 March 2026", "not yet", "none"). */
export type StateField = { label: string; value: string };

export type StateAsOf = {
  moment: Moment;
  version: number;
  position: string | null;
  occurredAt: string | null;
  /** The state as the decider folds it: field names and ids as the engine holds them. */
  state: Application;
  /** The same state for people: every field under a label, people by name, nothing shown as null. */
  readable: StateField[];
};

/** `recorded`: what the event at `version` says; `recomputed`: what the pinned rules and the earlier events say it should. */
export type Difference = { version: number; type: string; field: string; recorded: unknown; recomputed: unknown };

export type RecommendationCheck = {
  version: number;
  type: 'RecommendationComputed' | 'DecisionRecorded';
  rubricVersion: string;
  policyVersion: string;
  /** The recommendation the event recorded: the engine's, or on a decision the one the board decided on. */
  recordedRecommendation: { outcome: Outcome; rule: string };
  /** The policy applied to the inputs the event recorded. */
  fromRecordedInputs: { outcome: Outcome; rule: string };
  /** The inputs rebuilt from the reviewers' recorded scores and the adjudication rulings, then the policy. */
  fromScores: { outcome: Outcome; rule: string; inputs: DecisionInputs } | null;
  /** On a DecisionRecorded: what the board decided, and whether that followed or overruled the recommendation. */
  decision: RecordedDecisionView | null;
};

/** docs/DOMAIN.md, The lifecycle (one application = one event stream), step 4: a decision as recorded, against its recommendation. */
export type RecordedDecisionView = {
  /** The board's decision as recorded. */
  outcome: Outcome;
  /** `followed`: the decision is the recommendation; `overruled`: the board chose another outcome, with a justification. */
  verdict: 'followed' | 'overruled';
  /** The justification as recorded ("[erased]" once its owner is erased), null when none was needed. */
  justification: string | null;
  /** Its length, recorded in clear: the overrule rule can be checked after an erasure. Null where it was never recorded. */
  justificationLength: number | null;
  decidedBy: PersonName;
  decidedAt: string;
  /** Set on an appeal's decision: the decision it answers. */
  appealOf: AppealedDecision | null;
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

/** A cycle's blind-review setting as the log recorded it (docs/DOMAIN.md, Blind review): the event that set it, and who. */
export type BlindReviewSettingView = {
  cycle: string;
  blindReview: boolean;
  setAt: string;
  setBy: PersonName;
  /** The BlindReviewSet event in the stream `review-cycle-<cycle>`. */
  version: number;
  position: string;
};

export type AuditReviewerView = {
  applicationId: string;
  reviewerId: string;
  reviewerName: string;
  assignments: {
    version: number;
    assignedAt: string;
    assignedBy: { actorId: string; actorRole: string; name: string };
    purpose: 'review' | 'adjudication';
    method: 'manual' | 'auto';
    dueAt: string;
    released: { at: string; reason: string; by: string } | null;
  }[];
  /** The moment shown: just before their scores were submitted, or the latest event if they have not scored. */
  moment: { scored: boolean; version: number; occurredAt: string };
  /**
   * docs/DOMAIN.md, Blind review: the cycle's setting in force at that moment, as the log recorded it (`setting` null:
   * staff never set it, so it was off), and what it withheld from the reviewer, in words.
   */
  blindReview: { on: boolean; cycle: string; setting: BlindReviewSettingView | null; withheld: string[] };
  /**
   * The application as the reviewer was shown it then: under blind review the leader's name, contact email and
   * institution name are null (withheld), and free text reads "[withheld: blind review]" where it named them.
   */
  application: Pick<OpenApplication, 'id' | 'reference' | 'status' | 'rubricVersion' | 'policyVersion'> & {
    survey: BlindableSurvey;
    assessment: IndicatorRating[] | null;
  };
  drafts: { version: number; savedAt: string; indicators: string[] }[];
  submitted: { version: number; submittedAt: string; recommendation: Outcome; scores: IndicatorScore[] } | null;
  /**
   * What existed at that moment that this reviewer was not shown: other reviewers' finished scores and anything
   * derived from them (the api shows a reviewer only their own scores until theirs are in).
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
  /**
   * How reviewers are named in this report: by name, or numbered ("Reviewer 1") when the cycle was reviewed blind
   * while they scored, with the note that says so and why.
   */
  reviewerNaming: { blind: boolean; note: string | null };
  timeline: {
    version: number;
    position: string;
    occurredAt: string;
    actorId: string;
    actorRole: string;
    /** Who, as people read it: a name (or "Reviewer 1" under blind review), or "The engine (policy …)". */
    actorName: string;
    type: string;
    versions: string;
    summary: string;
  }[];
  reviewers: { reviewerId: string; name: string; purpose: string; status: string; recommendation: string | null }[];
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
    byName: string;
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
    decidedByName: string;
    decidedAt: string;
    appealUntil: string;
    progressDueAt: string | null;
    final: boolean;
  } | null;
  deadlines: { what: string; dueAt: string; setAt: string; by: string; byName: string; note: string | null }[];
  reproduction: Pick<Reproduction, 'reproduced' | 'differences' | 'checks'> | null;
  /** docs/DOMAIN.md, Personal data and the record of reasons: what of the reasons above is kept, until when and why. */
  recordOfReasons: RecordOfReasonsSummary;
  /** The latest signed checkpoint of the whole log when the report was made (null before the first). */
  checkpoint: CheckpointSummary | null;
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

/** An event as the engine reads it, with who took it and every person its data names, by name beside each id. */
export type ReadableEvent = {
  id: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  actorId: string;
  actorName: string;
  people: PersonName[];
};

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
