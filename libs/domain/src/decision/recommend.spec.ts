import { icMapV1 } from '../rubric/ic-map.v1';
import { indicatorCodes } from '../rubric/rubric-catalog';
import { Level } from '../rubric/rubric';
import { decisionPolicyV1 } from './decision-policy.v1';
import { consensus, decisionInputs, disagreements, growthReport, median, recommend } from './recommend';

const codes = indicatorCodes(icMapV1);
const levels = (level: number, overrides: Record<string, number> = {}) =>
  codes.map((indicator) => ({ indicator, level: overrides[indicator] ?? level }));
const scores = (level: Level, overrides: Record<string, Level> = {}) => ({
  scores: codes.map((indicator) => ({ indicator, level: overrides[indicator] ?? level })),
});
const outcomeFor = (ls: { indicator: string; level: number }[]) => recommend(decisionPolicyV1, decisionInputs(icMapV1, ls)).outcome;

describe('recommend under decision policy v1', () => {
  it('designates a Program of Excellence when every outcome mean is at least 4.0 and no indicator is below 3.0', () =>
    expect(outcomeFor(levels(4))).toBe('ProgramOfExcellence'));

  it('withholds excellence when one indicator is below 3.0, even with high means', () =>
    expect(outcomeFor(levels(5, { [codes[0]]: 2.5 }))).toBe('CharterMembership'));

  it('withholds excellence when one desired outcome mean is below 4.0', () => {
    const ec2 = icMapV1.outcomes[1].indicators.map((i) => i.code);
    expect(outcomeFor(levels(5, Object.fromEntries(ec2.map((c) => [c, 3.5]))))).toBe('CharterMembership');
  });

  it('grants charter membership at an overall mean of exactly 2.0', () => expect(outcomeFor(levels(2))).toBe('CharterMembership'));

  it('answers not yet ready below an overall mean of 2.0', () => expect(outcomeFor(levels(2, { [codes[0]]: 1 }))).toBe('NotYetReady'));

  it('records the inputs it decided on, rounded to two decimals', () => {
    const inputs = decisionInputs(icMapV1, consensus(icMapV1, [scores(3), scores(4, { [codes[0]]: 3 })], {}));
    expect(inputs.consensus[1]).toEqual({ indicator: codes[1], level: 3.5 });
    expect(inputs.overallMean).toBe(3.47);
    expect(inputs.minIndicatorLevel).toBe(3);
  });

  it('lets an adjudication ruling replace the reviewers mean', () =>
    expect(consensus(icMapV1, [scores(3), scores(5)], { [codes[2]]: 4 })[2]).toEqual({ indicator: codes[2], level: 4 }));
});

describe('disagreements', () => {
  it('flags an indicator whose reviewers are two or more levels apart', () => {
    const found = disagreements(
      [
        { reviewerId: 'a', ...scores(2) },
        { reviewerId: 'b', ...scores(3, { [codes[7]]: 4 }) },
      ],
      2,
    );
    expect(found.map((d) => d.indicator)).toEqual([codes[7]]);
  });

  it('does not flag a one-level difference', () =>
    expect(
      disagreements(
        [
          { reviewerId: 'a', ...scores(2) },
          { reviewerId: 'b', ...scores(3) },
        ],
        2,
      ),
    ).toEqual([]));
});

describe('median and growth report', () => {
  it('takes the middle level', () => expect(median([5, 1, 3])).toBe(3));

  it('sets the next level descriptor of each indicator as the goal', () => {
    const items = growthReport(icMapV1, levels(2.5));
    const first = icMapV1.outcomes[0].indicators[0];
    expect(items[0]).toEqual({
      indicator: first.code,
      title: first.title,
      consensusLevel: 2.5,
      currentLevel: 2,
      nextLevel: 3,
      goal: `Refining and Expanding: ${first.levels[3]}`,
    });
  });

  it('asks a Sustaining indicator to keep its level', () =>
    expect(growthReport(icMapV1, levels(5))[0]).toEqual(
      expect.objectContaining({ nextLevel: null, goal: expect.stringMatching(/^Keep Sustaining: /) }),
    ));
});
