import { ALL_PROJECTIONS } from '../projections';
import { logBuilder, readModel } from '../testing/given';
import { CODES, T0, candidate, cmd, ratingsAt, scoresAt } from '../../../domain/src/application/application.fixtures';
import { assignmentsFor, finalScores, isAssigned, openAssignmentCounts, scoresFor } from './reviewer-assignments.queries';

const later = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

const underReview = (ids: string[]) => [
  cmd.submitSurvey(),
  cmd.accept(),
  cmd.submitAssessment(ratingsAt(3)),
  cmd.assignManual(
    ids.map((id) => candidate(id)),
    later(1),
  ),
];

const setup = () => {
  const { db, apply } = readModel(ALL_PROJECTIONS);
  const { run } = logBuilder();
  return { db, step: (id: string, ...commands: Parameters<typeof run>[1][]) => apply(run(id, ...commands)) };
};

describe('reviewer-assignments projection', () => {
  it("follows a reviewer's progress from assignment to finished scores", () => {
    const { db, step } = setup();
    step('app-1', ...underReview(['rev-a', 'rev-b']));
    expect(assignmentsFor(db, 'rev-a')).toEqual([
      {
        applicationId: 'app-1',
        reference: expect.stringMatching(/^APP-2026-/),
        institutionName: 'Riverside STEM Academy',
        stage: 'Review',
        purpose: 'review',
        status: 'assigned',
        assignedAt: later(1),
        dueAt: later(15),
        submittedAt: null,
        recommendation: null,
        progress: { scored: 0, total: 16 },
      },
    ]);

    step('app-1', cmd.saveScores('rev-a', scoresAt(4).slice(0, 5)), cmd.saveScores('rev-a', scoresAt(5).slice(3, 7)));
    expect(assignmentsFor(db, 'rev-a')[0].progress).toEqual({ scored: 7, total: 16 });
    expect(scoresFor(db, 'app-1', 'rev-a').map((s) => [s.level, s.final])).toEqual([
      [4, false],
      [4, false],
      [4, false],
      [5, false],
      [5, false],
      [5, false],
      [5, false],
    ]);

    step('app-1', cmd.submitScores('rev-a', scoresAt(4), 'CharterMembership', later(2)));
    expect(assignmentsFor(db, 'rev-a')[0]).toMatchObject({
      status: 'finished',
      stage: null,
      submittedAt: later(2),
      recommendation: 'CharterMembership',
      progress: { scored: 16, total: 16 },
    });
    expect(scoresFor(db, 'app-1', 'rev-a').map((s) => s.indicator)).toEqual(CODES);
    expect(scoresFor(db, 'app-1', 'rev-a').every((s) => s.final && s.level === 4)).toBe(true);
    expect(finalScores(db, 'app-1')).toEqual([
      expect.objectContaining({ reviewerId: 'rev-a', recommendation: 'CharterMembership', purpose: 'review' }),
    ]);
    expect(finalScores(db, 'app-1')[0].scores).toHaveLength(16);
  });

  it('counts open assignments per reviewer for balanced auto-assignment', () => {
    const { db, step } = setup();
    step('app-1', ...underReview(['rev-a', 'rev-b']));
    step('app-2', ...underReview(['rev-a', 'rev-c']));
    step('app-2', cmd.release('rev-c'));
    step('app-1', cmd.submitScores('rev-b', scoresAt(3)));
    expect(openAssignmentCounts(db)).toEqual(new Map([['rev-a', 2]]));
  });

  it('knows who is assigned: a released reviewer loses access, a finished one keeps it', () => {
    const { db, step } = setup();
    step('app-1', ...underReview(['rev-a', 'rev-b']), cmd.release('rev-b'), cmd.submitScores('rev-a', scoresAt(3)));
    expect(isAssigned(db, 'app-1', 'rev-a')).toBe(true);
    expect(isAssigned(db, 'app-1', 'rev-b')).toBe(false);
    expect(isAssigned(db, 'app-1', 'rev-z')).toBe(false);
    expect(assignmentsFor(db, 'rev-b')).toEqual([]);
  });

  it('starts a reassigned reviewer afresh', () => {
    const { db, step } = setup();
    step('app-1', ...underReview(['rev-a', 'rev-b']), cmd.saveScores('rev-b', scoresAt(2).slice(0, 3)), cmd.release('rev-b'));
    step('app-1', cmd.assignManual([candidate('rev-b')], later(3)));
    expect(assignmentsFor(db, 'rev-b')[0]).toMatchObject({ status: 'assigned', progress: { scored: 0, total: 16 }, assignedAt: later(3) });
    expect(scoresFor(db, 'app-1', 'rev-b')).toEqual([]);
  });
});
