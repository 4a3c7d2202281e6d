import { ERASED } from '../privacy/personal-data';
import { SCHEMA_VERSIONS, UPCASTERS } from '../events/event-registry';
import { schemaVersionOf, upcast } from './upcasters';

const v1 = (justification: string | null) => ({
  type: 'DecisionRecorded',
  schemaVersion: 1,
  id: 'e-9',
  data: { outcome: 'CharterMembership', recommendation: 'NotYetReady', overruled: true, justification, rule: 'r' },
});

describe('upcasters: older stored event shapes brought to the current schema', () => {
  it('has a step from every version to the next, for every type above version 1', () => {
    const missing = Object.entries(SCHEMA_VERSIONS).flatMap(([type, current]) =>
      Array.from({ length: current - 1 }, (_, i) => i + 1)
        .filter((v) => typeof UPCASTERS[type]?.[v] !== 'function')
        .map((v) => `${type} v${v}`),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(UPCASTERS).every((type) => type in SCHEMA_VERSIONS)).toBe(true);
    // No step starts at or past the version written today: it would never run.
    const current = SCHEMA_VERSIONS as Record<string, number>;
    const stale = Object.entries(UPCASTERS).flatMap(([type, steps]) =>
      Object.keys(steps)
        .map(Number)
        .filter((v) => v < 1 || v >= current[type])
        .map((v) => `${type} v${v}`),
    );
    expect(stale).toEqual([]);
  });

  it('brings DecisionRecorded v1 to v2 by measuring its justification, leaving the rest and the envelope as they were', () => {
    expect(upcast(v1('The site visit showed far more than the written evidence.'))).toEqual({
      ...v1('The site visit showed far more than the written evidence.'),
      schemaVersion: 2,
      data: { ...v1('The site visit showed far more than the written evidence.').data, justificationLength: 57 },
    });
    expect(upcast(v1(null)).data).toEqual(expect.objectContaining({ justification: null, justificationLength: 0 }));
    // An erased v1 text cannot be measured any more: unknown, not zero.
    expect(upcast(v1(ERASED)).data).toEqual(expect.objectContaining({ justificationLength: null }));
  });

  it('passes current, unknown and newer-than-known events through untouched', () => {
    const current = { type: 'DecisionRecorded', schemaVersion: 2, data: { justificationLength: 3 } };
    expect(upcast(current)).toBe(current);
    const other = { type: 'SomethingElse', schemaVersion: 1, data: {} };
    expect(upcast(other)).toBe(other);
    expect(schemaVersionOf('SomethingElse')).toBe(1);
    const newer = { type: 'SurveyAccepted', schemaVersion: 3, data: {} };
    expect(upcast(newer)).toBe(newer);
  });
});
