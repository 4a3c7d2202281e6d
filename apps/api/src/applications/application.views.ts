import type {
  ApplicantApplicationView,
  ApplicationSummaryView,
  AssessmentItemView,
  MilestoneView,
  NominationAcknowledgement,
  ReviewerApplicationView,
  TimelineEntryView,
} from '@cert/contracts';
import { APPLICANT_MILESTONE_TYPES, Names, identityRedactor as redactIdentity } from '@cert/domain';
import { STAGES } from '@cert/projections';
import type { Grant } from '../auth/access-policy';

/**
 * A nominator learns only that the nomination was received, and when they sent it: not when the application opened,
 * which would tell them someone applied or nominated before them (docs/DOMAIN.md, Who uses it).
 */
export const acknowledgement = (app: ApplicationSummaryView, nominatedAt: string | null): NominationAcknowledgement => ({
  id: app.id,
  reference: app.reference,
  received: true,
  submittedAt: nominatedAt ?? app.submittedAt,
});

/**
 * What the applicant sees of their own application: who reviews it, what is disputed and what the engine
 * recommended stay with staff and the board (blind, conflict-free review; the board's decision is what counts).
 */
export const applicantView = (app: ApplicationSummaryView): ApplicantApplicationView => {
  const { reviewers, earlierReviewers, disputed, recommendation, recommendationRule, overallMean, decisionOverruled, ...visible } = app;
  return visible;
};

/** docs/DOMAIN.md, Names: each reviewer beside their name, as their account reads now. */
export const withReviewerNames = <T extends { reviewers: ApplicationSummaryView['reviewers'] }>(app: T, names: Names): T => ({
  ...app,
  reviewers: app.reviewers.map((r) => ({ ...r, name: names(r.reviewerId) ?? r.reviewerId })),
});

/** The leader of an application, by whose survey name their nameless applicant account reads. */
export const leaderOf = (app: ApplicationSummaryView) => ({ email: app.applicantEmail, name: app.leaderName });

export const applicantTimeline = (entries: TimelineEntryView[]): MilestoneView[] =>
  entries.filter((e) => APPLICANT_MILESTONE_TYPES.has(e.type)).map(({ type, occurredAt, summary }) => ({ type, occurredAt, summary }));

/** Blind review: the applicant's identity (leader, contact email, institution) taken out of free text too. */
export const identityRedactor = (app: ApplicationSummaryView) =>
  redactIdentity([
    app.leaderName,
    app.survey.leaderName,
    app.applicantEmail,
    app.survey.contactEmail,
    app.institutionName,
    app.survey.institution.name,
  ]);

/**
 * docs/DOMAIN.md, Appeals: an appeal is between the applicant, staff and whoever decides it (a fresh review or the board).
 * A reviewer whose round ended in the decision appealed is not one of them: a reviewer of an earlier round (the
 * appeal went to a fresh review) or of the only round (appeal filed, or routed to the board).
 */
const roundEndedBeforeAppeal = (app: ApplicationSummaryView, grant: Grant) =>
  app.appealOf !== null && (app.appealRoute !== 'fresh-review' || app.earlierReviewers.includes(grant.actor.id));

/**
 * What such a reviewer keeps: the application as their round left it, decided as it was then (`appealOf`), with
 * their own scores (GET /applications/:id/scores). Nothing of the appeal: no statement, route or standing, and none
 * of the new round's reviewers, disputes or recommendation, nor the appeal's decision and the designation it gives.
 */
const asTheirRoundEnded = (view: ReturnType<typeof roundReviewerView>, appealed: NonNullable<ApplicationSummaryView['appealOf']>) => {
  const {
    appealStatus,
    appealStatement,
    appealRoute,
    appealFiledAt,
    appealOf,
    appealUntil,
    decisionFinal,
    designationStatus,
    progressDueAt,
    disputed,
    recommendation,
    recommendationRule,
    overallMean,
    decisionOutcome,
    decisionOverruled,
    decisionJustification,
    decidedAt,
    ...rest
  } = view as ReturnType<typeof roundReviewerView> & Partial<ApplicationSummaryView>;
  return { ...rest, status: 'Decided' as const, stage: STAGES.Decided, decisionOutcome: appealed.outcome, decidedAt: appealed.decidedAt };
};

/**
 * What an assigned reviewer sees (docs/DOMAIN.md, Blind review). Never the other reviewers, nor who nominated; nothing
 * derived from the others' scores (disagreements, recommendation, means, decision) before their own are in;
 * and under blind review (a cycle setting) no applicant identity: leader name, contact email, institution name.
 */
export const reviewerView = (app: ApplicationSummaryView, grant: Grant): ReviewerApplicationView =>
  roundEndedBeforeAppeal(app, grant) ? asTheirRoundEnded(roundReviewerView(app, grant), app.appealOf!) : roundReviewerView(app, grant);

const roundReviewerView = (app: ApplicationSummaryView, grant: Grant) => {
  const {
    reviewers,
    nominators,
    submittedBy,
    asNominator,
    nominationStatus,
    claimedAt,
    disputed,
    recommendation,
    recommendationRule,
    overallMean,
    decisionOutcome,
    decisionOverruled,
    decisionJustification,
    decidedAt,
    appealOf,
    earlierReviewers,
    ...rest
  } = app;
  const own = reviewers.filter((r) => r.reviewerId === grant.actor.id);
  // An appeal's fresh reviewers score without knowing the decision appealed (appealOf) until their own scores are in.
  const derived = grant.sealed
    ? {}
    : {
        disputed,
        recommendation,
        recommendationRule,
        overallMean,
        decisionOutcome,
        decisionOverruled,
        decisionJustification,
        decidedAt,
        appealOf,
      };
  const view = { ...rest, reviewers: own, ...derived, blindReview: grant.blind };
  if (!grant.blind) return view;
  const redact = identityRedactor(app);
  const { survey } = app;
  return {
    ...view,
    leaderName: null,
    applicantEmail: null,
    institutionName: null,
    appealStatement: view.appealStatement && redact(view.appealStatement),
    survey: {
      ...survey,
      leaderName: null,
      contactEmail: null,
      institution: { ...survey.institution, name: null },
      programDescription: redact(survey.programDescription),
      underrepresentedReach: redact(survey.underrepresentedReach),
      partners: survey.partners.map(redact),
      focusAreas: survey.focusAreas.map(redact),
    },
  };
};

/** The applicant's self-assessment as a reviewer reads it: the evidence text without identity under blind review. */
export const reviewerAssessment = (app: ApplicationSummaryView, items: AssessmentItemView[], grant: Grant) => {
  if (!grant.blind) return items;
  const redact = identityRedactor(app);
  return items.map((i) => ({ ...i, evidence: redact(i.evidence) }));
};

// A reviewer follows the application's own milestones; other reviewers' work stays out of sight.
const REVIEWER_MILESTONES = new Set(['SurveySubmitted', 'SurveyAccepted', 'AssessmentSubmitted', 'AssessmentDeadlineExtended']);

export const reviewerTimeline = (app: ApplicationSummaryView, entries: TimelineEntryView[], grant: Grant): MilestoneView[] => {
  const redact = grant.blind ? identityRedactor(app) : (text: string) => text;
  return entries
    .filter((e) => REVIEWER_MILESTONES.has(e.type))
    .map(({ type, occurredAt, summary }) => ({ type, occurredAt, summary: redact(summary) }));
};
