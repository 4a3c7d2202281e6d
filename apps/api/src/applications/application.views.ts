import { ApplicationSummaryView, TimelineEntryView } from '@cert/projections';

/** A nominator learns only that the nomination was received (DOMAIN.md, Who uses it). */
export const acknowledgement = (app: ApplicationSummaryView) => ({
  id: app.id,
  reference: app.reference,
  received: true,
  submittedAt: app.submittedAt,
});

/**
 * What the applicant sees of their own application: who reviews it, what is disputed and what the engine
 * recommended stay with staff and the board (blind, conflict-free review; the board's decision is what counts).
 */
export const applicantView = (app: ApplicationSummaryView) => {
  const { reviewers, disputed, recommendation, recommendationRule, overallMean, decisionOverruled, ...visible } = app;
  return visible;
};

// Applicants follow their own milestones; who reviews them stays private (blind, conflict-free review).
const APPLICANT_MILESTONES = new Set([
  'SurveySubmitted', 'SurveyAccepted', 'SurveyRejected', 'AssessmentSubmitted', 'AssessmentDeadlineExtended',
  'ApplicationLapsed', 'DecisionRecorded', 'GrowthReportIssued',
]);

export const applicantTimeline = (entries: TimelineEntryView[]) =>
  entries.filter((e) => APPLICANT_MILESTONES.has(e.type)).map(({ type, occurredAt, summary }) => ({ type, occurredAt, summary }));
