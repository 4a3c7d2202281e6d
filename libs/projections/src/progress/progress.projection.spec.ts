import { ApplicationCommand } from '@cert/domain';
import { ALL_PROJECTIONS } from '../projections';
import { logBuilder, readModel } from '../testing/given';
import { CODES, applicant, candidate, cmd, ratingsAt, scoresAt, staff } from '../../../domain/src/application/application.fixtures';
import { getProgress, getRenewalHistory, isAskedToConfirm, progressConfirmationsFor } from './progress.queries';

const update = (now: string, level: 3 | 4 | 5, overrides: Record<string, 1 | 2 | 3 | 4 | 5> = {}): ApplicationCommand => ({
  type: 'SubmitProgressUpdate',
  data: { ratings: ratingsAt(level).map((r) => ({ ...r, level: overrides[r.indicator] ?? r.level })) },
  metadata: { actor: applicant, now },
});
const designate = [
  cmd.submitSurvey(),
  cmd.accept(),
  cmd.submitAssessment(ratingsAt(2)),
  cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
  cmd.submitScores('rev-a', scoresAt(3)),
  cmd.submitScores('rev-b', scoresAt(3)),
  cmd.decide('CharterMembership', null, '2026-01-10T09:00:00.000Z'),
];

describe('progress projection', () => {
  const setup = () => {
    const { db, apply } = readModel(ALL_PROJECTIONS);
    const { run } = logBuilder();
    return { db, step: (id: string, ...commands: ApplicationCommand[]) => apply(run(id, ...commands)) };
  };

  it("shows the levels at designation (own rating and reviewers' consensus) and the term", () => {
    const { db, step } = setup();
    step('app', ...designate);
    const view = getProgress(db, 'app')!;
    expect(view.designation).toEqual(
      expect.objectContaining({
        outcome: 'CharterMembership',
        status: 'active',
        termEndsAt: '2031-01-10T09:00:00.000Z',
        progressDueAt: '2027-01-10T09:00:00.000Z',
      }),
    );
    expect(view.indicators[0]).toEqual(
      expect.objectContaining({
        indicator: CODES[0],
        atDesignation: 2,
        consensusAtDesignation: 3,
        lastYear: 2,
        thisYear: null,
        changeSinceLastYear: null,
      }),
    );
  });

  it('compares this year with last year and with designation, and keeps the confirmations per update', () => {
    const { db, step } = setup();
    step('app', ...designate, update('2026-12-01T09:00:00.000Z', 3), update('2027-12-01T09:00:00.000Z', 4, { [CODES[1]]: 3 }));
    step('app', {
      type: 'RequestProgressConfirmation',
      data: { reviewer: candidate('rev-c') },
      metadata: { actor: staff, now: '2027-12-02T09:00:00.000Z' },
    });
    const view = getProgress(db, 'app')!;
    expect(view.indicators[0]).toEqual(
      expect.objectContaining({ atDesignation: 2, lastYear: 3, thisYear: 4, changeSinceLastYear: 1, changeSinceDesignation: 2 }),
    );
    expect(view.indicators[1]).toEqual(
      expect.objectContaining({ lastYear: 3, thisYear: 3, changeSinceLastYear: 0, changeSinceDesignation: 1 }),
    );
    expect(view.updates.map((u) => [u.late, u.confirmations.length])).toEqual([
      [false, 0],
      [false, 1],
    ]);
    expect(progressConfirmationsFor(db, 'rev-c')).toEqual([
      expect.objectContaining({ applicationId: 'app', recordedAt: null, ratings: expect.any(Array) }),
    ]);
    expect(isAskedToConfirm(db, 'app', 'rev-c')).toBe(true);
    expect(isAskedToConfirm(db, 'app', 'rev-a')).toBe(false);
  });

  it('shows a renewal the designation it renews, and nothing on an application that renews nothing', () => {
    const { db, step } = setup();
    step('old', ...designate, update('2026-12-01T09:00:00.000Z', 3));
    step('new', {
      type: 'OpenRenewal',
      data: {
        applicationId: 'new',
        renewalOf: 'old',
        survey: (designate[0] as Extract<ApplicationCommand, { type: 'SubmitSurvey' }>).data.survey,
        previous: {
          reference: 'APP-2026-OLD',
          outcome: 'CharterMembership',
          decidedAt: '2026-01-10T09:00:00.000Z',
          termEndsAt: '2031-01-10T09:00:00.000Z',
        },
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
      },
      metadata: { actor: applicant, now: '2030-08-01T09:00:00.000Z' },
    });
    expect(getRenewalHistory(db, 'new')).toEqual(
      expect.objectContaining({ renewalOf: 'old', years: [expect.objectContaining({ late: false, disputed: [] })] }),
    );
    expect(getRenewalHistory(db, 'old')).toBeNull();
    expect(getProgress(db, 'new')!.designation).toBeNull();
  });
});
