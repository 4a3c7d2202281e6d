import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application, ApplicationEvent, DecisionRecorded, SCHEMA_VERSIONS, applicationDecider, describeEvent, upcast } from '@cert/domain';

/**
 * Appeals: the decision an appeal ends in is a DecisionRecorded (schema v2) with an optional `appealOf`.
 * An added optional field needs no new schema version (events written before it simply lack it), so the fixture of
 * that shape lives here rather than in fixtures/events, which holds one fixture per type and version.
 */
const load = (path: string) =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', path), 'utf8')) as {
    type: string;
    schemaVersion: number;
    data: Record<string, unknown>;
  };
const keys = (data: Record<string, unknown>) => Object.keys(data).sort();

describe('DecisionRecorded v2 with appealOf (the decision an appeal ends in)', () => {
  const plain = load('events/DecisionRecorded.v2.json');
  const onAppeal = load('appeals/DecisionRecorded.v2.appeal-of.json');

  it('is the current version of DecisionRecorded, with exactly one field more than the plain v2 fixture', () => {
    expect(onAppeal.schemaVersion).toBe(SCHEMA_VERSIONS.DecisionRecorded);
    expect(keys(onAppeal.data)).toEqual(keys({ ...plain.data, appealOf: null }));
    expect(upcast(onAppeal)).toBe(onAppeal);
  });

  it('folds after the appeal events into a decided appeal, and reads as an appeal decision in the timeline', () => {
    const history = ['SurveySubmitted.v1', 'AppealFiled.v1', 'AppealRouted.v1'].map((name) =>
      load(`events/${name}.json`),
    ) as unknown as ApplicationEvent[];
    const decision = onAppeal as unknown as DecisionRecorded;
    const state = [...history, decision].reduce<Application>(applicationDecider.evolve, applicationDecider.initialState());
    expect(state).toEqual(
      expect.objectContaining({
        status: 'Decided',
        appeal: expect.objectContaining({ status: 'decided', decidedAt: '2026-02-01T09:00:00.000Z' }),
      }),
    );
    expect(describeEvent(decision)).toBe('Decision on appeal of the decision of 2026-01-10 (Not yet ready): Charter membership');
    expect(describeEvent(plain)).not.toContain('appeal');
  });
});
