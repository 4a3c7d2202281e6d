import { DecisionInputs, GrowthItem, Recommendation } from '../application/application.types';
import { allIndicators } from '../rubric/rubric-catalog';
import { Level, Rubric } from '../rubric/rubric';
import { DecisionPolicy } from './decision-policy';

/** Two decimals, so recorded inputs reproduce exactly when recomputed (no float noise in the audit trail). */
export const round2 = (n: number) => Math.round(n * 100) / 100;

const mean = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Consensus level per indicator: the mean of the finished reviewers' levels, except where an adjudication ruled a
 * level (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 3: disagreement is settled before a
 * decision).
 */
export const consensus = (
  rubric: Rubric,
  reviews: { scores: { indicator: string; level: Level }[] }[],
  rulings: Record<string, Level>,
): { indicator: string; level: number }[] =>
  allIndicators(rubric).map(({ code }) => {
    if (rulings[code] !== undefined) return { indicator: code, level: rulings[code] };
    const levels = reviews.flatMap((r) => r.scores.filter((s) => s.indicator === code).map((s) => s.level));
    return { indicator: code, level: mean(levels) };
  });

export const decisionInputs = (rubric: Rubric, levels: { indicator: string; level: number }[]): DecisionInputs => {
  const byCode = new Map(levels.map((l) => [l.indicator, l.level]));
  const outcomeMeans = Object.fromEntries(rubric.outcomes.map((o) => [o.code, mean(o.indicators.map((i) => byCode.get(i.code) ?? 0))]));
  return {
    consensus: levels,
    outcomeMeans,
    overallMean: mean(levels.map((l) => l.level)),
    minIndicatorLevel: Math.min(...levels.map((l) => l.level)),
  };
};

/** docs/DOMAIN.md, The decision policy (v1): the rule that fires first wins; the rule's text is recorded with the decision. */
export const recommend = (policy: DecisionPolicy, inputs: DecisionInputs): Recommendation => {
  const { excellence, charter } = policy;
  const outcomesOk = Object.values(inputs.outcomeMeans).every((m) => m >= excellence.minOutcomeMean);
  if (outcomesOk && inputs.minIndicatorLevel >= excellence.minIndicatorLevel) {
    const rule = `${policy.version}/excellence: every desired outcome mean >= ${excellence.minOutcomeMean} and no indicator below ${excellence.minIndicatorLevel}`;
    return { outcome: 'ProgramOfExcellence', rule, inputs };
  }
  if (inputs.overallMean >= charter.minOverallMean) {
    return { outcome: 'CharterMembership', rule: `${policy.version}/charter: overall mean >= ${charter.minOverallMean}`, inputs };
  }
  return { outcome: 'NotYetReady', rule: `${policy.version}/not-yet-ready: overall mean below ${charter.minOverallMean}`, inputs };
};

/** Indicators where two reviewers are `threshold` or more levels apart. */
export const disagreements = (reviews: { reviewerId: string; scores: { indicator: string; level: Level }[] }[], threshold: number) => {
  const codes = [...new Set(reviews.flatMap((r) => r.scores.map((s) => s.indicator)))];
  return codes.flatMap((indicator) => {
    const levels = reviews.flatMap((r) =>
      r.scores.filter((s) => s.indicator === indicator).map((s) => ({ reviewerId: r.reviewerId, level: s.level })),
    );
    const spread = Math.max(...levels.map((l) => l.level)) - Math.min(...levels.map((l) => l.level));
    return spread >= threshold ? [{ indicator, levels, spread }] : [];
  });
};

/** The middle value settles a disputed indicator once an extra reviewer has scored it. */
export const median = (levels: Level[]): Level => {
  const sorted = [...levels].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 5: for each indicator, the consensus level
 * and the next level's descriptor as the goal.
 */
export const growthReport = (rubric: Rubric, levels: { indicator: string; level: number }[]): GrowthItem[] =>
  allIndicators(rubric).map((indicator) => {
    const consensusLevel = levels.find((l) => l.indicator === indicator.code)?.level ?? 1;
    const currentLevel = Math.min(5, Math.max(1, Math.floor(consensusLevel))) as Level;
    const nextLevel = currentLevel < 5 ? ((currentLevel + 1) as Level) : null;
    const goal = nextLevel
      ? `${rubric.levelNames[nextLevel]}: ${indicator.levels[nextLevel]}`
      : `Keep ${rubric.levelNames[5]}: ${indicator.levels[5]}`;
    return { indicator: indicator.code, title: indicator.title, consensusLevel, currentLevel, nextLevel, goal };
  });
