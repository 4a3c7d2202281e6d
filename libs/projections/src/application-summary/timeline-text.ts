import { ApplicationEvent, assertNever } from '@cert/domain';
import { OUTCOME_NAMES, day } from '../labels';

const list = (items: string[]) => (items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`);

/** What the sentence of an event depends on beyond the event itself (read from the summary before it). */
export type TimelineContext = {
  /** A DecisionFinalized that closes an appeal: the appeal's decision is final at once, no window closed. */
  appealDecided?: boolean;
};

/** One sentence per event for people reading an application's history (DOMAIN.md, What auditors need). */
export const timelineText = (event: ApplicationEvent, context: TimelineContext = {}): string => {
  switch (event.type) {
    case 'SurveySubmitted': {
      const { survey, asNominator, reference } = event.data;
      const by = asNominator ? 'Nomination' : 'Intake survey';
      return `${by} received for ${survey.leaderName}, ${survey.institution.name} (${reference})`;
    }
    case 'NominationLinked':
      return `Another nomination of the same leader and institution linked (from ${event.data.nominatorId})`;
    case 'SurveyAccepted':
      return `Survey accepted; assessment due ${day(event.data.dueAt)}`;
    case 'SurveyRejected':
      return `Survey not accepted: ${event.data.reason}`;
    case 'AssessmentDraftSaved':
      return `Assessment draft saved (${event.data.ratings.length} indicator${event.data.ratings.length === 1 ? '' : 's'} rated)`;
    case 'AssessmentSubmitted':
      return `Assessment submitted (${event.data.ratings.length} indicators rated)`;
    case 'AssessmentDeadlineExtended': {
      const { dueAt, previousDueAt, reopened, reason } = event.data;
      return `Assessment deadline extended from ${day(previousDueAt)} to ${day(dueAt)}${reopened ? ', application reopened' : ''}: ${reason}`;
    }
    case 'ApplicationLapsed':
      return `No assessment by ${day(event.data.dueAt)}; application lapsed`;
    case 'ReviewerAssigned': {
      const { reviewerId, method, purpose, dueAt } = event.data;
      return `Reviewer ${reviewerId} assigned${purpose === 'adjudication' ? ' to adjudicate' : ''} (${method}), due ${day(dueAt)}`;
    }
    case 'ReviewerReleased':
      return `Reviewer ${event.data.reviewerId} released: ${event.data.reason}`;
    case 'ScoresDraftSaved':
      return `Reviewer ${event.data.reviewerId} saved draft scores (${event.data.scores.length} indicators)`;
    case 'ScoresSubmitted':
      return `Reviewer ${event.data.reviewerId} submitted scores; recommends ${OUTCOME_NAMES[event.data.recommendation]}`;
    case 'AdjudicationRequired': {
      const codes = event.data.disputed.map((d) => d.indicator);
      return `Reviewers disagree by ${event.data.threshold}+ levels on ${list(codes)}; adjudication needed`;
    }
    case 'AdjudicationResolved': {
      const how = event.data.method === 'board-ruling' ? 'board ruling' : 'extra reviewer';
      return `Adjudication settled by ${how}: ${list(event.data.rulings.map((r) => `${r.indicator} at level ${r.level}`))}`;
    }
    case 'RecommendationComputed':
      return `Recommendation: ${OUTCOME_NAMES[event.data.recommendation]} (overall mean ${event.data.inputs.overallMean.toFixed(2)})`;
    case 'DecisionRecorded': {
      const { outcome, overruled, recommendation, justification } = event.data;
      const why = overruled ? ` (overruled recommendation ${OUTCOME_NAMES[recommendation]}: ${justification ?? ''})` : '';
      const appeal = event.data.appealOf ? ` on appeal of the decision of ${day(event.data.appealOf.decidedAt)} (${OUTCOME_NAMES[event.data.appealOf.outcome]})` : '';
      return `Decision${appeal}: ${OUTCOME_NAMES[outcome]}${why}`;
    }
    case 'GrowthReportIssued':
      return `Growth report issued (${event.data.items.length} indicators)`;
    case 'AssessmentReminderIssued':
      return `Reminder: assessment due ${day(event.data.dueAt)} (${event.data.daysBefore} day${event.data.daysBefore === 1 ? '' : 's'} before)`;
    case 'ReviewerReminderIssued':
      return `Reminder to reviewer ${event.data.reviewerId}: scores due ${day(event.data.dueAt)}`;
    case 'ReviewOverdueEscalated':
      return event.data.reason === 'overdue'
        ? `Scores from reviewer ${event.data.reviewerId} overdue since ${day(event.data.dueAt)}; staff alerted`
        : `Reviewer ${event.data.reviewerId} released for overdue scores and no eligible reviewer is left; staff alerted`;
    case 'DecisionFinalized':
      return context.appealDecided
        ? `Appeal decided ${day(event.data.finalizedAt)}; the appeal decision is final`
        : `Appeal window closed ${day(event.data.appealUntil)}; the decision is final`;
    case 'ProgressReminderIssued':
      return `Reminder: yearly progress update due ${day(event.data.progressDueAt)}`;
    case 'DesignationSuspended':
      return `No progress update since ${day(event.data.progressDueAt)}; designation suspended`;
    case 'ProgressUpdateSubmitted':
      return `Yearly progress update received; next one due ${day(event.data.nextDueAt)}`;
    case 'DesignationReinstated':
      return 'Designation reinstated';
    case 'AwardRecorded':
      return `Award recorded: ${event.data.award}`;
    case 'ProgressConfirmationRequested':
      return `Reviewer ${event.data.reviewerId} asked to confirm the progress update of ${day(event.data.updateSubmittedAt)}`;
    case 'ProgressConfirmationRecorded': {
      const disputed = event.data.verdicts.filter((v) => v.verdict === 'disputed').map((v) => v.indicator);
      return `Reviewer ${event.data.reviewerId} ${disputed.length === 0 ? 'confirmed every indicator of' : `disputed ${list(disputed)} in`} the progress update of ${day(event.data.updateSubmittedAt)}`;
    }
    case 'RenewalReminderIssued':
      return `Reminder: the designation's term ends ${day(event.data.termEndsAt)}; renewal due`;
    case 'DesignationExpired':
      return `Designation expired at the end of its term (${day(event.data.termEndsAt)}), not renewed`;
    case 'RenewalStarted':
      return `Renewal started as application ${event.data.renewalId}`;
    case 'RenewalOpened':
      return `Renewal of ${event.data.previous.reference} (${OUTCOME_NAMES[event.data.previous.outcome]}, term ending ${day(event.data.previous.termEndsAt)})`;
    case 'DesignationRenewed':
      return `Designation renewed (${OUTCOME_NAMES[event.data.outcome]}) by application ${event.data.renewalId}`;
    case 'AppealFiled':
      return `Appeal filed against the decision of ${day(event.data.appealOf.decidedAt)} (${OUTCOME_NAMES[event.data.appealOf.outcome]}): ${event.data.statement}`;
    case 'AppealRouted':
      return event.data.route === 'board'
        ? 'Appeal routed to the board'
        : `Appeal routed to a fresh review; earlier reviewers excluded: ${list(event.data.excludedReviewers)}`;
    default:
      return assertNever(event);
  }
};
