/** The IC Map's five levels (source/ic-map-seed.txt: "from Getting Started … to Sustaining"). */
export type Level = 1 | 2 | 3 | 4 | 5;
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

export type IndicatorRole = 'Leaders' | 'Teachers' | 'Students' | 'Strategic Alliances';

export type Indicator = {
  /** e.g. `EC1.Leaders1`, `EC3.Strategic Alliances1` (the seed's own codes). */
  code: string;
  role: IndicatorRole;
  title: string;
  /** Descriptor text for each level, keyed 1..5. */
  levels: Record<Level, string>;
};

export type DesiredOutcome = { code: 'EC1' | 'EC2' | 'EC3'; text: string; indicators: Indicator[] };

export type Rubric = {
  version: string;
  title: string;
  standard: string;
  levelNames: Record<Level, string>;
  outcomes: DesiredOutcome[];
};
