import { CommandMeta } from '../decider';
import type { PreviousDesignation, ProgressVerdict } from './application.events';
import {
  AppealRoute,
  EvidenceDocument,
  EvidenceLink,
  EvidencePurpose,
  IndicatorRating,
  IndicatorScore,
  Outcome,
  ReviewerCandidate,
  ReasonCount,
  Survey,
} from './application.types';

type Command<T extends string, D> = { type: T; data: D; metadata: CommandMeta };

export type SubmitSurvey = Command<
  'SubmitSurvey',
  {
    applicationId: string;
    survey: Survey;
    asNominator: boolean;
    rubricVersion: string;
    policyVersion: string;
  }
>;
/**
 * A second nomination of the same leader and institution joins the first
 * (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1).
 */
export type LinkNomination = Command<'LinkNomination', { survey: Survey }>;
/** The nominated leader confirms the nomination with their own answers (docs/DOMAIN.md, The lifecycle, step 1). */
export type ClaimNomination = Command<'ClaimNomination', { survey: Survey }>;
/** The leader corrects their survey until staff screen it. */
export type AmendSurvey = Command<'AmendSurvey', { survey: Survey }>;
/** Staff record that a possible duplicate is not one, so it is no longer flagged. */
export type DismissDuplicate = Command<'DismissDuplicate', { otherApplicationId: string }>;
export type AcceptSurvey = Command<'AcceptSurvey', Record<string, never>>;
export type RejectSurvey = Command<'RejectSurvey', { reason: string }>;
export type SaveAssessmentDraft = Command<'SaveAssessmentDraft', { ratings: IndicatorRating[] }>;
export type SubmitAssessment = Command<'SubmitAssessment', { ratings: IndicatorRating[] }>;
export type ExtendAssessmentDeadline = Command<'ExtendAssessmentDeadline', { dueAt: string; reason: string }>;
/** Fired by the deadline timer; `dueAt` is the due date the timer was set for. */
export type ExpireAssessment = Command<'ExpireAssessment', { dueAt: string }>;
export type AssignReviewers = Command<
  'AssignReviewers',
  { mode: 'manual'; reviewers: ReviewerCandidate[] } | { mode: 'auto'; count: number; pool: ReviewerCandidate[] }
>;
export type ReleaseReviewer = Command<'ReleaseReviewer', { reviewerId: string; reason: string }>;
export type SaveScoresDraft = Command<'SaveScoresDraft', { scores: IndicatorScore[] }>;
export type SubmitScores = Command<'SubmitScores', { scores: IndicatorScore[]; recommendation: Outcome }>;
export type ResolveAdjudication = Command<
  'ResolveAdjudication',
  {
    rulings: { indicator: string; level: IndicatorScore['level'] }[];
    justification: string;
  }
>;
export type RecordDecision = Command<'RecordDecision', { outcome: Outcome; justification: string | null }>;

/** Deadline timers (docs/DOMAIN.md, Deadlines): each names the due date it was set for, so a superseded one decides nothing. */
export type RemindAssessment = Command<'RemindAssessment', { dueAt: string; daysBefore: number }>;
export type RemindReviewer = Command<'RemindReviewer', { reviewerId: string; dueAt: string; daysBefore: number }>;
export type EscalateOverdueReview = Command<'EscalateOverdueReview', { reviewerId: string; dueAt: string }>;
export type ReplaceOverdueReviewer = Command<'ReplaceOverdueReviewer', { reviewerId: string; dueAt: string; pool: ReviewerCandidate[] }>;
export type CloseAppealWindow = Command<'CloseAppealWindow', { appealUntil: string }>;
export type RemindProgressUpdate = Command<'RemindProgressUpdate', { progressDueAt: string; daysBefore: number }>;
export type SuspendDesignation = Command<'SuspendDesignation', { progressDueAt: string }>;
export type SubmitProgressUpdate = Command<'SubmitProgressUpdate', { ratings: IndicatorRating[] }>;
/** Issued by the award cycle's reactor for each selected recipient (award/record-award.ts). */
export type RecordAward = Command<'RecordAward', { awardCycleId: string; year: number; award: string }>;
// Yearly progress, term and renewal (decide/progress.ts, decide/renewal.ts). The reviewer's facts come from the
// handler, for the conflict rules.
export type RequestProgressConfirmation = Command<'RequestProgressConfirmation', { reviewer: ReviewerCandidate }>;
export type RecordProgressConfirmation = Command<
  'RecordProgressConfirmation',
  { reviewer: ReviewerCandidate; verdicts: ProgressVerdict[] }
>;
export type RemindRenewal = Command<'RemindRenewal', { termEndsAt: string; daysBefore: number }>;
export type ExpireDesignation = Command<'ExpireDesignation', { termEndsAt: string }>;
export type StartRenewal = Command<'StartRenewal', { renewalId: string }>;
export type OpenRenewal = Command<
  'OpenRenewal',
  {
    applicationId: string;
    renewalOf: string;
    survey: Survey;
    previous: PreviousDesignation;
    rubricVersion: string;
    policyVersion: string;
  }
>;
export type ConcludeRenewal = Command<'ConcludeRenewal', { renewalId: string; outcome: Outcome }>;
/** docs/DOMAIN.md, Appeals: the applicant appeals a decision within the appeal window (decide/appeal.ts). */
export type FileAppeal = Command<'FileAppeal', { statement: string }>;
export type RouteAppeal = Command<'RouteAppeal', { route: AppealRoute }>;

/** docs/DOMAIN.md, Evidence: the content is already stored (encrypted) when this is decided; a refusal has it deleted. */
export type AttachEvidenceDocument = Command<
  'AttachEvidenceDocument',
  { purpose: EvidencePurpose; indicator: string; document: EvidenceDocument; replaces?: string }
>;
export type AddEvidenceLink = Command<'AddEvidenceLink', { purpose: EvidencePurpose; indicator: string; link: EvidenceLink }>;
export type RemoveEvidence = Command<'RemoveEvidence', { evidenceId: string }>;
/**
 * Fired by the retention timer (docs/DOMAIN.md, Personal data and the record of reasons) for the date it was set for.
 * The handler counts, from the stored events, what the record key holds and what it cannot reach.
 */
export type ShredRecordOfReasons = Command<
  'ShredRecordOfReasons',
  { retainedUntil: string; held: ReasonCount[]; notReached: ReasonCount[] }
>;

export type ApplicationCommand =
  | SubmitSurvey
  | LinkNomination
  | ClaimNomination
  | AmendSurvey
  | DismissDuplicate
  | AcceptSurvey
  | RejectSurvey
  | SaveAssessmentDraft
  | SubmitAssessment
  | ExtendAssessmentDeadline
  | ExpireAssessment
  | AssignReviewers
  | ReleaseReviewer
  | SaveScoresDraft
  | SubmitScores
  | ResolveAdjudication
  | RecordDecision
  | RemindAssessment
  | RemindReviewer
  | EscalateOverdueReview
  | ReplaceOverdueReviewer
  | CloseAppealWindow
  | RemindProgressUpdate
  | SuspendDesignation
  | SubmitProgressUpdate
  | RecordAward
  | RequestProgressConfirmation
  | RecordProgressConfirmation
  | RemindRenewal
  | ExpireDesignation
  | StartRenewal
  | OpenRenewal
  | ConcludeRenewal
  | FileAppeal
  | RouteAppeal
  | AttachEvidenceDocument
  | AddEvidenceLink
  | RemoveEvidence
  | ShredRecordOfReasons;
