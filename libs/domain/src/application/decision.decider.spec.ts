import { deciderSpec } from '../../../testing/src/decider-spec';
import { InvalidState, RuleViolation } from '../errors';
import { applicationDecider } from './application.decider';
import { DecisionRecorded, GrowthReportIssued } from './application.events';
import { cmd, historyOfAfter, scoresAt, underReview } from './application.fixtures';

const given = deciderSpec(applicationDecider);
const recommended = (level: 1 | 2 | 3 | 4 | 5) =>
  historyOfAfter(underReview(), cmd.submitScores('rev-a', scoresAt(level)), cmd.submitScores('rev-b', scoresAt(level)));

describe('application › board decision', () => {
  it('records the recommended outcome with its inputs, versions and rule, and a growth report', () => {
    const [decision, report] = given(recommended(4)).when(cmd.decide('ProgramOfExcellence')).thenEvents() as [
      DecisionRecorded,
      GrowthReportIssued,
    ];
    expect(decision.data).toEqual(
      expect.objectContaining({
        outcome: 'ProgramOfExcellence',
        recommendation: 'ProgramOfExcellence',
        overruled: false,
        justification: null,
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
        decidedBy: 'user-board',
        rule: expect.stringContaining('decision-policy.v1/excellence'),
      }),
    );
    expect(decision.data.inputs).toEqual(expect.objectContaining({ overallMean: 4, outcomeMeans: { EC1: 4, EC2: 4, EC3: 4 } }));
    expect(report.data.items).toHaveLength(16);
    expect(report.data.items[0]).toEqual(
      expect.objectContaining({ currentLevel: 4, nextLevel: 5, goal: expect.stringMatching(/^Sustaining: /) }),
    );
  });

  it('refuses to overrule the recommendation without a written justification', () =>
    given(recommended(3)).when(cmd.decide('ProgramOfExcellence', 'ok')).thenThrows(RuleViolation, 'decision.justification_required'));

  it('records an overrule with its justification', () => {
    const why = 'Site visit showed sustained practice beyond the written evidence.';
    const [decision] = given(recommended(3)).when(cmd.decide('ProgramOfExcellence', why)).thenEvents() as [DecisionRecorded];
    expect(decision.data).toEqual(
      expect.objectContaining({ outcome: 'ProgramOfExcellence', recommendation: 'CharterMembership', overruled: true, justification: why }),
    );
  });

  it('gives a not-yet-ready application a growth report toward the next level', () => {
    const [decision, report] = given(recommended(1)).when(cmd.decide('NotYetReady')).thenEvents() as [DecisionRecorded, GrowthReportIssued];
    expect(decision.data.rule).toContain('not-yet-ready');
    expect(report.data.items.every((i) => i.currentLevel === 1 && i.nextLevel === 2 && i.goal.startsWith('Progressing: '))).toBe(true);
  });

  it('refuses a decision before the review is complete', () =>
    given(underReview()).when(cmd.decide('CharterMembership')).thenThrows(InvalidState, 'decision.not_ready'));

  it('refuses a second decision', () =>
    given(historyOfAfter(recommended(3), cmd.decide('CharterMembership')))
      .when(cmd.decide('CharterMembership'))
      .thenThrows(InvalidState, 'decision.already_recorded'));
});
