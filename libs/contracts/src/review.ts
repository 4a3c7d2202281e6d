import type { IndicatorScore, Level, Outcome } from '@cert/domain';

export type AssignmentStatus = 'assigned' | 'released' | 'finished';

export type ReviewerAssignmentView = {
  applicationId: string;
  reference: string | null;
  institutionName: string | null;
  stage: string | null;
  purpose: 'review' | 'adjudication';
  status: AssignmentStatus;
  assignedAt: string;
  dueAt: string;
  submittedAt: string | null;
  recommendation: Outcome | null;
  progress: { scored: number; total: number };
};

/** The reviewer's worklist: the institution is withheld (null) where the cycle is reviewed blind. */
export type OwnAssignmentView = ReviewerAssignmentView & { blindReview: boolean };

export type ReviewerScoreView = { indicator: string; level: Level; comment: string; final: boolean };

export type FinishedReviewView = {
  reviewerId: string;
  /** The reviewer's name as their account reads now ("[erased person]" once erased); the api adds it when read. */
  reviewerName?: string;
  purpose: 'review' | 'adjudication';
  recommendation: Outcome;
  submittedAt: string;
  scores: IndicatorScore[];
};

/** GET /applications/:id/scores: a reviewer reads their own scores; staff, board and auditors every finished review. */
export type ScoresView = ReviewerScoreView[] | FinishedReviewView[];

export type ConflictView = {
  conflictId: string;
  applicationId: string | null;
  /** The application's reference ("IASL-2026-0001"), so people read it instead of the id; null for an institution. */
  reference: string | null;
  institution: string | null;
  reason: string;
  pinned: boolean;
  declaredAt: string;
  declaredBy: 'reviewer' | 'staff';
};

/**
 * A cycle's review settings; `setAt` and `setBy` are null while staff have never set them. `setByName`: who set them,
 * as their account reads now (added when read).
 */
export type CycleSettingsView = {
  cycle: string;
  blindReview: boolean;
  setAt: string | null;
  setBy: string | null;
  setByName?: string | null;
};

/** What conflict-of-interest checks need about a reviewer (docs/DOMAIN.md, Conflicts of interest: same institution, same region). */
export type ReviewerProfile = { id: string; name: string; email: string; institution: string | null; region: string | null };

/** The pool staff assign from, with each reviewer's open load. */
export type ReviewerPoolEntry = ReviewerProfile & { openAssignments: number };

export type AssignReviewersRequest = {
  mode: 'manual' | 'auto';
  /** manual: the reviewers to assign. */
  reviewerIds?: string[];
  /** auto: how many (default: the pinned policy's `reviewersRequired`). */
  count?: number;
};
export type ReleaseReviewerRequest = { reason: string };
export type ScoresRequest = { scores: IndicatorScore[] };
export type SubmitScoresRequest = ScoresRequest & { recommendation: Outcome };

/** Name an application or a whole institution (every application of it), with the reason. */
export type DeclareConflictRequest = { applicationId?: string; institution?: string; reason: string };
export type BlindReviewRequest = { blindReview: boolean };
