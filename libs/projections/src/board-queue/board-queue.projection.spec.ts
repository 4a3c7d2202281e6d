import { ALL_PROJECTIONS } from '../projections';
import { logBuilder, readModel } from '../testing/given';
import { CODES, T0, candidate, cmd, ratingsAt, scoresAt } from '../../../domain/src/application/application.fixtures';
import { boardItem, boardQueue } from './board-queue.queries';

const later = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

const reviewed = (a: Parameters<typeof scoresAt>, b: Parameters<typeof scoresAt>, day: number) => [
  cmd.submitSurvey(),
  cmd.accept(),
  cmd.submitAssessment(ratingsAt(3)),
  cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
  cmd.submitScores('rev-a', scoresAt(...a), 'ProgramOfExcellence', later(day)),
  cmd.submitScores('rev-b', scoresAt(...b), 'CharterMembership', later(day)),
];

const setup = () => {
  const { db, apply } = readModel(ALL_PROJECTIONS);
  const { run } = logBuilder();
  return { db, step: (id: string, ...commands: Parameters<typeof run>[1][]) => apply(run(id, ...commands)) };
};

describe('board-queue projection', () => {
  it('puts an agreed application before the board with its recommendation, inputs and spread', () => {
    const { db, step } = setup();
    step('agreed', ...reviewed([4], [4, { [CODES[2]]: 5 }], 2));
    expect(boardItem(db, 'agreed')).toEqual({
      applicationId: 'agreed',
      reference: expect.stringMatching(/^APP-2026-/),
      institutionName: 'Riverside STEM Academy',
      status: 'AwaitingDecision',
      recommendation: 'ProgramOfExcellence',
      rule: expect.stringContaining('excellence'),
      overallMean: 4.03,
      outcomeMeans: { EC1: 4.07, EC2: 4, EC3: 4 },
      minIndicator: 4,
      maxSpread: 1,
      disputed: [],
      reviewerRecommendations: [
        { reviewerId: 'rev-a', recommendation: 'ProgramOfExcellence' },
        { reviewerId: 'rev-b', recommendation: 'CharterMembership' },
      ],
      decisionOutcome: null,
      overruled: null,
      appealOf: null,
      adjudication: null,
      updatedAt: later(2),
    });
  });

  it('shows a strong disagreement as needing adjudication, then the recommendation once resolved', () => {
    const { db, step } = setup();
    step('split', ...reviewed([4], [4, { [CODES[0]]: 1, [CODES[1]]: 2 }], 2));
    expect(boardItem(db, 'split')).toMatchObject({
      status: 'NeedsAdjudication',
      recommendation: null,
      maxSpread: 3,
      disputed: [
        {
          indicator: CODES[0],
          levels: [
            { reviewerId: 'rev-a', level: 4 },
            { reviewerId: 'rev-b', level: 1 },
          ],
          spread: 3,
        },
        {
          indicator: CODES[1],
          levels: [
            { reviewerId: 'rev-a', level: 4 },
            { reviewerId: 'rev-b', level: 2 },
          ],
          spread: 2,
        },
      ],
    });

    step(
      'split',
      cmd.resolve(
        [
          { indicator: CODES[0], level: 3 },
          { indicator: CODES[1], level: 3 },
        ],
        'Ruled on the visit notes.',
        later(3),
      ),
    );
    expect(boardItem(db, 'split')).toMatchObject({
      status: 'AwaitingDecision',
      recommendation: 'CharterMembership',
      maxSpread: 3,
      updatedAt: later(3),
    });
    // The board reads the ruling beside the disputed indicators: the levels, why, and who ruled.
    expect(boardItem(db, 'split')!.adjudication).toEqual({
      method: 'board-ruling',
      rulings: [
        { indicator: CODES[0], level: 3 },
        { indicator: CODES[1], level: 3 },
      ],
      justification: 'Ruled on the visit notes.',
      ruledBy: 'user-board',
      resolvedAt: later(3),
    });

    step('split', cmd.decide('CharterMembership', null, later(4)));
    expect(boardItem(db, 'split')).toMatchObject({ status: 'Decided', decisionOutcome: 'CharterMembership', overruled: false });
    expect(boardItem(db, 'split')!.adjudication?.justification).toBe('Ruled on the visit notes.');
  });

  it('lists waiting work first, oldest first, and leaves out applications not yet before the board', () => {
    const { db, step } = setup();
    step('decided', ...reviewed([3], [3], 1), cmd.decide('CharterMembership', null, later(2)));
    step('newer', ...reviewed([3], [3], 5));
    step('older', ...reviewed([4], [1], 4));
    step('in-review', cmd.submitSurvey(), cmd.accept(), cmd.submitAssessment(ratingsAt(3)));

    expect(boardQueue(db).map((i) => [i.applicationId, i.status])).toEqual([
      ['older', 'NeedsAdjudication'],
      ['newer', 'AwaitingDecision'],
      ['decided', 'Decided'],
    ]);
    expect(boardQueue(db, { status: 'AwaitingDecision' }).map((i) => i.applicationId)).toEqual(['newer']);
    expect(boardItem(db, 'in-review')).toBeNull();
  });
});
