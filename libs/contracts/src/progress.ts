import type { IndicatorRating, Outcome, PreviousDesignation, ProgressVerdict } from '@cert/domain';

export type ProgressConfirmationView = {
  reviewerId: string;
  /** The reviewer's name as their account reads now ("[erased person]" once erased); for staff, the board and auditors. */
  reviewerName?: string;
  updateSubmittedAt: string;
  requestedAt: string;
  recordedAt: string | null;
  verdicts: ProgressVerdict[] | null;
};

export type ProgressUpdateView = {
  submittedAt: string;
  dueAt: string;
  late: boolean;
  ratings: IndicatorRating[];
  confirmations: ProgressConfirmationView[];
};

/**
 * Per indicator: the level at designation, last year's and this year's, and the changes. `atDesignation` is the
 * program's own rating in the assessment the designation was decided on (the yearly updates are self-ratings too,
 * so like is compared with like); `consensusAtDesignation` is the reviewers' consensus the decision rests on, shown
 * beside it. "Last year" is the update before the latest, or the designation when only one update exists.
 */
export type IndicatorProgressView = {
  indicator: string;
  title: string;
  atDesignation: number | null;
  consensusAtDesignation: number | null;
  lastYear: number | null;
  thisYear: number | null;
  changeSinceLastYear: number | null;
  changeSinceDesignation: number | null;
};

export type DesignationStatus = 'active' | 'suspended' | 'expired' | 'renewed';

export type ProgressView = {
  applicationId: string;
  reference: string;
  rubricVersion: string;
  designation: {
    outcome: Outcome;
    designatedAt: string;
    status: DesignationStatus;
    termEndsAt: string | null;
    progressDueAt: string | null;
    renewalId: string | null;
    endedAt: string | null;
  } | null;
  renewalOf: { applicationId: string; previous: PreviousDesignation } | null;
  indicators: IndicatorProgressView[];
  updates: ProgressUpdateView[];
};

/**
 * What a renewal's reviewers and board see of the earlier years (a renewal runs a new assessment and review with the
 * earlier years' history in view): the designation it renews with its levels and each year's levels.
 * Levels and dates only: no evidence text, so nothing identifies the program beyond what the reviewer already reads.
 */
export type RenewalHistoryView = {
  renewalOf: string;
  previous: PreviousDesignation;
  indicators: IndicatorProgressView[];
  years: { submittedAt: string; late: boolean; levels: { indicator: string; level: number }[]; disputed: string[] }[];
};

/** A reviewer's worklist of progress confirmations, newest request first, with the update to confirm. */
export type ConfirmationAssignmentView = ProgressConfirmationView & {
  applicationId: string;
  reference: string;
  institutionName: string;
  ratings: IndicatorRating[];
};

export type RequestProgressConfirmationRequest = { reviewerId: string };
/** One verdict per indicator of the update; a dispute needs a comment. */
export type RecordProgressConfirmationRequest = { verdicts: ProgressVerdict[] };
