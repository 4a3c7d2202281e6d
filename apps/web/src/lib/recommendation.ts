import type { BoardItemView, DecisionPolicy } from '@cert/contracts';
import { OUTCOME_SHORT } from './labels';

/**
 * docs/DOMAIN.md, The decision policy (v1): why the rule that fired recommends its outcome, in words, with the thresholds
 * of the pinned policy. The recorded rule reads `<policy>/<name>: <condition>`; an unknown name falls back to that text.
 */
export function ruleInWords(rule: string | null, policy: DecisionPolicy | undefined): string | null {
  if (!rule) return null;
  const name = /\/([a-z-]+):/.exec(rule)?.[1];
  if (!policy) return rule;
  const { excellence, charter } = policy;
  switch (name) {
    case 'excellence':
      return `every desired outcome's mean is at least ${excellence.minOutcomeMean} and no indicator is below level ${excellence.minIndicatorLevel}.`;
    case 'charter':
      return `the overall mean is at least ${charter.minOverallMean}; Program of Excellence would need every desired outcome's mean at ${excellence.minOutcomeMean} or more with no indicator below level ${excellence.minIndicatorLevel}.`;
    case 'not-yet-ready':
      return `the overall mean is below ${charter.minOverallMean}, which charter membership needs.`;
    default:
      return rule;
  }
}

/** The figures the rule was applied to: overall mean, lowest indicator, each desired outcome's mean. */
export function ruleFigures(item: Pick<BoardItemView, 'overallMean' | 'minIndicator' | 'outcomeMeans'> | undefined): string | null {
  if (!item || item.overallMean === null) return null;
  const outcomes = Object.entries(item.outcomeMeans ?? {})
    .map(([code, mean]) => `${OUTCOME_SHORT[code] ?? code} ${mean.toFixed(2)}`)
    .join('; ');
  return `Overall mean ${item.overallMean.toFixed(2)}; lowest indicator ${item.minIndicator ?? '—'}${outcomes ? `; by desired outcome: ${outcomes}` : ''}.`;
}
