import { deciderSpec } from '../../../testing/src/decider-spec';
import { Forbidden, InvalidState, RuleViolation } from '../errors';
import { applicationDecider } from './application.decider';
import { ApplicationCommand } from './application.commands';
import { ApplicationEvent } from './application.events';
import {
  DUE,
  accepted,
  applicant,
  candidate,
  cmd,
  historyOfAfter,
  nominator,
  ratingsAt,
  scoresAt,
  timer,
  underReview,
} from './application.fixtures';

const given = deciderSpec(applicationDecider);
const types = (events: ApplicationEvent[]) => events.map((e) => e.type);
const at = (now: string) => ({ actor: timer, now });
const command = (type: string, data: object, now: string) => ({ type, data, metadata: at(now) }) as ApplicationCommand;

const REVIEW_DUE = '2026-01-24T09:00:00.000Z'; // assigned at T0, 14 days
const decidedAt = '2026-01-10T09:00:00.000Z';
const APPEAL_UNTIL = '2026-02-09T09:00:00.000Z';
const PROGRESS_DUE = '2027-01-10T09:00:00.000Z';
const designated = () =>
  historyOfAfter(
    underReview(),
    cmd.submitScores('rev-a', scoresAt(3)),
    cmd.submitScores('rev-b', scoresAt(3)),
    cmd.decide('CharterMembership', null, decidedAt),
  );

describe('application › assessment reminders (7 and 1 days before)', () => {
  const remind = (daysBefore: number, now: string, dueAt = DUE) => command('RemindAssessment', { dueAt, daysBefore }, now);

  it('issues a reminder once its moment has come', () =>
    expect(types(given(accepted()).when(remind(7, '2026-02-02T09:00:00.000Z')).thenEvents())).toEqual(['AssessmentReminderIssued']));

  it('does not remind early', () => given(accepted()).when(remind(7, '2026-02-01T09:00:00.000Z')).then([]));

  it('reminds once, however often the timer fires', () => {
    const reminded = historyOfAfter(accepted(), remind(1, '2026-02-08T10:00:00.000Z'));
    given(reminded).when(remind(1, '2026-02-08T11:00:00.000Z')).then([]);
  });

  it('ignores a reminder for a due date an extension superseded', () =>
    given(historyOfAfter(accepted(), cmd.extend('2026-03-01T09:00:00.000Z')))
      .when(remind(1, '2026-02-08T10:00:00.000Z'))
      .then([]));

  it('does not remind after the due date or once the assessment is in', () => {
    given(accepted()).when(remind(1, '2026-02-10T10:00:00.000Z')).then([]);
    given(historyOfAfter(accepted(), cmd.submitAssessment(ratingsAt(3))))
      .when(remind(1, '2026-02-08T10:00:00.000Z'))
      .then([]);
  });
});

describe('application › overdue reviews', () => {
  const escalate = (now: string, dueAt = REVIEW_DUE) => command('EscalateOverdueReview', { reviewerId: 'rev-a', dueAt }, now);
  const replace = (now: string, pool = [candidate('rev-c'), candidate('rev-d', { openAssignments: 4 })]) =>
    command('ReplaceOverdueReviewer', { reviewerId: 'rev-a', dueAt: REVIEW_DUE, pool }, now);

  it('reminds the reviewer 3 days before, once', () => {
    const remind = command('RemindReviewer', { reviewerId: 'rev-a', dueAt: REVIEW_DUE, daysBefore: 3 }, '2026-01-21T10:00:00.000Z');
    expect(types(given(underReview()).when(remind).thenEvents())).toEqual(['ReviewerReminderIssued']);
    given(historyOfAfter(underReview(), remind)).when(remind).then([]);
  });

  it('alerts staff once the scores are overdue, and only once', () => {
    const escalated = given(underReview()).when(escalate('2026-01-24T09:00:01.000Z')).thenEvents();
    expect(escalated[0].data).toEqual(expect.objectContaining({ reviewerId: 'rev-a', reason: 'overdue' }));
    given(historyOfAfter(underReview(), escalate('2026-01-24T09:00:01.000Z')))
      .when(escalate('2026-01-25T09:00:00.000Z'))
      .then([]);
  });

  it('does not escalate a reviewer who has finished', () =>
    given(historyOfAfter(underReview(), cmd.submitScores('rev-a', scoresAt(3))))
      .when(escalate('2026-01-25T09:00:00.000Z'))
      .then([]));

  it('releases the reviewer 7 days after the due date and assigns the least-loaded eligible one', () => {
    const events = given(underReview()).when(replace('2026-01-31T09:00:00.000Z')).thenEvents();
    expect(types(events)).toEqual(['ReviewerReleased', 'ReviewerAssigned']);
    expect(events[1].data).toEqual(expect.objectContaining({ reviewerId: 'rev-c', method: 'auto', dueAt: '2026-02-14T09:00:00.000Z' }));
  });

  it('does not replace before the grace period ends', () => given(underReview()).when(replace('2026-01-30T09:00:00.000Z')).then([]));

  it('alerts staff when nobody eligible is left, after releasing the reviewer', () => {
    const events = given(underReview())
      .when(replace('2026-01-31T09:00:00.000Z', [candidate('rev-b')]))
      .thenEvents();
    expect(types(events)).toEqual(['ReviewerReleased', 'ReviewOverdueEscalated']);
    expect(events[1].data).toEqual(expect.objectContaining({ reason: 'no-replacement' }));
  });

  it('ignores a replacement timer for a reviewer already released', () =>
    given(historyOfAfter(underReview(), cmd.release('rev-a')))
      .when(replace('2026-01-31T09:00:00.000Z'))
      .then([]));
});

describe('application › appeal window', () => {
  const close = (now: string, appealUntil = APPEAL_UNTIL) => command('CloseAppealWindow', { appealUntil }, now);

  it('records the appeal deadline with the decision', () =>
    expect(designated().find((e) => e.type === 'DecisionRecorded')?.data).toEqual(
      expect.objectContaining({ appealUntil: APPEAL_UNTIL, progressDueAt: PROGRESS_DUE }),
    ));

  it('makes the decision final when the window closes, once', () => {
    expect(types(given(designated()).when(close(APPEAL_UNTIL)).thenEvents())).toEqual(['DecisionFinalized']);
    given(historyOfAfter(designated(), close(APPEAL_UNTIL)))
      .when(close(APPEAL_UNTIL))
      .then([]);
  });

  it('ignores an early or mismatched timer', () => {
    given(designated()).when(close('2026-02-01T00:00:00.000Z')).then([]);
    given(designated()).when(close('2026-03-01T00:00:00.000Z', '2026-02-10T00:00:00.000Z')).then([]);
  });
});

describe('application › yearly progress update', () => {
  const remind = (daysBefore: number, now: string) => command('RemindProgressUpdate', { progressDueAt: PROGRESS_DUE, daysBefore }, now);
  const suspend = (now: string, progressDueAt = PROGRESS_DUE) => command('SuspendDesignation', { progressDueAt }, now);
  const update = (now: string, actor = applicant): ApplicationCommand => ({
    type: 'SubmitProgressUpdate',
    data: { ratings: ratingsAt(4) },
    metadata: { actor, now },
  });

  it('reminds 30 days before the update is due', () =>
    expect(types(given(designated()).when(remind(30, '2026-12-11T09:00:00.000Z')).thenEvents())).toEqual(['ProgressReminderIssued']));

  it('suspends the designation 60 days after a missed update, once', () => {
    given(designated()).when(suspend('2027-03-11T08:59:59.000Z')).then([]);
    expect(types(given(designated()).when(suspend('2027-03-11T09:00:01.000Z')).thenEvents())).toEqual(['DesignationSuspended']);
    given(historyOfAfter(designated(), suspend('2027-03-12T00:00:00.000Z')))
      .when(suspend('2027-03-13T00:00:00.000Z'))
      .then([]);
  });

  it('keeps the yearly rhythm for an update on time, and makes the old suspension timer stale', () => {
    const events = given(designated()).when(update('2026-12-20T09:00:00.000Z')).thenEvents();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ProgressUpdateSubmitted',
        data: expect.objectContaining({ nextDueAt: '2028-01-10T09:00:00.000Z' }),
      }),
    ]);
    given(historyOfAfter(designated(), update('2026-12-20T09:00:00.000Z')))
      .when(suspend('2027-03-12T00:00:00.000Z'))
      .then([]);
  });

  it('reinstates a suspended designation when the late update arrives', () => {
    const suspended = historyOfAfter(designated(), suspend('2027-03-12T00:00:00.000Z'));
    expect(types(given(suspended).when(update('2027-04-01T09:00:00.000Z')).thenEvents())).toEqual([
      'ProgressUpdateSubmitted',
      'DesignationReinstated',
    ]);
  });

  it('refuses an update from anyone but the applicant, or without a designation', () => {
    given(designated()).when(update('2026-12-20T09:00:00.000Z', nominator)).thenThrows(Forbidden, 'application.not_applicant');
    given(underReview()).when(update('2026-12-20T09:00:00.000Z')).thenThrows(InvalidState, 'progress.no_designation');
  });

  it('refuses an incomplete update', () => {
    const partial: ApplicationCommand = {
      type: 'SubmitProgressUpdate',
      data: { ratings: ratingsAt(4).slice(2) },
      metadata: { actor: applicant, now: '2026-12-20T09:00:00.000Z' },
    };
    given(designated()).when(partial).thenThrows(RuleViolation, 'progress.incomplete');
  });

  it('grants no designation, and so no progress timer, to a not-yet-ready decision', () => {
    const notYet = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(1)),
      cmd.submitScores('rev-b', scoresAt(1)),
      cmd.decide('NotYetReady'),
    );
    expect(notYet.find((e) => e.type === 'DecisionRecorded')?.data).toEqual(expect.objectContaining({ progressDueAt: null }));
  });
});
