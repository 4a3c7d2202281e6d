import {
  DecisionInputs,
  IndicatorScore,
  Level,
  NotFound,
  Outcome,
  consensus,
  decisionInputs,
  isErased,
  median,
  policyByVersion,
  recommend,
  rubricByVersion,
} from '@cert/domain';
import type { Difference, RecommendationCheck, RecordedDecisionView, Reproduction, Unverifiable } from '@cert/contracts';
import { ApplicationHistory } from './history';
import { Naming, personName } from './people';

type Slot = { purpose: 'review' | 'adjudication'; status: 'assigned' | 'released' | 'finished'; scores: IndicatorScore[] | null };

/** Every path where two JSON values differ, so a mismatch names the exact field (`inputs.outcomeMeans.EC2`). */
export function jsonDifferences(
  recorded: unknown,
  recomputed: unknown,
  path = '',
): { field: string; recorded: unknown; recomputed: unknown }[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObject(recorded) && isObject(recomputed) && Array.isArray(recorded) === Array.isArray(recomputed)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(recomputed)])];
    return keys.flatMap((k) => jsonDifferences(recorded[k], recomputed[k], path ? `${path}.${k}` : k));
  }
  return Object.is(recorded, recomputed) ? [] : [{ field: path, recorded, recomputed }];
}

/**
 * docs/DOMAIN.md, What auditors need: the decision recomputed from the recorded inputs and compared with the recorded
 * outcome. Each recommendation and the decision are recomputed twice under the versions pinned in their own event:
 * from the inputs they recorded, and from the reviewers' scores and rulings recorded before them. A decision's check
 * also says what the board decided, whether that followed or overruled the recommendation, the justification and who
 * decided (named as `naming` names them). The fold below deliberately does not use the decider's evolve, so a bug
 * there cannot hide itself.
 */
export function reproduceDecision(applicationId: string, events: ApplicationHistory, naming: Naming = {}): Reproduction {
  const slots = new Map<string, Slot>();
  let rulings: Record<string, Level> = {};
  let disputed: string[] = [];
  let last: { outcome: Outcome; rule: string; inputs: DecisionInputs } | null = null;
  let lastDecision: { decidedAt: string; outcome: Outcome } | null = null;
  const checks: RecommendationCheck[] = [];
  const differences: Difference[] = [];
  const unverifiable: Unverifiable[] = [];
  const compare = (version: number, type: string, field: string, recorded: unknown, recomputed: unknown) =>
    jsonDifferences(recorded, recomputed, field).forEach((d) => differences.push({ version, type, ...d }));

  for (const e of events) {
    switch (e.type) {
      case 'ReviewerAssigned':
        slots.set(e.data.reviewerId, { purpose: e.data.purpose, status: 'assigned', scores: null });
        break;
      case 'ReviewerReleased':
        if (slots.has(e.data.reviewerId)) slots.get(e.data.reviewerId)!.status = 'released';
        break;
      case 'ScoresSubmitted':
        if (slots.has(e.data.reviewerId)) Object.assign(slots.get(e.data.reviewerId)!, { status: 'finished', scores: e.data.scores });
        break;
      case 'AdjudicationRequired':
        disputed = e.data.disputed.map((x) => x.indicator);
        break;
      case 'AppealRouted':
        // docs/DOMAIN.md, Appeals: a fresh review is a new round; its recommendation rests on the new scores only.
        if (e.data.route === 'fresh-review') {
          slots.clear();
          rulings = {};
          disputed = [];
          last = null;
        }
        break;
      case 'AdjudicationResolved': {
        if (e.data.method === 'extra-reviewer') {
          // docs/DOMAIN.md, The lifecycle (one application = one event stream), step 3: the middle level of every
          // finished reviewer's score settles each disputed indicator.
          const finished = [...slots.values()].filter((s) => s.status === 'finished');
          const recomputed = disputed.map((indicator) => ({
            indicator,
            level: median(finished.flatMap((s) => (s.scores ?? []).filter((x) => x.indicator === indicator).map((x) => x.level))),
          }));
          compare(e.version, e.type, 'rulings', e.data.rulings, recomputed);
        }
        rulings = { ...rulings, ...Object.fromEntries(e.data.rulings.map((r) => [r.indicator, r.level])) };
        break;
      }
      case 'RecommendationComputed':
      case 'DecisionRecorded': {
        const recorded = { outcome: e.data.recommendation, rule: e.data.rule };
        const policy = policyByVersion(e.data.policyVersion);
        const rubric = rubricByVersion(e.data.rubricVersion);
        const fromInputs = recommend(policy, e.data.inputs);
        const reviews = [...slots.values()]
          .filter((s) => s.purpose === 'review' && s.status !== 'released')
          .map((s) => ({ scores: s.scores ?? [] }));
        const inputs = decisionInputs(rubric, consensus(rubric, reviews, rulings));
        const fromScores = recommend(policy, inputs);
        const decision: RecordedDecisionView | null =
          e.type === 'DecisionRecorded'
            ? {
                outcome: e.data.outcome,
                verdict: e.data.outcome === e.data.recommendation ? 'followed' : 'overruled',
                justification: e.data.justification,
                justificationLength: e.data.justificationLength,
                decidedBy: personName(e.data.decidedBy, naming.names),
                decidedAt: e.data.decidedAt,
                appealOf: e.data.appealOf ?? null,
              }
            : null;
        checks.push({
          version: e.version,
          type: e.type,
          rubricVersion: e.data.rubricVersion,
          policyVersion: e.data.policyVersion,
          recordedRecommendation: recorded,
          fromRecordedInputs: { outcome: fromInputs.outcome, rule: fromInputs.rule },
          fromScores: { outcome: fromScores.outcome, rule: fromScores.rule, inputs },
          decision,
        });
        compare(e.version, e.type, 'fromRecordedInputs', recorded, { outcome: fromInputs.outcome, rule: fromInputs.rule });
        compare(e.version, e.type, 'inputs', e.data.inputs, inputs);
        compare(e.version, e.type, 'fromScores', recorded, { outcome: fromScores.outcome, rule: fromScores.rule });
        if (e.type === 'RecommendationComputed') {
          last = { ...recorded, inputs: e.data.inputs };
          break;
        }
        // The decision must carry the recommendation it was taken on, and an overrule needs its written justification.
        compare(e.version, e.type, 'basedOn', { ...recorded, inputs: e.data.inputs }, last);
        // An appeal's decision must name the decision before it; a first decision names none.
        compare(e.version, e.type, 'appealOf', e.data.appealOf ?? null, e.data.appealOf ? lastDecision : null);
        lastDecision = { decidedAt: e.data.decidedAt, outcome: e.data.outcome };
        compare(e.version, e.type, 'overruled', e.data.overruled, e.data.outcome !== e.data.recommendation);
        // The text may have been erased; its length, recorded clear (schema v2), still shows the rule was met.
        const text = e.data.justification;
        if (text !== null && !isErased(text)) compare(e.version, e.type, 'justificationLength', e.data.justificationLength, text.length);
        const length = text === null ? 0 : isErased(text) ? e.data.justificationLength : text.length;
        if (length === null)
          unverifiable.push({ version: e.version, type: e.type, field: 'justification', why: 'erased before its length was recorded' });
        else if (e.data.overruled && length < policy.overruleJustificationMinLength) {
          compare(e.version, e.type, 'justification', text, `at least ${policy.overruleJustificationMinLength} characters`);
        }
        break;
      }
    }
  }
  // docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: an application keeps the versions it
  // started with; every event must name the same ones.
  const intake = events[0]?.data;
  for (const e of events) {
    const pins = (x: typeof intake) => ({ rubricVersion: x.rubricVersion, policyVersion: x.policyVersion });
    compare(e.version, e.type, 'pins', pins(e.data), pins(intake));
  }
  if (checks.length === 0) throw new NotFound('recommendation', applicationId);
  return { applicationId, reproduced: differences.length === 0, checks, differences, unverifiable };
}
