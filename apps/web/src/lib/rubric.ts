import type { DesiredOutcome, Indicator, Rubric } from '@cert/contracts';
import { OUTCOME_SHORT } from './labels';

export type IndicatorInOutcome = Indicator & { outcome: DesiredOutcome };

/** The rubric's indicators in reading order (outcome by outcome), each knowing its outcome. */
export const indicatorsOf = (rubric: Rubric): IndicatorInOutcome[] =>
  rubric.outcomes.flatMap((outcome) => outcome.indicators.map((indicator) => ({ ...indicator, outcome })));

export const outcomeName = (outcome: DesiredOutcome) => OUTCOME_SHORT[outcome.code] ?? `${outcome.text.split(' ').slice(0, 8).join(' ')}…`;
