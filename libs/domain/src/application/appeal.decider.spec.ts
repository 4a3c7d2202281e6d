import { deciderSpec } from '../../../testing/src/decider-spec';
import { Actor } from '../decider';
import { Forbidden, InvalidState, RuleViolation } from '../errors';
import { applicationDecider } from './application.decider';
import { ApplicationCommand } from './application.commands';
import { AppealFiled, AppealRouted, ApplicationEvent, DecisionRecorded } from './application.events';
import { OpenApplication } from './application.state';
import { AppealRoute } from './application.types';
import { applicant, board, candidate, cmd, historyOfAfter, nominator, scoresAt, staff, timer, underReview } from './application.fixtures';

const given = deciderSpec(applicationDecider);
const types = (events: ApplicationEvent[]) => events.map((e) => e.type);
const stateOf = (events: ApplicationEvent[]) =>
  events.reduce(applicationDecider.evolve, applicationDecider.initialState()) as OpenApplication;

const DECIDED_AT = '2026-01-10T09:00:00.000Z';
const APPEAL_UNTIL = '2026-02-09T09:00:00.000Z'; // DECIDED_AT + 30 days (policy v1)
const IN_WINDOW = '2026-01-20T09:00:00.000Z';
const LATER = '2026-01-25T09:00:00.000Z';
const STATEMENT = 'The reviewers did not see our robotics evidence, uploaded late because of a portal outage.';
const WHY = 'On appeal the board finds the robotics evidence shows practice at the charter level.';

const appeal = (statement = STATEMENT, now = IN_WINDOW, actor: Actor = applicant): ApplicationCommand => ({
  type: 'FileAppeal',
  data: { statement },
  metadata: { actor, now },
});
const route = (to: AppealRoute, now = IN_WINDOW): ApplicationCommand => ({
  type: 'RouteAppeal',
  data: { route: to },
  metadata: { actor: staff, now },
});
const closeWindow = (appealUntil: string, now: string): ApplicationCommand => ({
  type: 'CloseAppealWindow',
  data: { appealUntil },
  metadata: { actor: timer, now },
});

/** First round: rev-a and rev-b score level 1, the board decides "not yet ready" as recommended. */
const notYetReady = () =>
  historyOfAfter(
    underReview(),
    cmd.submitScores('rev-a', scoresAt(1), 'NotYetReady'),
    cmd.submitScores('rev-b', scoresAt(1), 'NotYetReady'),
    cmd.decide('NotYetReady', null, DECIDED_AT),
  );
const appealed = () => historyOfAfter(notYetReady(), appeal());
const freshReview = () => historyOfAfter(appealed(), route('fresh-review'));
const newRoundScored = () =>
  historyOfAfter(
    freshReview(),
    cmd.assignManual([candidate('rev-c'), candidate('rev-d')], LATER),
    cmd.submitScores('rev-c', scoresAt(3), 'CharterMembership', LATER),
    cmd.submitScores('rev-d', scoresAt(3), 'CharterMembership', LATER),
  );
const appealDecided = () => historyOfAfter(newRoundScored(), cmd.decide('CharterMembership', null, LATER));

describe('application › filing an appeal', () => {
  it('records the applicant’s statement and the decision it appeals', () => {
    const [filed] = given(notYetReady()).when(appeal()).thenEvents() as [AppealFiled];
    expect(filed).toEqual({
      type: 'AppealFiled',
      data: expect.objectContaining({
        appealOf: { decidedAt: DECIDED_AT, outcome: 'NotYetReady' },
        statement: STATEMENT,
        appealUntil: APPEAL_UNTIL,
        filedBy: 'user-leader',
        filedAt: IN_WINDOW,
      }),
    });
    expect(stateOf(appealed())).toEqual(
      expect.objectContaining({ status: 'Appealed', appeal: expect.objectContaining({ status: 'filed', route: null }) }),
    );
  });

  it('refuses anyone but the applicant named on the survey, a nominator included', () => {
    given(notYetReady())
      .when(appeal(STATEMENT, IN_WINDOW, nominator))
      .thenThrows(Forbidden, 'application.not_applicant');
    given(notYetReady())
      .when(appeal(STATEMENT, IN_WINDOW, staff))
      .thenThrows(Forbidden, 'application.not_applicant');
  });

  it('refuses at and after the recorded appealUntil, even when the window timer has not fired', () => {
    given(notYetReady()).when(appeal(STATEMENT, APPEAL_UNTIL)).thenThrows(InvalidState, 'appeal.window_closed');
    given(notYetReady()).when(appeal(STATEMENT, '2026-03-01T09:00:00.000Z')).thenThrows(InvalidState, 'appeal.window_closed');
  });

  it('refuses once the decision is final', () =>
    given(historyOfAfter(notYetReady(), closeWindow(APPEAL_UNTIL, APPEAL_UNTIL)))
      .when(appeal(STATEMENT, APPEAL_UNTIL))
      .thenThrows(InvalidState, 'appeal.decision_final'));

  it('refuses a second appeal of the same decision', () =>
    given(appealed()).when(appeal('Once more, with feeling.')).thenThrows(InvalidState, 'appeal.already_filed'));

  it('refuses before there is a decision, and an empty statement', () => {
    given(underReview()).when(appeal()).thenThrows(InvalidState, 'appeal.no_decision');
    given(notYetReady()).when(appeal('   ')).thenThrows(RuleViolation, 'appeal.statement_required');
  });
});

describe('application › the appeal window while an appeal is pending', () => {
  it('finalizes nothing when the first decision’s window closes during the appeal', () => {
    given(appealed()).when(closeWindow(APPEAL_UNTIL, APPEAL_UNTIL)).then([]);
    given(freshReview()).when(closeWindow(APPEAL_UNTIL, APPEAL_UNTIL)).then([]);
  });

  it('still finalizes an unappealed decision when its window closes', () =>
    expect(types(given(notYetReady()).when(closeWindow(APPEAL_UNTIL, APPEAL_UNTIL)).thenEvents())).toEqual(['DecisionFinalized']));
});

describe('application › routing an appeal', () => {
  it('sends it to a fresh review that excludes every earlier reviewer', () => {
    const [routed] = given(appealed()).when(route('fresh-review')).thenEvents() as [AppealRouted];
    expect(routed.data).toEqual(
      expect.objectContaining({ route: 'fresh-review', excludedReviewers: ['rev-a', 'rev-b'], routedBy: 'user-staff' }),
    );
    expect(stateOf(freshReview())).toEqual(
      expect.objectContaining({
        status: 'UnderReview',
        reviewers: {},
        recommendation: null,
        earlierReviewers: ['rev-a', 'rev-b'],
        appeal: expect.objectContaining({ status: 'routed', route: 'fresh-review' }),
      }),
    );
  });

  it('sends it to the board with the first round’s recommendation', () => {
    const state = stateOf(historyOfAfter(appealed(), route('board')));
    expect(state).toEqual(
      expect.objectContaining({ status: 'AwaitingDecision', recommendation: expect.objectContaining({ outcome: 'NotYetReady' }) }),
    );
  });

  it('refuses to route what was not appealed, or twice', () => {
    given(notYetReady()).when(route('board')).thenThrows(InvalidState, 'appeal.not_filed');
    given(freshReview()).when(route('board')).thenThrows(InvalidState, 'appeal.already_routed');
  });
});

describe('application › the fresh review round', () => {
  it('refuses an earlier reviewer assigned by hand', () =>
    given(freshReview())
      .when(cmd.assignManual([candidate('rev-c'), candidate('rev-a')], LATER))
      .thenThrows(InvalidState, 'review.reviewed_earlier_round'));

  it('never auto-assigns an earlier reviewer, even the least loaded', () => {
    const pool = [
      candidate('rev-a'),
      candidate('rev-b'),
      candidate('rev-c', { openAssignments: 5 }),
      candidate('rev-d', { openAssignments: 3 }),
    ];
    const assigned = given(freshReview())
      .when(cmd.assignAuto(pool, 2, LATER))
      .thenEvents();
    expect(assigned.map((e) => e.type === 'ReviewerAssigned' && e.data.reviewerId).sort()).toEqual(['rev-c', 'rev-d']);
  });

  it('refuses auto-assignment when only earlier reviewers are left', () =>
    given(freshReview())
      .when(cmd.assignAuto([candidate('rev-a'), candidate('rev-b'), candidate('rev-c')], 2, LATER))
      .thenThrows(RuleViolation, 'review.not_enough_reviewers'));

  it('does not let an earlier reviewer score the new round', () =>
    given(freshReview())
      .when(cmd.submitScores('rev-a', scoresAt(5)))
      .thenThrows(Forbidden, 'review.not_assigned'));

  it('recommends from the new round’s scores only', () => {
    const recommended = newRoundScored().findLast((e) => e.type === 'RecommendationComputed');
    expect(recommended?.data).toEqual(
      expect.objectContaining({ recommendation: 'CharterMembership', inputs: expect.objectContaining({ overallMean: 3 }) }),
    );
  });
});

describe('application › the appeal’s decision', () => {
  it('is a decision of its own, linked to the first, final at once, with a growth report and a designation', () => {
    const events = given(newRoundScored())
      .when(cmd.decide('CharterMembership', null, LATER))
      .thenEvents();
    expect(types(events)).toEqual(['DecisionRecorded', 'GrowthReportIssued', 'DecisionFinalized']);
    const decision = events[0] as DecisionRecorded;
    expect(decision.data).toEqual(
      expect.objectContaining({
        outcome: 'CharterMembership',
        recommendation: 'CharterMembership',
        overruled: false,
        appealOf: { decidedAt: DECIDED_AT, outcome: 'NotYetReady' },
        appealUntil: LATER,
        progressDueAt: '2027-01-25T09:00:00.000Z',
      }),
    );
    const state = stateOf([...newRoundScored(), ...events]);
    expect(state).toEqual(
      expect.objectContaining({
        status: 'Decided',
        decision: expect.objectContaining({ outcome: 'CharterMembership', final: true }),
        designation: expect.objectContaining({ status: 'active' }),
        appeal: expect.objectContaining({ status: 'decided' }),
      }),
    );
  });

  it('keeps both decisions in the history', () =>
    expect(
      appealDecided()
        .filter((e) => e.type === 'DecisionRecorded')
        .map((e) => e.data.outcome),
    ).toEqual(['NotYetReady', 'CharterMembership']));

  it('leaves the first decision without a link', () =>
    expect((notYetReady().find((e) => e.type === 'DecisionRecorded') as DecisionRecorded).data).not.toHaveProperty('appealOf'));

  it('cannot itself be appealed', () =>
    given(appealDecided()).when(appeal(STATEMENT, LATER)).thenThrows(InvalidState, 'appeal.appeal_decision_final'));

  it('on the board route, overruling the first recommendation needs a written justification', () => {
    const atBoard = historyOfAfter(appealed(), route('board'));
    given(atBoard)
      .when({ type: 'RecordDecision', data: { outcome: 'CharterMembership', justification: null }, metadata: { actor: board, now: LATER } })
      .thenThrows(RuleViolation, 'decision.justification_required');
    const [decision] = given(atBoard)
      .when(cmd.decide('CharterMembership', WHY, LATER))
      .thenEvents() as [DecisionRecorded];
    expect(decision.data).toEqual(
      expect.objectContaining({
        outcome: 'CharterMembership',
        recommendation: 'NotYetReady',
        overruled: true,
        justification: WHY,
        appealOf: { decidedAt: DECIDED_AT, outcome: 'NotYetReady' },
      }),
    );
  });

  it('a stale window timer of the first decision decides nothing after the appeal is decided', () =>
    given(appealDecided()).when(closeWindow(APPEAL_UNTIL, APPEAL_UNTIL)).then([]));

  it('does not let an earlier-round reviewer back in by a later timer (overdue replacement picks new reviewers only)', () => {
    const assigned = historyOfAfter(freshReview(), cmd.assignManual([candidate('rev-c'), candidate('rev-d')], LATER));
    const replace: ApplicationCommand = {
      type: 'ReplaceOverdueReviewer',
      data: { reviewerId: 'rev-c', dueAt: '2026-02-08T09:00:00.000Z', pool: [candidate('rev-a'), candidate('rev-b')] },
      metadata: { actor: timer, now: '2026-02-20T09:00:00.000Z' },
    };
    expect(types(given(assigned).when(replace).thenEvents())).toEqual(['ReviewerReleased', 'ReviewOverdueEscalated']);
  });
});
