import { Level } from '../rubric/rubric';
import {
  AppealRoute,
  AppealedDecision,
  EvidencePurpose,
  IndicatorRating,
  IndicatorScore,
  Outcome,
  Pins,
  Recommendation,
  RecordRetention,
  Survey,
} from './application.types';

export type ApplicationStatus =
  | 'Screening'
  | 'Rejected'
  | 'AwaitingAssessment'
  | 'Lapsed'
  | 'UnderReview'
  | 'NeedsAdjudication'
  | 'AwaitingDecision'
  | 'Decided'
  /** An appeal is filed and waits for staff to route it (docs/DOMAIN.md, Appeals). */
  | 'Appealed';

export type ReviewerSlot = {
  reviewerId: string;
  purpose: 'review' | 'adjudication';
  status: 'assigned' | 'released' | 'finished';
  dueAt: string;
  draft: Record<string, IndicatorScore>;
  scores: IndicatorScore[] | null;
  recommendation: Outcome | null;
  escalated: boolean;
};

/** docs/DOMAIN.md, Yearly progress: charter members and Programs of Excellence keep their standing by a yearly progress update. */
export type Designation = {
  status: 'active' | 'suspended' | 'expired' | 'renewed';
  progressDueAt: string;
  // Folded in designation.evolve.ts; optional so designations folded from older events read the same.
  /** The term ends here unless renewed; null for designations recorded before terms existed. */
  termEndsAt?: string | null;
  /** The renewal application started for this designation. */
  renewalId?: string | null;
  /** The latest yearly update, and the reviewers asked to confirm it. */
  lastUpdateAt?: string | null;
  confirmations?: Record<string, 'requested' | 'recorded'>;
};

/** docs/DOMAIN.md, Appeals: one appeal per decision; the decision it ends in is final at once (no appeal of an appeal). */
export type Appeal = {
  status: 'filed' | 'routed' | 'decided';
  appealOf: AppealedDecision;
  filedAt: string;
  route: AppealRoute | null;
  /** When the appeal's own decision was taken (status `decided`). */
  decidedAt: string | null;
};

/**
 * docs/DOMAIN.md, Evidence: a document or link as the decider needs it (limits, removal, what a submission names).
 * `submitted`: it went in with a submitted assessment or progress update, and is part of the record from then on.
 */
export type EvidenceItem = {
  id: string;
  kind: 'document' | 'link';
  purpose: EvidencePurpose;
  indicator: string;
  size: number;
  sha256: string | null;
  submitted: boolean;
};

export type OpenApplication = Pins & {
  status: ApplicationStatus;
  id: string;
  reference: string;
  survey: Survey;
  applicantEmail: string;
  submittedBy: string;
  nominators: string[];
  /**
   * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: a nomination waits for the leader it
   * names to claim it; null when the leader applied themself. Optional, so states folded before claims read the same.
   */
  nomination?: { status: 'pending' | 'claimed'; nominatedAt: string; claimedAt: string | null } | null;
  /** Applications staff found are not duplicates of this one (docs/DOMAIN.md, The lifecycle, step 1). */
  notDuplicates?: string[];
  /** When staff accepted or rejected the survey; optional, so states folded before it read the same. */
  screenedAt?: string | null;
  dueAt: string | null;
  draft: Record<string, IndicatorRating>;
  assessment: IndicatorRating[] | null;
  reviewers: Record<string, ReviewerSlot>;
  disputed: string[];
  rulings: Record<string, Level>;
  recommendation: Recommendation | null;
  decision: { outcome: Outcome; overruled: boolean; appealUntil: string; final: boolean; decidedAt: string } | null;
  appeal: Appeal | null;
  /** Reviewers of earlier rounds: an appeal's fresh review takes none of them (docs/DOMAIN.md, Appeals). */
  earlierReviewers: string[];
  designation: Designation | null;
  /** Keys of reminders already issued, so a repeated timer reminds once. */
  reminders: string[];
  /** A renewal application names the designation it renews. */
  renewal?: { of: string; previousTermEndsAt: string };
  /** Awards of yearly award cycles (AwardRecorded); optional so states folded before awards read the same. */
  awards?: { awardCycleId: string; year: number; award: string; recordedAt: string }[];
  /** Evidence documents and links, in the order attached; optional so states folded before documents read the same. */
  evidence?: EvidenceItem[];
  /**
   * docs/DOMAIN.md, Personal data and the record of reasons: set when the application closes; optional, so states
   * folded before it existed read the same.
   */
  recordOfReasons?: RecordRetention;
};

export const reminderKey = (kind: string, dueAt: string, daysBefore: number, who = '') => `${kind}|${who}|${dueAt}|${daysBefore}`;

/** `None` is the state of a stream with no events. */
export type Application = { status: 'None' } | OpenApplication;

export const activeReviewers = (app: OpenApplication, purpose?: ReviewerSlot['purpose']): ReviewerSlot[] =>
  Object.values(app.reviewers).filter((r) => r.status !== 'released' && (!purpose || r.purpose === purpose));

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
