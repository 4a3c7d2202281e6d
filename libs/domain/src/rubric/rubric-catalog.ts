import { icMapV1 } from './ic-map.v1';
import type { DesiredOutcome, Indicator, Rubric } from './rubric';

/** The rubric version new assessments are scored against. Older versions stay resolvable for replay. */
export const CURRENT_RUBRIC_VERSION = 'ic-map.v1';

const RUBRICS: Readonly<Record<string, Rubric>> = {
  [icMapV1.version]: icMapV1,
};

/** The rubric with this exact version; throws if the version is unknown. */
export const rubricByVersion = (version: string): Rubric => {
  const rubric = Object.prototype.hasOwnProperty.call(RUBRICS, version) ? RUBRICS[version] : undefined;
  if (!rubric) {
    throw new Error(`unknown rubric version: ${JSON.stringify(version)} (known: ${Object.keys(RUBRICS).join(', ')})`);
  }
  return rubric;
};

/** Every indicator of the rubric, in rubric order (outcome by outcome, as in the IC Map). */
export const allIndicators = (rubric: Rubric): Indicator[] => rubric.outcomes.flatMap((outcome) => outcome.indicators);

/** The indicator codes, in rubric order. */
export const indicatorCodes = (rubric: Rubric): string[] => allIndicators(rubric).map((indicator) => indicator.code);

/** The indicator with this exact code, if the rubric has one. */
export const findIndicator = (rubric: Rubric, code: string): Indicator | undefined =>
  allIndicators(rubric).find((indicator) => indicator.code === code);

/** The code of the desired outcome the indicator belongs to, if the rubric has that indicator. */
export const outcomeOf = (rubric: Rubric, code: string): DesiredOutcome['code'] | undefined =>
  rubric.outcomes.find((outcome) => outcome.indicators.some((indicator) => indicator.code === code))?.code;
