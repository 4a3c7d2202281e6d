import { OpenApplication, allIndicators, applicationDecider, describeEvents, outcomeOf, rubricByVersion } from '@cert/domain';
import { ApplicationHistory } from './history';
import type { DecisionReport, RecordOfReasonsSummary, Reproduction, StreamVerdict } from '@cert/contracts';

/**
 * The decision report people read (docs/DOMAIN.md, What auditors need): the timeline (who, what, when, under which
 * versions), scores by indicator and reviewer, the rule that fired, any overrule and its justification, deadlines and
 * extensions.
 */
export function decisionReport(
  events: ApplicationHistory,
  extra: { generatedAt: string; verification: StreamVerdict; reproduction: Reproduction | null; recordOfReasons: RecordOfReasonsSummary },
): DecisionReport {
  const state = events.reduce(applicationDecider.evolve, applicationDecider.initialState()) as OpenApplication;
  const rubric = rubricByVersion(state.rubricVersion);
  const recommendationEvent = events.findLast((e) => e.type === 'RecommendationComputed');
  const decisionEvent = events.findLast((e) => e.type === 'DecisionRecorded');
  const consensus = recommendationEvent?.type === 'RecommendationComputed' ? recommendationEvent.data.inputs.consensus : [];
  const reviewers = Object.values(state.reviewers);

  const summaries = describeEvents(events);
  return {
    application: {
      id: state.id,
      reference: state.reference,
      leaderName: state.survey.leaderName,
      institution: state.survey.institution.name,
      status: state.status,
      rubricVersion: state.rubricVersion,
      policyVersion: state.policyVersion,
    },
    generatedAt: extra.generatedAt,
    verification: {
      ok: extra.verification.ok,
      events: extra.verification.events,
      headHash: extra.verification.headHash,
      problem: extra.verification.problem,
    },
    timeline: events.map((e, i) => ({
      version: e.version,
      position: e.position,
      occurredAt: e.metadata.occurredAt,
      actorId: e.metadata.actorId,
      actorRole: e.metadata.actorRole,
      type: e.type,
      versions: `${e.data.rubricVersion} / ${e.data.policyVersion}`,
      summary: summaries[i],
    })),
    reviewers: reviewers.map((r) => ({ reviewerId: r.reviewerId, purpose: r.purpose, status: r.status, recommendation: r.recommendation })),
    scores: allIndicators(rubric).map((indicator) => ({
      indicator: indicator.code,
      outcome: outcomeOf(rubric, indicator.code) ?? '',
      title: indicator.title,
      levels: Object.fromEntries(
        reviewers.flatMap((r) => (r.scores ?? []).filter((s) => s.indicator === indicator.code).map((s) => [r.reviewerId, s.level])),
      ),
      ruling: state.rulings[indicator.code] ?? null,
      consensus: consensus.find((c) => c.indicator === indicator.code)?.level ?? null,
    })),
    adjudications: events.flatMap((e) =>
      e.type === 'AdjudicationResolved'
        ? [
            {
              version: e.version,
              method: e.data.method,
              rulings: e.data.rulings,
              justification: e.data.justification,
              by: e.metadata.actorId,
              at: e.metadata.occurredAt,
            },
          ]
        : [],
    ),
    recommendation:
      recommendationEvent?.type === 'RecommendationComputed'
        ? {
            outcome: recommendationEvent.data.recommendation,
            rule: recommendationEvent.data.rule,
            computedAt: recommendationEvent.data.computedAt,
          }
        : null,
    decision:
      decisionEvent?.type === 'DecisionRecorded'
        ? {
            outcome: decisionEvent.data.outcome,
            recommendation: decisionEvent.data.recommendation,
            rule: decisionEvent.data.rule,
            overruled: decisionEvent.data.overruled,
            justification: decisionEvent.data.justification,
            decidedBy: decisionEvent.data.decidedBy,
            decidedAt: decisionEvent.data.decidedAt,
            appealUntil: decisionEvent.data.appealUntil,
            progressDueAt: decisionEvent.data.progressDueAt,
            final: state.decision?.final ?? false,
          }
        : null,
    deadlines: deadlines(events),
    reproduction: extra.reproduction && { reproduced: extra.reproduction.reproduced, differences: extra.reproduction.differences },
    recordOfReasons: extra.recordOfReasons,
  };
}

/** docs/DOMAIN.md, Deadlines: every due date the log set, who set it, and extensions with their reasons. */
const deadlines = (events: ApplicationHistory): DecisionReport['deadlines'] =>
  events.flatMap((e): DecisionReport['deadlines'] => {
    const at = { setAt: e.metadata.occurredAt, by: e.metadata.actorId };
    switch (e.type) {
      case 'SurveyAccepted':
        return [{ what: 'assessment', dueAt: e.data.dueAt, ...at, note: null }];
      case 'AssessmentDeadlineExtended':
        return [
          {
            what: 'assessment (extended)',
            dueAt: e.data.dueAt,
            ...at,
            note: `from ${e.data.previousDueAt}${e.data.reopened ? ', reopened' : ''}: ${e.data.reason}`,
          },
        ];
      case 'ApplicationLapsed':
        return [{ what: 'assessment missed: lapsed', dueAt: e.data.dueAt, ...at, note: null }];
      case 'ReviewerAssigned':
        return [{ what: `scores from ${e.data.reviewerId}`, dueAt: e.data.dueAt, ...at, note: e.data.purpose }];
      case 'ReviewOverdueEscalated':
        return [{ what: `scores from ${e.data.reviewerId} overdue`, dueAt: e.data.dueAt, ...at, note: e.data.reason }];
      case 'DecisionRecorded': {
        const progress = e.data.progressDueAt ? [{ what: 'progress update', dueAt: e.data.progressDueAt, ...at, note: null }] : [];
        return [{ what: 'appeal window', dueAt: e.data.appealUntil, ...at, note: null }, ...progress];
      }
      default:
        return [];
    }
  });
