import { ApplicationEvent } from '@cert/domain';

/** One line per event for the decision report's timeline: what happened, in the words of DOMAIN.md. */
export function describeEvent(e: ApplicationEvent, context: { appealDecided?: boolean } = {}): string {
  switch (e.type) {
    case 'SurveySubmitted': return `Intake survey submitted (${e.data.reference}) for ${e.data.survey.leaderName}, ${e.data.survey.institution.name}`;
    case 'NominationLinked': return 'A further nomination was linked to this application';
    case 'SurveyAccepted': return `Survey accepted; assessment due ${e.data.dueAt}`;
    case 'SurveyRejected': return `Survey rejected: ${e.data.reason}`;
    case 'AssessmentDraftSaved': return `Assessment draft saved (${e.data.ratings.length} indicators)`;
    case 'AssessmentSubmitted': return `Readiness assessment submitted (${e.data.ratings.length} indicators)`;
    case 'AssessmentDeadlineExtended': return `Assessment deadline extended from ${e.data.previousDueAt} to ${e.data.dueAt}: ${e.data.reason}`;
    case 'ApplicationLapsed': return `Application lapsed: assessment not submitted by ${e.data.dueAt}`;
    case 'ReviewerAssigned': return `Reviewer ${e.data.reviewerId} assigned (${e.data.method}, ${e.data.purpose}); scores due ${e.data.dueAt}`;
    case 'ReviewerReleased': return `Reviewer ${e.data.reviewerId} released: ${e.data.reason}`;
    case 'ScoresDraftSaved': return `Reviewer ${e.data.reviewerId} saved a scores draft`;
    case 'ScoresSubmitted': return `Reviewer ${e.data.reviewerId} submitted scores, recommending ${e.data.recommendation}`;
    case 'AdjudicationRequired': return `Adjudication required on ${e.data.disputed.map((d) => d.indicator).join(', ')} (spread >= ${e.data.threshold})`;
    case 'AdjudicationResolved': return `Adjudication resolved by ${e.data.method}: ${e.data.rulings.map((r) => `${r.indicator}=${r.level}`).join(', ')}`;
    case 'RecommendationComputed': return `Engine recommended ${e.data.recommendation} (rule ${e.data.rule})`;
    case 'DecisionRecorded':
      return `Board decided ${e.data.outcome}${e.data.appealOf ? ` on appeal of the decision of ${e.data.appealOf.decidedAt} (${e.data.appealOf.outcome})` : ''}${e.data.overruled ? `, overruling ${e.data.recommendation}: ${e.data.justification}` : ''}`;
    case 'GrowthReportIssued': return `Growth report issued (${e.data.items.length} indicators)`;
    case 'DecisionFinalized':
      // An appeal's decision is final at once: no window closed, nothing further to appeal.
      return context.appealDecided ? `Appeal decision final: recorded ${e.data.finalizedAt}, no further appeal` : `Decision final: appeal window closed ${e.data.appealUntil}`;
    case 'AppealFiled': return `Applicant appealed the decision of ${e.data.appealOf.decidedAt} (${e.data.appealOf.outcome}): ${e.data.statement}`;
    case 'AppealRouted': return e.data.route === 'board' ? 'Appeal routed to the board' : `Appeal routed to a fresh review, excluding ${e.data.excludedReviewers.join(', ')}`;
    default: return e.type;
  }
}
