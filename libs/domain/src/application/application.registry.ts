import { EventTable, applicant, owned } from '../events/event-spec';
import { OUTCOME_NAMES as outcome, count, day, list } from '../events/words';
import { ERASED } from '../privacy/personal-data';
import { ApplicationEvent, ApplicationEventType, DecisionRecorded } from './application.events';

/** DecisionRecorded as written before schema v2: no `justificationLength`. */
export type DecisionRecordedV1 = Omit<DecisionRecorded['data'], 'justificationLength'>;

// docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: who the leader is and what they wrote.
// Institution type, country, region, years, students served and focus areas stay clear: categories, not identities,
// and conflicts and statistics read them.
const SURVEY = applicant(
  'survey.leaderName',
  'survey.contactEmail',
  'survey.institution.name',
  'survey.programDescription',
  'survey.underrepresentedReach',
  'survey.partners[]',
);
// A reviewer's words are theirs and about the applicant: either one's erasure removes them.
const reviewerAndApplicant = owned('applicant', 'reviewer');

/**
 * Every event of an application's stream (docs/DOMAIN.md, The lifecycle (one application = one event stream)). Board
 * and staff texts are written in office but about the applicant, so they are the applicant's personal data; levels,
 * codes, dates, ids and the decision's inputs stay clear, so state, timelines and the recomputed decision survive an
 * erasure.
 */
export const APPLICATION_EVENTS: EventTable<ApplicationEvent> = {
  SurveySubmitted: {
    schemaVersion: 1,
    personal: SURVEY,
    label: 'Intake survey submitted',
    describe: ({ data: { survey, asNominator, reference } }) =>
      `${asNominator ? 'Nomination' : 'Intake survey'} received for ${survey.leaderName}, ${survey.institution.name} (${reference})`,
  },
  NominationLinked: {
    schemaVersion: 1,
    personal: SURVEY,
    label: 'Nomination linked',
    describe: ({ data }, { person }) => `Another nomination of the same leader and institution linked (from ${person(data.nominatorId)})`,
  },
  SurveyAccepted: {
    schemaVersion: 1,
    label: 'Survey accepted',
    describe: ({ data }) => `Survey accepted; assessment due ${day(data.dueAt)}`,
  },
  SurveyRejected: {
    schemaVersion: 1,
    personal: applicant('reason'),
    label: 'Survey not accepted',
    describe: ({ data }) => `Survey not accepted: ${data.reason}`,
  },
  AssessmentDraftSaved: {
    schemaVersion: 1,
    personal: applicant('ratings[].evidence'),
    label: 'Self-assessment draft saved',
    describe: ({ data }) => `Assessment draft saved (${count(data.ratings.length, 'indicator')} rated)`,
  },
  AssessmentSubmitted: {
    schemaVersion: 1,
    personal: applicant('ratings[].evidence'),
    label: 'Self-assessment submitted',
    describe: ({ data }) => `Assessment submitted (${count(data.ratings.length, 'indicator')} rated)`,
  },
  AssessmentDeadlineExtended: {
    schemaVersion: 1,
    personal: applicant('reason'),
    label: 'Deadline extended',
    describe: ({ data: { dueAt, previousDueAt, reopened, reason } }) =>
      `Assessment deadline extended from ${day(previousDueAt)} to ${day(dueAt)}${reopened ? ', application reopened' : ''}: ${reason}`,
  },
  ApplicationLapsed: {
    schemaVersion: 1,
    label: 'Application lapsed',
    describe: ({ data }) => `No assessment by ${day(data.dueAt)}; application lapsed`,
    byEngine: true,
  },
  ReviewerAssigned: {
    schemaVersion: 1,
    label: 'Reviewer assigned',
    describe: ({ data: { reviewerId, method, purpose, dueAt } }, { person }) =>
      `Reviewer ${person(reviewerId)} assigned${purpose === 'adjudication' ? ' to adjudicate' : ''} (${method}), due ${day(dueAt)}`,
  },
  ReviewerReleased: {
    schemaVersion: 1,
    personal: applicant('reason'),
    label: 'Reviewer released',
    describe: ({ data }, { person }) => `Reviewer ${person(data.reviewerId)} released: ${data.reason}`,
  },
  ScoresDraftSaved: {
    schemaVersion: 1,
    personal: reviewerAndApplicant('scores[].comment'),
    label: 'Scores draft saved',
    describe: ({ data }, { person }) =>
      `Reviewer ${person(data.reviewerId)} saved draft scores (${count(data.scores.length, 'indicator')})`,
  },
  ScoresSubmitted: {
    schemaVersion: 1,
    personal: reviewerAndApplicant('scores[].comment'),
    label: 'Scores submitted',
    describe: ({ data }, { person }) => `Reviewer ${person(data.reviewerId)} submitted scores; recommends ${outcome[data.recommendation]}`,
  },
  AdjudicationRequired: {
    schemaVersion: 1,
    label: 'Adjudication required',
    describe: ({ data }) =>
      `Reviewers disagree by ${data.threshold}+ levels on ${list(data.disputed.map((d) => d.indicator))}; adjudication needed`,
    byEngine: true,
  },
  AdjudicationResolved: {
    schemaVersion: 1,
    personal: applicant('justification'),
    label: 'Adjudication resolved',
    describe: ({ data }) =>
      `Adjudication settled by ${data.method === 'board-ruling' ? 'board ruling' : 'extra reviewer'}: ${list(
        data.rulings.map((r) => `${r.indicator} at level ${r.level}`),
      )}`,
  },
  RecommendationComputed: {
    schemaVersion: 1,
    label: 'Recommendation computed',
    describe: ({ data }) => `The engine recommends ${outcome[data.recommendation]} (overall mean ${data.inputs.overallMean.toFixed(2)})`,
    byEngine: true,
  },
  DecisionRecorded: {
    schemaVersion: 2,
    upcasters: {
      // v1 events were written before encryption, so their text is clear and can be measured; an erased one cannot.
      1: (data) => {
        const v1 = data as DecisionRecordedV1;
        const { justification } = v1;
        const justificationLength = justification === null ? 0 : justification === ERASED ? null : justification.length;
        return { ...v1, justificationLength } satisfies DecisionRecorded['data'];
      },
    },
    personal: applicant('justification'),
    label: 'Board decision recorded',
    describe: ({ data: { outcome: decided, overruled, recommendation, justification, appealOf } }) => {
      const why = overruled ? ` (overruled recommendation ${outcome[recommendation]}: ${justification ?? ''})` : '';
      const appeal = appealOf ? ` on appeal of the decision of ${day(appealOf.decidedAt)} (${outcome[appealOf.outcome]})` : '';
      return `Decision${appeal}: ${outcome[decided]}${why}`;
    },
  },
  GrowthReportIssued: {
    schemaVersion: 1,
    label: 'Growth report issued',
    describe: ({ data }) => `Growth report issued (${count(data.items.length, 'indicator')})`,
    byEngine: true,
  },
  AssessmentReminderIssued: {
    schemaVersion: 1,
    label: 'Assessment reminder',
    describe: ({ data }) => `Reminder: assessment due ${day(data.dueAt)} (${count(data.daysBefore, 'day')} before)`,
    byEngine: true,
  },
  ReviewerReminderIssued: {
    schemaVersion: 1,
    label: 'Reviewer reminder',
    describe: ({ data }, { person }) => `Reminder to reviewer ${person(data.reviewerId)}: scores due ${day(data.dueAt)}`,
    byEngine: true,
  },
  ReviewOverdueEscalated: {
    schemaVersion: 1,
    label: 'Overdue review escalated',
    describe: ({ data }, { person }) =>
      data.reason === 'overdue'
        ? `Scores from reviewer ${person(data.reviewerId)} overdue since ${day(data.dueAt)}; staff alerted`
        : `Reviewer ${person(data.reviewerId)} released for overdue scores and no eligible reviewer is left; staff alerted`,
    byEngine: true,
  },
  DecisionFinalized: {
    schemaVersion: 1,
    label: 'Decision final',
    describe: ({ data }, { appealDecided }) =>
      appealDecided
        ? `Appeal decided ${day(data.finalizedAt)}; the appeal decision is final`
        : `Appeal window closed ${day(data.appealUntil)}; the decision is final`,
    byEngine: true,
  },
  ProgressReminderIssued: {
    schemaVersion: 1,
    label: 'Progress update reminder',
    describe: ({ data }) => `Reminder: yearly progress update due ${day(data.progressDueAt)}`,
    byEngine: true,
  },
  DesignationSuspended: {
    schemaVersion: 1,
    label: 'Designation suspended',
    describe: ({ data }) => `No progress update since ${day(data.progressDueAt)}; designation suspended`,
    byEngine: true,
  },
  ProgressUpdateSubmitted: {
    schemaVersion: 1,
    personal: applicant('ratings[].evidence'),
    label: 'Progress update submitted',
    describe: ({ data }) => `Yearly progress update received; next one due ${day(data.nextDueAt)}`,
  },
  DesignationReinstated: {
    schemaVersion: 1,
    label: 'Designation reinstated',
    describe: () => 'Designation reinstated by the yearly progress update',
    byEngine: true,
  },
  AwardRecorded: {
    schemaVersion: 1,
    label: 'Award recorded',
    describe: ({ data }) => `Award recorded: ${data.award}`,
  },
  ProgressConfirmationRequested: {
    schemaVersion: 1,
    label: 'Progress confirmation requested',
    describe: ({ data }, { person }) =>
      `Reviewer ${person(data.reviewerId)} asked to confirm the progress update of ${day(data.updateSubmittedAt)}`,
  },
  ProgressConfirmationRecorded: {
    schemaVersion: 1,
    // A reviewer's word on a progress update, like their review comments.
    personal: reviewerAndApplicant('verdicts[].comment'),
    label: 'Progress confirmation recorded',
    describe: ({ data }, { person }) => {
      const disputed = data.verdicts.filter((v) => v.verdict === 'disputed').map((v) => v.indicator);
      const what = disputed.length === 0 ? 'confirmed every indicator of' : `disputed ${list(disputed)} in`;
      return `Reviewer ${person(data.reviewerId)} ${what} the progress update of ${day(data.updateSubmittedAt)}`;
    },
  },
  RenewalReminderIssued: {
    schemaVersion: 1,
    label: 'Renewal reminder',
    describe: ({ data }) => `Reminder: the designation's term ends ${day(data.termEndsAt)}; renewal due`,
    byEngine: true,
  },
  DesignationExpired: {
    schemaVersion: 1,
    label: 'Designation expired',
    describe: ({ data }) => `Designation expired at the end of its term (${day(data.termEndsAt)}), not renewed`,
    byEngine: true,
  },
  RenewalStarted: {
    schemaVersion: 1,
    label: 'Renewal started',
    describe: ({ data }) => `Renewal started as application ${data.renewalId}`,
  },
  RenewalOpened: {
    schemaVersion: 1,
    label: 'Renewal opened',
    describe: ({ data: { previous } }) =>
      `Renewal of ${previous.reference} (${outcome[previous.outcome]}, term ending ${day(previous.termEndsAt)})`,
  },
  DesignationRenewed: {
    schemaVersion: 1,
    label: 'Designation renewed',
    describe: ({ data }) => `Designation renewed (${outcome[data.outcome]}) by application ${data.renewalId}`,
    byEngine: true,
  },
  AppealFiled: {
    schemaVersion: 1,
    // docs/DOMAIN.md, Appeals: the appeal statement is the applicant's own words.
    personal: applicant('statement'),
    label: 'Appeal filed',
    describe: ({ data: { appealOf, statement } }) =>
      `Appeal filed against the decision of ${day(appealOf.decidedAt)} (${outcome[appealOf.outcome]}): ${statement}`,
  },
  AppealRouted: {
    schemaVersion: 1,
    label: 'Appeal routed',
    describe: ({ data }, { person }) =>
      data.route === 'board'
        ? 'Appeal routed to the board'
        : `Appeal routed to a fresh review; earlier reviewers excluded: ${list(data.excludedReviewers.map(person))}`,
  },
};

export const APPLICATION_EVENT_TYPES = Object.keys(APPLICATION_EVENTS) as readonly ApplicationEventType[];
