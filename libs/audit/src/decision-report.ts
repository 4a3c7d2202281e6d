import {
  Names,
  OpenApplication,
  actorName,
  allIndicators,
  applicationDecider,
  describeEvents,
  outcomeOf,
  rubricByVersion,
} from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { ApplicationHistory } from './history';
import type { CheckpointSummary, DecisionReport, RecordOfReasonsSummary, Reproduction, StreamVerdict } from '@cert/contracts';
import { CycleHistory, blindSettingAt } from './blind-review';
import { Naming } from './people';
import { when } from './state-words';

/** The application's reviewers, in the order they were first assigned: how the report numbers them under blind review. */
const reviewerOrder = (events: ApplicationHistory) => [
  ...new Set(events.flatMap((e) => (e.type === 'ReviewerAssigned' ? [e.data.reviewerId] : []))),
];

/**
 * docs/DOMAIN.md, Names: a blind cycle's report numbers its reviewers ("Reviewer 1", in the order assigned), as blind
 * review kept them apart from the applicant's identity, and says so. Blind means blind review was on when any of
 * them submitted scores (before any did, as the cycle is set now).
 */
function reviewerNaming(events: ApplicationHistory, cycle: { cycle: string; events: CycleHistory }, naming: Naming) {
  const scored = events.filter((e) => e.type === 'ScoresSubmitted');
  const moments = scored.length > 0 ? scored.map((e) => e.position) : [null];
  const blindAt = moments.map((p) => blindSettingAt(cycle.cycle, cycle.events, p, naming)).find((s) => s?.blindReview);
  if (!blindAt) return { blind: false, note: null, names: naming.names, inSentences: naming.names };
  const numbers = new Map(reviewerOrder(events).map((id, i) => [id, i + 1]));
  const names: Names = (id) => (numbers.has(id) ? `Reviewer ${numbers.get(id)}` : naming.names?.(id));
  // The registry's sentences say "Reviewer <name> assigned": there the number stands for the name.
  const inSentences: Names = (id) => (numbers.has(id) ? String(numbers.get(id)) : naming.names?.(id));
  const note =
    `Reviewers are numbered, not named: the ${cycle.cycle} cycle was reviewed blind (blind review turned on ` +
    `${when(blindAt.setAt)} by ${blindAt.setBy.name}), so reviewers and the applicant did not learn who the other was.`;
  return { blind: true, note, names, inSentences };
}

/**
 * The decision report people read (docs/DOMAIN.md, What auditors need): the timeline (who, what, when, under which
 * versions), scores by indicator and reviewer, the rule that fired, any overrule and its justification, deadlines and
 * extensions; people named as `naming` names them, reviewers numbered instead where the cycle was blind.
 */
export function decisionReport(
  events: ApplicationHistory,
  extra: {
    generatedAt: string;
    verification: StreamVerdict;
    reproduction: Reproduction | null;
    cycle?: { cycle: string; events: CycleHistory };
    naming?: Naming;
    recordOfReasons: RecordOfReasonsSummary;
    /** The latest signed checkpoint of the whole log (docs/DOMAIN.md, What auditors need). */
    checkpoint?: CheckpointSummary | null;
  },
): DecisionReport {
  const state = events.reduce(applicationDecider.evolve, applicationDecider.initialState()) as OpenApplication;
  const rubric = rubricByVersion(state.rubricVersion);
  const recommendationEvent = events.findLast((e) => e.type === 'RecommendationComputed');
  const decisionEvent = events.findLast((e) => e.type === 'DecisionRecorded');
  const consensus = recommendationEvent?.type === 'RecommendationComputed' ? recommendationEvent.data.inputs.consensus : [];
  const reviewers = Object.values(state.reviewers);
  const naming = extra.naming ?? {};
  const { blind, note, names, inSentences } = reviewerNaming(events, extra.cycle ?? { cycle: '', events: [] }, naming);
  const name = (id: string) => names?.(id) ?? id;
  const who = (e: RecordedEvent) => actorName(e, names);
  const summaries = describeEvents(events, { names: inSentences, references: naming.references });
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
    reviewerNaming: { blind, note },
    timeline: events.map((e, i) => ({
      version: e.version,
      position: e.position,
      occurredAt: e.metadata.occurredAt,
      actorId: e.metadata.actorId,
      actorRole: e.metadata.actorRole,
      actorName: who(e),
      type: e.type,
      versions: `${e.data.rubricVersion} / ${e.data.policyVersion}`,
      summary: summaries[i],
    })),
    reviewers: reviewers.map((r) => ({
      reviewerId: r.reviewerId,
      name: name(r.reviewerId),
      purpose: r.purpose,
      status: r.status,
      recommendation: r.recommendation,
    })),
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
              byName: who(e),
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
            decidedByName: name(decisionEvent.data.decidedBy),
            decidedAt: decisionEvent.data.decidedAt,
            appealUntil: decisionEvent.data.appealUntil,
            progressDueAt: decisionEvent.data.progressDueAt,
            final: state.decision?.final ?? false,
          }
        : null,
    deadlines: deadlines(events, who, name),
    reproduction: extra.reproduction && {
      reproduced: extra.reproduction.reproduced,
      differences: extra.reproduction.differences,
      checks: extra.reproduction.checks,
    },
    recordOfReasons: extra.recordOfReasons,
    checkpoint: extra.checkpoint ?? null,
  };
}

/** docs/DOMAIN.md, Deadlines: every due date the log set, who set it, and extensions with their reasons. */
const deadlines = (
  events: ApplicationHistory,
  who: (e: RecordedEvent) => string,
  name: (id: string) => string,
): DecisionReport['deadlines'] =>
  events.flatMap((e): DecisionReport['deadlines'] => {
    const at = { setAt: e.metadata.occurredAt, by: e.metadata.actorId, byName: who(e) };
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
        return [{ what: `scores from ${name(e.data.reviewerId)}`, dueAt: e.data.dueAt, ...at, note: e.data.purpose }];
      case 'ReviewOverdueEscalated':
        return [{ what: `scores from ${name(e.data.reviewerId)} overdue`, dueAt: e.data.dueAt, ...at, note: e.data.reason }];
      case 'DecisionRecorded': {
        const progress = e.data.progressDueAt ? [{ what: 'progress update', dueAt: e.data.progressDueAt, ...at, note: null }] : [];
        return [{ what: 'appeal window', dueAt: e.data.appealUntil, ...at, note: null }, ...progress];
      }
      default:
        return [];
    }
  });
