import { CommandMeta } from '../decider';
import { IndicatorRating, IndicatorScore, Outcome, ReviewerCandidate, Survey } from './application.types';

type Command<T extends string, D> = { type: T; data: D; metadata: CommandMeta };

export type SubmitSurvey = Command<'SubmitSurvey', {
  applicationId: string;
  survey: Survey;
  asNominator: boolean;
  rubricVersion: string;
  policyVersion: string;
}>;
/** A second nomination of the same leader and institution joins the first (DOMAIN.md, step 1). */
export type LinkNomination = Command<'LinkNomination', { survey: Survey }>;
export type AcceptSurvey = Command<'AcceptSurvey', Record<string, never>>;
export type RejectSurvey = Command<'RejectSurvey', { reason: string }>;
export type SaveAssessmentDraft = Command<'SaveAssessmentDraft', { ratings: IndicatorRating[] }>;
export type SubmitAssessment = Command<'SubmitAssessment', { ratings: IndicatorRating[] }>;
export type ExtendAssessmentDeadline = Command<'ExtendAssessmentDeadline', { dueAt: string; reason: string }>;
/** Fired by the deadline timer; `dueAt` is the due date the timer was set for. */
export type ExpireAssessment = Command<'ExpireAssessment', { dueAt: string }>;
export type AssignReviewers = Command<'AssignReviewers',
  | { mode: 'manual'; reviewers: ReviewerCandidate[] }
  | { mode: 'auto'; count: number; pool: ReviewerCandidate[] }>;
export type ReleaseReviewer = Command<'ReleaseReviewer', { reviewerId: string; reason: string }>;
export type SaveScoresDraft = Command<'SaveScoresDraft', { scores: IndicatorScore[] }>;
export type SubmitScores = Command<'SubmitScores', { scores: IndicatorScore[]; recommendation: Outcome }>;
export type ResolveAdjudication = Command<'ResolveAdjudication', {
  rulings: { indicator: string; level: IndicatorScore['level'] }[];
  justification: string;
}>;
export type RecordDecision = Command<'RecordDecision', { outcome: Outcome; justification: string | null }>;

export type ApplicationCommand =
  | SubmitSurvey
  | LinkNomination
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
  | RecordDecision;
