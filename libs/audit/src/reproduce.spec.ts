import { DecisionRecorded, RecommendationComputed } from '@cert/domain';
import { reproduceDecision } from './reproduce';
import { APP_ID, paths, recorded } from './testing/histories';

describe('reproduceDecision', () => {
  it.each(Object.keys(paths) as (keyof typeof paths)[])('reproduces the decision on the %s path, twice over', (path) => {
    const result = reproduceDecision(APP_ID, recorded(paths[path]()));
    expect(result).toEqual(expect.objectContaining({ reproduced: true, differences: [] }));
    expect(result.checks.map((c) => c.type)).toEqual(['RecommendationComputed', 'DecisionRecorded']);
    for (const check of result.checks) {
      expect(check.fromRecordedInputs).toEqual(check.recordedRecommendation);
      expect(check.fromScores).toEqual(expect.objectContaining(check.recordedRecommendation));
    }
  });

  it('names the exact field when a recorded input no longer gives the recorded outcome', () => {
    const events = recorded(paths.followed());
    const rec = events.find((e) => e.type === 'RecommendationComputed')! as unknown as RecommendationComputed;
    rec.data.inputs = { ...rec.data.inputs, overallMean: 1.5, outcomeMeans: { ...rec.data.inputs.outcomeMeans, EC2: 3.1 } };
    const result = reproduceDecision(APP_ID, events);
    expect(result.reproduced).toBe(false);
    expect(result.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'RecommendationComputed', field: 'inputs.overallMean', recorded: 1.5, recomputed: 4.5 }),
        expect.objectContaining({ type: 'RecommendationComputed', field: 'inputs.outcomeMeans.EC2', recorded: 3.1 }),
        expect.objectContaining({
          type: 'RecommendationComputed',
          field: 'fromRecordedInputs.outcome',
          recorded: 'ProgramOfExcellence',
          recomputed: 'NotYetReady',
        }),
        // The decision was taken on a recommendation whose inputs now differ from the ones it carries.
        expect.objectContaining({ type: 'DecisionRecorded', field: 'basedOn.inputs.overallMean' }),
      ]),
    );
  });

  it('flags a rule text that the pinned policy would not produce, an overrule without justification, and a changed pin', () => {
    const events = recorded(paths.overruled());
    const decision = events.find((e) => e.type === 'DecisionRecorded')! as unknown as DecisionRecorded;
    decision.data = {
      ...decision.data,
      rule: 'decision-policy.v1/charter: overall mean >= 1.0',
      justification: null,
      policyVersion: 'decision-policy.v1',
    };
    events[3].data = { ...events[3].data, rubricVersion: 'ic-map.v0' };
    const fields = reproduceDecision(APP_ID, events).differences.map((d) => `${d.type}:${d.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'DecisionRecorded:fromRecordedInputs.rule',
        'DecisionRecorded:justification',
        `${events[3].type}:pins.rubricVersion`,
      ]),
    );
  });

  it('refuses an application with nothing to reproduce yet', () => {
    expect(() => reproduceDecision(APP_ID, recorded(paths.followed().slice(0, 3)))).toThrow(/recommendation .* not found/);
  });
});
