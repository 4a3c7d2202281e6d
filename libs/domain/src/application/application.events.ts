import { Level } from '../rubric/rubric';
import { DecisionInputs, GrowthItem, IndicatorRating, IndicatorScore, Outcome, Pins, Survey } from './application.types';

type Event<T extends string, D> = { type: T; data: D & Pins & { applicationId: string } };

export type SurveySubmitted = Event<'SurveySubmitted', {
  reference: string;
  survey: Survey;
  submittedBy: string;
  asNominator: boolean;
  submittedAt: string;
}>;
export type NominationLinked = Event<'NominationLinked', { nominatorId: string; survey: Survey; linkedAt: string }>;
export type SurveyAccepted = Event<'SurveyAccepted', { acceptedAt: string; dueAt: string }>;
export type SurveyRejected = Event<'SurveyRejected', { reason: string; rejectedAt: string }>;
export type AssessmentDraftSaved = Event<'AssessmentDraftSaved', { ratings: IndicatorRating[]; savedAt: string }>;
export type AssessmentSubmitted = Event<'AssessmentSubmitted', { ratings: IndicatorRating[]; submittedAt: string }>;
export type AssessmentDeadlineExtended = Event<'AssessmentDeadlineExtended', {
  previousDueAt: string;
  dueAt: string;
  reason: string;
  reopened: boolean;
  extendedAt: string;
}>;
export type ApplicationLapsed = Event<'ApplicationLapsed', { dueAt: string; lapsedAt: string }>;
export type ReviewerAssigned = Event<'ReviewerAssigned', {
  reviewerId: string;
  dueAt: string;
  method: 'manual' | 'auto';
  purpose: 'review' | 'adjudication';
  assignedAt: string;
}>;
export type ReviewerReleased = Event<'ReviewerReleased', { reviewerId: string; reason: string; releasedAt: string }>;
export type ScoresDraftSaved = Event<'ScoresDraftSaved', { reviewerId: string; scores: IndicatorScore[]; savedAt: string }>;
export type ScoresSubmitted = Event<'ScoresSubmitted', {
  reviewerId: string;
  scores: IndicatorScore[];
  recommendation: Outcome;
  submittedAt: string;
}>;
export type AdjudicationRequired = Event<'AdjudicationRequired', {
  disputed: { indicator: string; levels: { reviewerId: string; level: Level }[]; spread: number }[];
  threshold: number;
  flaggedAt: string;
}>;
export type AdjudicationResolved = Event<'AdjudicationResolved', {
  method: 'board-ruling' | 'extra-reviewer';
  rulings: { indicator: string; level: Level }[];
  justification: string | null;
  resolvedAt: string;
}>;
export type RecommendationComputed = Event<'RecommendationComputed', {
  recommendation: Outcome;
  rule: string;
  inputs: DecisionInputs;
  computedAt: string;
}>;
export type DecisionRecorded = Event<'DecisionRecorded', {
  outcome: Outcome;
  recommendation: Outcome;
  rule: string;
  overruled: boolean;
  justification: string | null;
  /**
   * Schema v2: the length of the justification, kept clear so the overrule rule ("a written justification of at
   * least N characters") can be rechecked after the text itself is erased (issue 5). Null only when a v1 event's
   * text was erased before it could be measured.
   */
  justificationLength: number | null;
  inputs: DecisionInputs;
  decidedBy: string;
  decidedAt: string;
  /** DOMAIN.md, Deadlines: the decision is final when the appeal window closes. */
  appealUntil: string;
  /** Charter membership and Program of Excellence owe a yearly IC Map progress update; null otherwise. */
  progressDueAt: string | null;
}>;
export type GrowthReportIssued = Event<'GrowthReportIssued', { items: GrowthItem[]; issuedAt: string }>;
export type AssessmentReminderIssued = Event<'AssessmentReminderIssued', { dueAt: string; daysBefore: number; remindedAt: string }>;
export type ReviewerReminderIssued = Event<'ReviewerReminderIssued', { reviewerId: string; dueAt: string; daysBefore: number; remindedAt: string }>;
export type ReviewOverdueEscalated = Event<'ReviewOverdueEscalated', {
  reviewerId: string;
  dueAt: string;
  /** `overdue`: staff are alerted; `no-replacement`: the reviewer was released and nobody eligible was left. */
  reason: 'overdue' | 'no-replacement';
  escalatedAt: string;
}>;
export type DecisionFinalized = Event<'DecisionFinalized', { appealUntil: string; finalizedAt: string }>;
export type ProgressReminderIssued = Event<'ProgressReminderIssued', { progressDueAt: string; daysBefore: number; remindedAt: string }>;
export type DesignationSuspended = Event<'DesignationSuspended', { progressDueAt: string; suspendedAt: string }>;
export type ProgressUpdateSubmitted = Event<'ProgressUpdateSubmitted', {
  ratings: IndicatorRating[];
  progressDueAt: string;
  nextDueAt: string;
  submittedAt: string;
}>;
export type DesignationReinstated = Event<'DesignationReinstated', { reinstatedAt: string }>;

export type ApplicationEvent =
  | SurveySubmitted
  | NominationLinked
  | SurveyAccepted
  | SurveyRejected
  | AssessmentDraftSaved
  | AssessmentSubmitted
  | AssessmentDeadlineExtended
  | ApplicationLapsed
  | ReviewerAssigned
  | ReviewerReleased
  | ScoresDraftSaved
  | ScoresSubmitted
  | AdjudicationRequired
  | AdjudicationResolved
  | RecommendationComputed
  | DecisionRecorded
  | GrowthReportIssued
  | AssessmentReminderIssued
  | ReviewerReminderIssued
  | ReviewOverdueEscalated
  | DecisionFinalized
  | ProgressReminderIssued
  | DesignationSuspended
  | ProgressUpdateSubmitted
  | DesignationReinstated;

export type ApplicationEventType = ApplicationEvent['type'];

export const APPLICATION_EVENT_TYPES: readonly ApplicationEventType[] = [
  'SurveySubmitted', 'NominationLinked', 'SurveyAccepted', 'SurveyRejected', 'AssessmentDraftSaved',
  'AssessmentSubmitted', 'AssessmentDeadlineExtended', 'ApplicationLapsed', 'ReviewerAssigned', 'ReviewerReleased',
  'ScoresDraftSaved', 'ScoresSubmitted', 'AdjudicationRequired', 'AdjudicationResolved', 'RecommendationComputed',
  'DecisionRecorded', 'GrowthReportIssued', 'AssessmentReminderIssued', 'ReviewerReminderIssued', 'ReviewOverdueEscalated',
  'DecisionFinalized', 'ProgressReminderIssued', 'DesignationSuspended', 'ProgressUpdateSubmitted', 'DesignationReinstated',
];

export const applicationStream = (applicationId: string) => `application-${applicationId}`;
