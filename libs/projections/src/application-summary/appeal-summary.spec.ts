import { ApplicationCommand } from '@cert/domain';
import { ALL_PROJECTIONS } from '../projections';
import { logBuilder, readModel } from '../testing/given';
import { T0, applicant, candidate, cmd, ratingsAt, scoresAt, staff } from '../../../domain/src/application/application.fixtures';
import { boardItem } from '../board-queue/board-queue.queries';
import { getApplication, getTimeline } from './application-summary.queries';

const A = '3f1c2a9e-0000-4000-8000-0000000000a1';
const later = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();
const STATEMENT = 'The reviewers did not see our robotics evidence.';
const appeal: ApplicationCommand = { type: 'FileAppeal', data: { statement: STATEMENT }, metadata: { actor: applicant, now: later(5) } };
const route = (to: 'fresh-review' | 'board'): ApplicationCommand => ({
  type: 'RouteAppeal',
  data: { route: to },
  metadata: { actor: staff, now: later(6) },
});
const WHY = 'On appeal the board finds the robotics evidence shows charter-level practice.';

const notYetReady = [
  cmd.submitSurvey(),
  cmd.accept(),
  cmd.submitAssessment(ratingsAt(1)),
  cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
  cmd.submitScores('rev-a', scoresAt(1), 'NotYetReady'),
  cmd.submitScores('rev-b', scoresAt(1), 'NotYetReady'),
  cmd.decide('NotYetReady'),
];

const setup = () => {
  const { db, apply } = readModel(ALL_PROJECTIONS);
  const { run } = logBuilder();
  return { db, step: (...commands: ApplicationCommand[]) => apply(run(A, ...commands)) };
};

describe('application summary and board queue › appeals', () => {
  it('shows the appeal, a fresh round of reviewers, and the appeal’s decision with the first one kept in the timeline', () => {
    const { db, step } = setup();
    step(...notYetReady, appeal);
    expect(getApplication(db, A)).toMatchObject({
      status: 'Appealed',
      stage: 'Appeal',
      appealStatus: 'filed',
      appealStatement: STATEMENT,
      appealFiledAt: later(5),
      appealOf: { decidedAt: T0, outcome: 'NotYetReady' },
      decisionOutcome: 'NotYetReady',
      decisionFinal: false,
    });

    step(route('fresh-review'));
    expect(getApplication(db, A)).toMatchObject({
      status: 'UnderReview',
      appealStatus: 'routed',
      appealRoute: 'fresh-review',
      reviewers: [],
      earlierReviewers: ['rev-a', 'rev-b'],
      recommendation: null,
    });
    expect(boardItem(db, A)).toBeNull();

    step(
      cmd.assignManual([candidate('rev-c'), candidate('rev-d')], later(7)),
      cmd.submitScores('rev-c', scoresAt(3), 'CharterMembership', later(8)),
      cmd.submitScores('rev-d', scoresAt(3), 'CharterMembership', later(8)),
    );
    const item = boardItem(db, A)!;
    expect(item).toMatchObject({
      status: 'AwaitingDecision',
      recommendation: 'CharterMembership',
      appealOf: { decidedAt: T0, outcome: 'NotYetReady' },
      maxSpread: 0,
    });
    expect(item.reviewerRecommendations.map((r) => r.reviewerId)).toEqual(['rev-c', 'rev-d']);

    step(cmd.decide('CharterMembership', null, later(9)));
    expect(getApplication(db, A)).toMatchObject({
      status: 'Decided',
      decisionOutcome: 'CharterMembership',
      decisionFinal: true,
      appealStatus: 'decided',
      designationStatus: 'active',
    });
    const decisions = getTimeline(db, A)
      .filter((e) => e.type === 'DecisionRecorded')
      .map((e) => e.summary);
    expect(decisions).toEqual([
      'Decision: Not yet ready',
      `Decision on appeal of the decision of ${T0.slice(0, 10)} (Not yet ready): Charter membership`,
    ]);
    expect(getTimeline(db, A).map((e) => e.type)).toEqual(expect.arrayContaining(['AppealFiled', 'AppealRouted', 'DecisionFinalized']));
  });

  it('puts an appeal routed to the board back before it with the first recommendation', () => {
    const { db, step } = setup();
    step(...notYetReady, appeal, route('board'));
    expect(getApplication(db, A)).toMatchObject({
      status: 'AwaitingDecision',
      appealRoute: 'board',
      reviewers: [expect.objectContaining({ reviewerId: 'rev-a' }), expect.anything()],
    });
    expect(boardItem(db, A)).toMatchObject({
      status: 'AwaitingDecision',
      recommendation: 'NotYetReady',
      decisionOutcome: null,
      appealOf: { outcome: 'NotYetReady' },
    });
    step(cmd.decide('CharterMembership', WHY, later(9)));
    expect(boardItem(db, A)).toMatchObject({ status: 'Decided', decisionOutcome: 'CharterMembership', overruled: true });
  });
});
