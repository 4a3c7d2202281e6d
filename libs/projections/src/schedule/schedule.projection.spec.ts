import { ApplicationCommand, AwardCycleEvent, CURRENT_POLICY_VERSION, RSVP_REMINDER_DAYS, addDays, policyByVersion } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { RSVP_BY, award, cycleHistory } from '../../../domain/src/award/award.fixtures';
import { ALL_PROJECTIONS } from '../projections';
import { logBuilder, readModel } from '../testing/given';
import { T0, applicant, candidate, cmd, ratingsAt, scoresAt, staff, timer } from '../../../domain/src/application/application.fixtures';
import { applicationSchedule, comingDeadlines, needsAction } from './schedule.queries';

const policy = policyByVersion(CURRENT_POLICY_VERSION);
const at = (days: number) => addDays(T0, days);
const DUE = addDays(T0, policy.assessmentWindowDays);

const setup = () => {
  const { db, apply } = readModel(ALL_PROJECTIONS);
  const { run } = logBuilder();
  const step = (id: string, ...commands: ApplicationCommand[]) => apply(run(id, ...commands));
  const schedule = (id: string, now = T0) =>
    applicationSchedule(db, id, now, (p) => (p.startsWith('rev-') ? `Reviewer ${p.slice(4).toUpperCase()}` : undefined))!.items;
  const states = (id: string, now?: string) =>
    Object.fromEntries(
      schedule(id, now).map((i) => [
        `${i.kind}${i.daysBefore ? `-${i.daysBefore}d` : ''}${i.reviewerId ? `-${i.reviewerId}` : ''}`,
        i.state,
      ]),
    );
  return { db, step, schedule, states };
};

const remind = (dueAt: string, daysBefore: number, now: string): ApplicationCommand => ({
  type: 'RemindAssessment',
  data: { dueAt, daysBefore },
  metadata: { actor: timer, now },
});

describe('schedule projection', () => {
  it('lists the assessment timers a survey acceptance sets, by the policy, with the application and the leader', () => {
    const { step, schedule } = setup();
    step('a', cmd.submitSurvey(), cmd.accept());
    const items = schedule('a');
    expect(items.map((i) => [i.kind, i.runsAt, i.daysBefore, i.state])).toEqual([
      ...policy.assessmentReminderDays.map((d) => ['assessment-reminder', addDays(DUE, -d), d, 'pending']),
      ['assessment-due', DUE, null, 'pending'],
    ]);
    expect(items[0]).toMatchObject({
      reference: expect.stringMatching(/^APP-/),
      institutionName: 'Riverside STEM Academy',
      personName: items[0].leaderName,
      label: `Reminder to the leader, ${policy.assessmentReminderDays[0]} days before the assessment is due`,
      late: false,
    });
  });

  it('marks a reminder that ran as happened, with when, and the rest as doing nothing once the assessment arrives', () => {
    const { step, states, schedule } = setup();
    const [first] = policy.assessmentReminderDays;
    step('a', cmd.submitSurvey(), cmd.accept(), remind(DUE, first, addDays(DUE, -first)));
    expect(states('a')).toEqual({
      [`assessment-reminder-${first}d`]: 'happened',
      'assessment-reminder-1d': 'pending',
      'assessment-due': 'pending',
    });
    expect(schedule('a')[0].happenedAt).toBe(addDays(DUE, -first));

    step('a', cmd.submitAssessment(ratingsAt(3), at(25)));
    expect(states('a')).toMatchObject({ 'assessment-reminder-1d': 'will-do-nothing', 'assessment-due': 'will-do-nothing' });
  });

  it('moves to the new date when the deadline is extended: the old timers do nothing, the new ones are pending', () => {
    const { step, schedule } = setup();
    const later = at(60);
    step('a', cmd.submitSurvey(), cmd.accept(), cmd.extend(later, at(5)));
    const items = schedule('a');
    expect(items.filter((i) => i.dueAt === DUE).every((i) => i.state === 'will-do-nothing')).toBe(true);
    expect(items.filter((i) => i.dueAt === later).map((i) => i.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('records a lapse as the due timer having happened', () => {
    const { step, states } = setup();
    step('a', cmd.submitSurvey(), cmd.accept(), cmd.expire(DUE, DUE));
    expect(states('a')).toMatchObject({ 'assessment-due': 'happened', 'assessment-reminder-7d': 'will-do-nothing' });
  });

  it("names the reviewer on a reviewer's timers, and ends them when the scores arrive", () => {
    const { step, schedule, states } = setup();
    step(
      'a',
      cmd.submitSurvey(),
      cmd.accept(),
      cmd.submitAssessment(ratingsAt(3)),
      cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
    );
    const review = schedule('a').filter((i) => i.reviewerId === 'rev-a');
    const reviewDue = addDays(T0, policy.reviewWindowDays);
    expect(review.map((i) => [i.kind, i.runsAt, i.personName])).toEqual([
      ...policy.reviewReminderDays.map((d) => ['reviewer-reminder', addDays(reviewDue, -d), 'Reviewer A']),
      ['review-overdue', reviewDue, 'Reviewer A'],
      ['reviewer-replacement', addDays(reviewDue, policy.reviewReplacementGraceDays), 'Reviewer A'],
    ]);
    step('a', cmd.submitScores('rev-a', scoresAt(3), 'CharterMembership', at(3)));
    expect(states('a')).toMatchObject({ 'review-overdue-rev-a': 'will-do-nothing', 'review-overdue-rev-b': 'pending' });
  });

  it('lists what is coming in a window, soonest first, and leaves out what happened or will do nothing', () => {
    const { db, step } = setup();
    step('a', cmd.submitSurvey(), cmd.accept());
    step('b', cmd.submitSurvey({ now: at(1) }), cmd.accept(at(1)));
    const now = at(22);
    expect(comingDeadlines(db, now, addDays(now, 14)).map((i) => [i.applicationId, i.kind, i.daysBefore])).toEqual([
      ['a', 'assessment-reminder', 7],
      ['b', 'assessment-reminder', 7],
      ['a', 'assessment-reminder', 1],
      ['a', 'assessment-due', null],
      ['b', 'assessment-reminder', 1],
      ['b', 'assessment-due', null],
    ]);
    step('a', cmd.submitAssessment(ratingsAt(3), at(21)));
    expect(comingDeadlines(db, now, addDays(now, 14)).map((i) => i.applicationId)).toEqual(['b', 'b', 'b']);
  });

  it('says what needs action now: screening, reviewers short, overdue work, and timers that have not run', () => {
    const { db, step } = setup();
    step('new', cmd.submitSurvey());
    step('short', cmd.submitSurvey(), cmd.accept(), cmd.submitAssessment(ratingsAt(3)), cmd.assignManual([candidate('rev-a')]));
    step('late', cmd.submitSurvey(), cmd.accept());
    const now = addDays(DUE, 1);
    const reasons = needsAction(db, now).map((i) => [i.reason, i.applicationId]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['unscreened', 'new'],
        ['needs-reviewers', 'short'],
        ['assessment-overdue', 'late'],
        ['review-overdue', 'short'],
        ['timer-late', 'late'],
      ]),
    );
  });
});

describe('schedule read, long after a timer was due', () => {
  it('shows a reminder that can no longer act as doing nothing, and a lapse that would still act as not run', () => {
    const { db, apply } = readModel(ALL_PROJECTIONS);
    const { run } = logBuilder();
    apply(run('a', cmd.submitSurvey(), cmd.accept()));
    const now = addDays(DUE, 2);
    const items = applicationSchedule(db, 'a', now)!.items;
    expect(items.map((i) => [i.kind, i.state, i.late])).toEqual([
      ['assessment-reminder', 'will-do-nothing', false],
      ['assessment-reminder', 'will-do-nothing', false],
      ['assessment-due', 'pending', true],
    ]);
    expect(needsAction(db, now).filter((i) => i.reason === 'timer-late')).toEqual([
      expect.objectContaining({ applicationId: 'a', since: DUE, label: expect.stringMatching(/^Timer has not run: Assessment due/) }),
    ]);
  });
});

describe('schedule of the summit RSVP', () => {
  it("lists an invited leader's RSVP timers on their application, and ends them when the leader answers", () => {
    const { db, apply } = readModel(ALL_PROJECTIONS);
    const { run } = logBuilder();
    // The nominees' applications, so the schedule can name them.
    apply([...run('app-a', cmd.submitSurvey()), ...run('app-b', cmd.submitSurvey())]);
    const cycle = (events: AwardCycleEvent[], from: number) =>
      events.map((e, i): RecordedEvent => ({
        ...e,
        id: `award-${from + i}`,
        streamId: 'award-cycle-2027',
        version: from + i + 1,
        position: String(1000 + from + i),
        schemaVersion: 1,
        metadata: { actorId: 'x', actorRole: 'staff', occurredAt: '2027-02-20T09:00:00.000Z', correlationId: 'c', causationId: null },
      }));
    const history = cycleHistory(
      award.open(),
      award.nominate('a'),
      award.nominate('b'),
      award.score('a', 5),
      award.score('b', 4),
      award.close(),
      award.select(['nom-a', 'nom-b']),
    );
    apply(cycle(history, 0));
    const rsvp = (id: string) => applicationSchedule(db, id, '2027-02-20T09:00:00.000Z')!.items.filter((i) => i.kind.startsWith('rsvp'));
    expect(rsvp('app-a').map((i) => [i.kind, i.runsAt, i.state])).toEqual([
      ...RSVP_REMINDER_DAYS.map((d) => ['rsvp-reminder', addDays(RSVP_BY, -d), 'pending']),
      ['rsvp-closes', RSVP_BY, 'pending'],
    ]);

    const more = cycleHistory(
      award.open(),
      award.nominate('a'),
      award.nominate('b'),
      award.score('a', 5),
      award.score('b', 4),
      award.close(),
      award.select(['nom-a', 'nom-b']),
      award.respond('b', true),
    ).slice(history.length);
    apply(cycle(more, history.length));
    expect(rsvp('app-b').map((i) => i.state)).toEqual(['will-do-nothing', 'will-do-nothing']);
    expect(rsvp('app-a').map((i) => i.state)).toEqual(['pending', 'pending']);
  });
});

describe('schedule around an appeal', () => {
  it('holds the first window while an appeal is pending, and never shows the board finalizing an appeal as a timer', () => {
    const { step, schedule } = setup();
    const decidedAt = at(1);
    step(
      'a',
      cmd.submitSurvey(),
      cmd.accept(),
      cmd.submitAssessment(ratingsAt(1)),
      cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
      cmd.submitScores('rev-a', scoresAt(1), 'NotYetReady'),
      cmd.submitScores('rev-b', scoresAt(1), 'NotYetReady'),
      cmd.decide('NotYetReady', null, decidedAt),
    );
    const window = () => schedule('a', decidedAt).filter((i) => i.kind === 'appeal-window');
    expect(window().map((i) => [i.runsAt, i.state])).toEqual([[addDays(decidedAt, policy.appealWindowDays), 'pending']]);

    step('a', {
      type: 'FileAppeal',
      data: { statement: 'The reviewers did not see our robotics evidence, uploaded late.' },
      metadata: { actor: applicant, now: at(5) },
    });
    expect(window().map((i) => i.state)).toEqual(['will-do-nothing']);

    step(
      'a',
      { type: 'RouteAppeal', data: { route: 'board' }, metadata: { actor: staff, now: at(6) } },
      cmd.decide('CharterMembership', 'On appeal the board finds the robotics evidence shows practice at the charter level.', at(7)),
    );
    // The appeal's decision is final at once; its own window's timer was set and does nothing.
    expect(window().map((i) => [i.runsAt, i.state, i.happenedAt])).toEqual([
      [at(7), 'will-do-nothing', null],
      [addDays(decidedAt, policy.appealWindowDays), 'will-do-nothing', null],
    ]);
  });
});
