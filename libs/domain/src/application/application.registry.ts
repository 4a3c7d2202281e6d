import { EventTable, applicant, reason } from '../events/event-spec';
import { OUTCOME_NAMES as outcome, count, day, list } from '../events/words';
import { ERASED } from '../privacy/personal-data';
import { evidenceType, sizeInWords } from '../evidence/evidence-policy';
import { ApplicationEvent, ApplicationEventType, DecisionRecorded } from './application.events';
import { RetentionRule } from './application.types';

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
// docs/DOMAIN.md, Personal data and the record of reasons: what reviewers write in office is the record's, not
// theirs or the applicant's, so neither one's erasure removes it before the retention ends.
const REVIEWER_COMMENTS = "Reviewer's comments";

/** What each application event must say besides the facts every event has. */
export type ApplicationEventFacts = {
  /**
   * A milestone on the applicant's own timeline. Who reviews them, and the reviewers' and staff's working steps, stay
   * with staff (docs/DOMAIN.md, Blind review; docs/DOMAIN.md, Conflicts of interest).
   */
  applicantSees: boolean;
};

/**
 * Every event of an application's stream (docs/DOMAIN.md, The lifecycle (one application = one event stream)). The
 * leader's identity and own words are theirs (`applicant`); the reasons for what was decided about the application,
 * written in office, are its record of reasons (`reason`), kept for a retention period after the application closes
 * (docs/DOMAIN.md, Personal data and the record of reasons). Levels, codes, dates, ids and the decision's inputs stay
 * clear, so state, timelines and the recomputed decision survive an erasure.
 */
export const APPLICATION_EVENTS: EventTable<ApplicationEvent, ApplicationEventFacts> = {
  SurveySubmitted: {
    schemaVersion: 1,
    personal: SURVEY,
    label: 'Intake survey submitted',
    applicantSees: true,
    describe: ({ data: { survey, asNominator, reference } }) =>
      `${asNominator ? 'Nomination' : 'Intake survey'} received for ${survey.leaderName}, ${survey.institution.name} (${reference})`,
  },
  NominationLinked: {
    schemaVersion: 1,
    personal: SURVEY,
    label: 'Nomination linked',
    applicantSees: false,
    describe: ({ data }, { person }) => `Another nomination of the same leader and institution linked (from ${person(data.nominatorId)})`,
  },
  NominationClaimed: {
    schemaVersion: 1,
    personal: SURVEY,
    label: 'Nomination claimed by the leader',
    applicantSees: true,
    describe: ({ data: { survey } }) =>
      `Nomination claimed by the leader, ${survey.leaderName}, with their own survey for ${survey.institution.name}`,
  },
  SurveyAmended: {
    schemaVersion: 1,
    personal: SURVEY,
    label: 'Survey changed by the leader',
    applicantSees: true,
    describe: ({ data: { survey } }) => `Survey answers changed by the leader, ${survey.leaderName}, before screening`,
  },
  DuplicateDismissed: {
    schemaVersion: 1,
    label: 'Not a duplicate',
    applicantSees: false,
    describe: ({ data }, { application }) => `Checked by staff: not a duplicate of ${application(data.otherApplicationId)}`,
  },
  SurveyAccepted: {
    schemaVersion: 1,
    label: 'Survey accepted',
    applicantSees: true,
    describe: ({ data }) => `Survey accepted; assessment due ${day(data.dueAt)}`,
  },
  SurveyRejected: {
    schemaVersion: 1,
    // Staff's reason for turning the survey down: the institution's decision, kept as one.
    personal: [reason('reason', 'Reason the survey was not accepted')],
    label: 'Survey not accepted',
    applicantSees: true,
    describe: ({ data }) => `Survey not accepted: ${data.reason}`,
  },
  AssessmentDraftSaved: {
    schemaVersion: 1,
    personal: applicant('ratings[].evidence'),
    label: 'Self-assessment draft saved',
    applicantSees: false,
    describe: ({ data }) => `Assessment draft saved (${count(data.ratings.length, 'indicator')} rated)`,
  },
  AssessmentSubmitted: {
    schemaVersion: 1,
    personal: applicant('ratings[].evidence'),
    label: 'Self-assessment submitted',
    applicantSees: true,
    describe: ({ data }) =>
      `Assessment submitted (${count(data.ratings.length, 'indicator')} rated${data.evidence?.length ? `, with ${count(data.evidence.length, 'evidence document or link').replace(/ or links$/, 's or links')}` : ''})`,
  },
  AssessmentDeadlineExtended: {
    schemaVersion: 1,
    // Usually the leader's own circumstances, and no judgement of the application: theirs.
    personal: applicant('reason'),
    label: 'Deadline extended',
    applicantSees: true,
    describe: ({ data: { dueAt, previousDueAt, reopened, reason } }) =>
      `Assessment deadline extended from ${day(previousDueAt)} to ${day(dueAt)}${reopened ? ', application reopened' : ''}: ${reason}`,
  },
  ApplicationLapsed: {
    schemaVersion: 1,
    label: 'Application lapsed',
    applicantSees: true,
    describe: ({ data }) => `No assessment by ${day(data.dueAt)}; application lapsed`,
    byEngine: true,
  },
  ReviewerAssigned: {
    schemaVersion: 1,
    label: 'Reviewer assigned',
    applicantSees: false,
    describe: ({ data: { reviewerId, method, purpose, dueAt } }, { person }) =>
      `Reviewer ${person(reviewerId)} assigned${purpose === 'adjudication' ? ' to adjudicate' : ''} (${method}), due ${day(dueAt)}`,
  },
  ReviewerReleased: {
    schemaVersion: 1,
    // Why the review is not theirs any more: part of the record of who judged the application and why.
    personal: [reason('reason', 'Reason a reviewer was released')],
    label: 'Reviewer released',
    applicantSees: false,
    describe: ({ data }, { person }) => `Reviewer ${person(data.reviewerId)} released: ${data.reason}`,
  },
  ScoresDraftSaved: {
    schemaVersion: 1,
    personal: [reason('scores[].comment', "Reviewer's draft comments")],
    label: 'Scores draft saved',
    applicantSees: false,
    describe: ({ data }, { person }) =>
      `Reviewer ${person(data.reviewerId)} saved draft scores (${count(data.scores.length, 'indicator')})`,
  },
  ScoresSubmitted: {
    schemaVersion: 1,
    personal: [reason('scores[].comment', REVIEWER_COMMENTS)],
    label: 'Scores submitted',
    applicantSees: false,
    describe: ({ data }, { person }) => `Reviewer ${person(data.reviewerId)} submitted scores; recommends ${outcome[data.recommendation]}`,
  },
  AdjudicationRequired: {
    schemaVersion: 1,
    label: 'Adjudication required',
    applicantSees: false,
    describe: ({ data }) =>
      `Reviewers disagree by ${data.threshold}+ levels on ${list(data.disputed.map((d) => d.indicator))}; adjudication needed`,
    byEngine: true,
  },
  AdjudicationResolved: {
    schemaVersion: 1,
    personal: [reason('justification', "Adjudication's justification")],
    label: 'Adjudication resolved',
    applicantSees: false,
    describe: ({ data }) =>
      `Adjudication settled by ${data.method === 'board-ruling' ? 'board ruling' : 'extra reviewer'}: ${list(
        data.rulings.map((r) => `${r.indicator} at level ${r.level}`),
      )}`,
  },
  RecommendationComputed: {
    schemaVersion: 1,
    label: 'Recommendation computed',
    applicantSees: false,
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
    personal: [reason('justification', "Board's justification")],
    label: 'Board decision recorded',
    applicantSees: true,
    describe: ({ data: { outcome: decided, overruled, recommendation, justification, appealOf } }) => {
      const why = overruled ? ` (overruled recommendation ${outcome[recommendation]}: ${justification ?? ''})` : '';
      const appeal = appealOf ? ` on appeal of the decision of ${day(appealOf.decidedAt)} (${outcome[appealOf.outcome]})` : '';
      return `Decision${appeal}: ${outcome[decided]}${why}`;
    },
  },
  GrowthReportIssued: {
    schemaVersion: 1,
    label: 'Growth report issued',
    applicantSees: true,
    describe: ({ data }) => `Growth report issued (${count(data.items.length, 'indicator')})`,
    byEngine: true,
  },
  AssessmentReminderIssued: {
    schemaVersion: 1,
    label: 'Assessment reminder',
    applicantSees: false,
    describe: ({ data }) => `Reminder: assessment due ${day(data.dueAt)} (${count(data.daysBefore, 'day')} before)`,
    byEngine: true,
  },
  ReviewerReminderIssued: {
    schemaVersion: 1,
    label: 'Reviewer reminder',
    applicantSees: false,
    describe: ({ data }, { person }) => `Reminder to reviewer ${person(data.reviewerId)}: scores due ${day(data.dueAt)}`,
    byEngine: true,
  },
  ReviewOverdueEscalated: {
    schemaVersion: 1,
    label: 'Overdue review escalated',
    applicantSees: false,
    describe: ({ data }, { person }) =>
      data.reason === 'overdue'
        ? `Scores from reviewer ${person(data.reviewerId)} overdue since ${day(data.dueAt)}; staff alerted`
        : `Reviewer ${person(data.reviewerId)} released for overdue scores and no eligible reviewer is left; staff alerted`,
    byEngine: true,
  },
  DecisionFinalized: {
    schemaVersion: 1,
    label: 'Decision final',
    applicantSees: true,
    describe: ({ data }, { appealDecided }) =>
      appealDecided
        ? `Appeal decided ${day(data.finalizedAt)}; the appeal decision is final`
        : `Appeal window closed ${day(data.appealUntil)}; the decision is final`,
    byEngine: true,
  },
  ProgressReminderIssued: {
    schemaVersion: 1,
    label: 'Progress update reminder',
    applicantSees: false,
    describe: ({ data }) => `Reminder: yearly progress update due ${day(data.progressDueAt)}`,
    byEngine: true,
  },
  DesignationSuspended: {
    schemaVersion: 1,
    label: 'Designation suspended',
    applicantSees: true,
    describe: ({ data }) => `No progress update since ${day(data.progressDueAt)}; designation suspended`,
    byEngine: true,
  },
  ProgressUpdateSubmitted: {
    schemaVersion: 1,
    personal: applicant('ratings[].evidence'),
    label: 'Progress update submitted',
    applicantSees: true,
    describe: ({ data }) => `Yearly progress update received; next one due ${day(data.nextDueAt)}`,
  },
  DesignationReinstated: {
    schemaVersion: 1,
    label: 'Designation reinstated',
    applicantSees: true,
    describe: () => 'Designation reinstated by the yearly progress update',
    byEngine: true,
  },
  AwardRecorded: {
    schemaVersion: 1,
    label: 'Award recorded',
    applicantSees: true,
    describe: ({ data }) => `Award recorded: ${data.award}`,
  },
  ProgressConfirmationRequested: {
    schemaVersion: 1,
    label: 'Progress confirmation requested',
    applicantSees: false,
    describe: ({ data }, { person }) =>
      `Reviewer ${person(data.reviewerId)} asked to confirm the progress update of ${day(data.updateSubmittedAt)}`,
  },
  ProgressConfirmationRecorded: {
    schemaVersion: 1,
    // A reviewer's word on a progress update, like their review comments.
    personal: [reason('verdicts[].comment', `${REVIEWER_COMMENTS} on a progress update`)],
    label: 'Progress confirmation recorded',
    applicantSees: false,
    describe: ({ data }, { person }) => {
      const disputed = data.verdicts.filter((v) => v.verdict === 'disputed').map((v) => v.indicator);
      const what = disputed.length === 0 ? 'confirmed every indicator of' : `disputed ${list(disputed)} in`;
      return `Reviewer ${person(data.reviewerId)} ${what} the progress update of ${day(data.updateSubmittedAt)}`;
    },
  },
  RenewalReminderIssued: {
    schemaVersion: 1,
    label: 'Renewal reminder',
    applicantSees: true,
    describe: ({ data }) => `Reminder: the designation's term ends ${day(data.termEndsAt)}; renewal due`,
    byEngine: true,
  },
  DesignationExpired: {
    schemaVersion: 1,
    label: 'Designation expired',
    applicantSees: true,
    describe: ({ data }) => `Designation expired at the end of its term (${day(data.termEndsAt)}), not renewed`,
    byEngine: true,
  },
  RenewalStarted: {
    schemaVersion: 1,
    label: 'Renewal started',
    applicantSees: true,
    describe: ({ data }, { application }) => `Renewal started as application ${application(data.renewalId)}`,
  },
  RenewalOpened: {
    schemaVersion: 1,
    label: 'Renewal opened',
    applicantSees: true,
    describe: ({ data: { previous } }) =>
      `Renewal of ${previous.reference} (${outcome[previous.outcome]}, term ending ${day(previous.termEndsAt)})`,
  },
  DesignationRenewed: {
    schemaVersion: 1,
    label: 'Designation renewed',
    applicantSees: true,
    describe: ({ data }, { application }) => `Designation renewed (${outcome[data.outcome]}) by application ${application(data.renewalId)}`,
    byEngine: true,
  },
  AppealFiled: {
    schemaVersion: 1,
    // docs/DOMAIN.md, Appeals: the appeal statement is the applicant's own words.
    personal: applicant('statement'),
    label: 'Appeal filed',
    applicantSees: true,
    describe: ({ data: { appealOf, statement } }) =>
      `Appeal filed against the decision of ${day(appealOf.decidedAt)} (${outcome[appealOf.outcome]}): ${statement}`,
  },
  RecordOfReasonsShredded: {
    schemaVersion: 1,
    label: 'Record of reasons shredded',
    applicantSees: false,
    describe: ({ data: { rule, retentionYears, retainedUntil, held, notReached } }) => {
      const total = (counts: typeof held) => counts.reduce((n, c) => n + c.count, 0);
      const left = total(notReached);
      const apart = left
        ? `; ${count(left, 'reason')} written before reasons were kept apart stay${left === 1 ? 's' : ''} under the people's keys`
        : '';
      return `Record of reasons shredded, kept ${count(retentionYears, 'year')} after ${RETENTION_FROM[rule]} (until ${day(retainedUntil)}): ${count(total(held), 'reason')} destroyed${apart}`;
    },
    byEngine: true,
  },
  AppealRouted: {
    schemaVersion: 1,
    label: 'Appeal routed',
    applicantSees: true,
    describe: ({ data }, { person }) =>
      data.route === 'board'
        ? 'Appeal routed to the board'
        : `Appeal routed to a fresh review; earlier reviewers excluded: ${list(data.excludedReviewers.map(person))}`,
  },
  // docs/DOMAIN.md, Evidence: the file name and a link are the applicant's words; the content's hash, size and type stay
  // clear, so the chain covers the documents and verification needs no key. The sentences name no file: a blind
  // reviewer reads the same timeline.
  EvidenceDocumentAttached: {
    schemaVersion: 1,
    personal: applicant('document.name'),
    label: 'Evidence document attached',
    applicantSees: false,
    describe: ({ data: { indicator, document, replaces, purpose } }) =>
      `${replaces ? 'Evidence document replaced' : 'Evidence document attached'} for ${indicator} (${evidenceType(document.mediaType)?.label ?? document.mediaType}, ${sizeInWords(document.size)}, SHA-256 ${document.sha256.slice(0, 12)}…) to the ${purpose === 'assessment' ? 'self-assessment' : 'progress update'}`,
  },
  EvidenceLinkAdded: {
    schemaVersion: 1,
    personal: applicant('link.url', 'link.title'),
    label: 'Evidence link added',
    applicantSees: false,
    describe: ({ data }) =>
      `Evidence link added for ${data.indicator} to the ${data.purpose === 'assessment' ? 'self-assessment' : 'progress update'}`,
  },
  EvidenceRemoved: {
    schemaVersion: 1,
    label: 'Evidence removed',
    applicantSees: false,
    describe: ({ data }) => `Evidence ${data.kind} removed from ${data.indicator}`,
  },
};

/** docs/DOMAIN.md, Personal data and the record of reasons: what each retention rule counts from, in words. */
export const RETENTION_FROM: Record<RetentionRule, string> = {
  'after-final-decision': 'the final decision',
  'after-designation-end': 'the designation ended',
  'after-rejection': 'the survey was not accepted',
};

export const APPLICATION_EVENT_TYPES = Object.keys(APPLICATION_EVENTS) as readonly ApplicationEventType[];

/** The events on the applicant's own timeline. */
export const APPLICANT_MILESTONE_TYPES: ReadonlySet<string> = new Set(
  APPLICATION_EVENT_TYPES.filter((t) => APPLICATION_EVENTS[t].applicantSees),
);
