import { RuleViolation, InvalidState } from '../../errors';
import { policyByVersion } from '../../decision/policy-catalog';
import { addDays } from '../../time';
import { consensus, decisionInputs, growthReport, median, recommend } from '../../decision/recommend';
import { rubricByVersion } from '../../rubric/rubric-catalog';
import { RecordDecision, ResolveAdjudication } from '../application.commands';
import { ApplicationEvent, AdjudicationResolved } from '../application.events';
import { evolve } from '../application.evolve';
import { Application, OpenApplication, activeReviewers } from '../application.state';
import { pins, requireOpen, requireStatus } from './guards';
import { designationTerm } from './renewal';
import { appealBeingDecided, finalAtOnce } from './appeal';

/** The engine's recommendation under the pinned rubric and policy, with every input recorded. */
export const recommendationEvents = (app: OpenApplication, now: string): ApplicationEvent[] => {
  const rubric = rubricByVersion(app.rubricVersion);
  const reviews = activeReviewers(app, 'review').map((r) => ({ scores: r.scores ?? [] }));
  const inputs = decisionInputs(rubric, consensus(rubric, reviews, app.rulings));
  const { outcome, rule } = recommend(policyByVersion(app.policyVersion), inputs);
  return [{ type: 'RecommendationComputed', data: { ...pins(app), recommendation: outcome, rule, inputs, computedAt: now } }];
};

// docs/DOMAIN.md, The lifecycle (one application = one event stream), step 3: an extra reviewer settles each disputed
// indicator; the middle level of all scores stands.
export const resolvedByExtraReviewer = (app: OpenApplication, now: string): ApplicationEvent[] => {
  const finished = activeReviewers(app).filter((r) => r.status === 'finished');
  const rulings = app.disputed.map((indicator) => ({
    indicator,
    level: median(finished.flatMap((r) => (r.scores ?? []).filter((s) => s.indicator === indicator).map((s) => s.level))),
  }));
  return resolution(app, { method: 'extra-reviewer', rulings, justification: null }, now);
};

const resolution = (
  app: OpenApplication,
  d: Pick<AdjudicationResolved['data'], 'method' | 'rulings' | 'justification'>,
  now: string,
): ApplicationEvent[] => {
  const resolved: ApplicationEvent = { type: 'AdjudicationResolved', data: { ...pins(app), ...d, resolvedAt: now } };
  return [resolved, ...recommendationEvents(evolve(app, resolved) as OpenApplication, now)];
};

export const resolveAdjudication = ({ data, metadata }: ResolveAdjudication, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireStatus(app, ['NeedsAdjudication'], 'adjudication.not_needed');
  const ruled = data.rulings.map((r) => r.indicator);
  const missing = app.disputed.filter((code) => !ruled.includes(code));
  const notDisputed = ruled.filter((code) => !app.disputed.includes(code));
  if (missing.length > 0 || notDisputed.length > 0) {
    throw new RuleViolation('adjudication.rulings_mismatch', 'rule on exactly the disputed indicators', { missing, notDisputed });
  }
  if (data.rulings.some((r) => ![1, 2, 3, 4, 5].includes(r.level)))
    throw new RuleViolation('adjudication.invalid_level', 'levels run from 1 to 5');
  if (!data.justification.trim()) throw new RuleViolation('adjudication.justification_required', 'a board ruling needs a justification');
  const rulings = data.rulings.map((r) => ({ indicator: r.indicator, level: r.level }));
  return resolution(app, { method: 'board-ruling', rulings, justification: data.justification.trim() }, metadata.now);
};

// docs/DOMAIN.md, The lifecycle (one application = one event stream), step 4: the board may overrule the
// recommendation only with a written justification.
export const recordDecision = ({ data, metadata }: RecordDecision, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  if (app.status === 'Decided') throw new InvalidState('decision.already_recorded', app.status);
  requireStatus(app, ['AwaitingDecision'], 'decision.not_ready');
  const policy = policyByVersion(app.policyVersion);
  const recommendation = app.recommendation!;
  const overruled = data.outcome !== recommendation.outcome;
  const justification = data.justification?.trim() || null;
  if (overruled && (justification ?? '').length < policy.overruleJustificationMinLength) {
    throw new RuleViolation(
      'decision.justification_required',
      `overruling the recommendation needs a justification of at least ${policy.overruleJustificationMinLength} characters`,
      {
        recommendation: recommendation.outcome,
      },
    );
  }
  const items = growthReport(rubricByVersion(app.rubricVersion), recommendation.inputs.consensus);
  const granted = data.outcome !== 'NotYetReady';
  // docs/DOMAIN.md, Appeals: a decision on an appeal names the decision it answers and is final at once (decide/appeal.ts).
  const appealOf = appealBeingDecided(app);
  const appealUntil = appealOf ? metadata.now : addDays(metadata.now, policy.appealWindowDays);
  const progressDueAt = granted ? addDays(metadata.now, policy.progressIntervalDays) : null;
  // decide/renewal.ts: the designation's term, and the designation a renewal renews.
  const term = designationTerm(app, granted, metadata.now);
  return [
    {
      type: 'DecisionRecorded',
      data: {
        ...pins(app),
        outcome: data.outcome,
        recommendation: recommendation.outcome,
        rule: recommendation.rule,
        overruled,
        justification,
        justificationLength: justification?.length ?? 0,
        inputs: recommendation.inputs,
        decidedBy: metadata.actor.id,
        decidedAt: metadata.now,
        appealUntil,
        progressDueAt,
        ...(appealOf && { appealOf }),
        ...term,
      },
    },
    { type: 'GrowthReportIssued', data: { ...pins(app), items, issuedAt: metadata.now } },
    ...finalAtOnce(app, metadata.now),
  ];
};
