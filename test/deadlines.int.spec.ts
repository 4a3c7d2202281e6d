import { CURRENT_POLICY_VERSION, addDays, policyByVersion } from '@cert/domain';
import type { ApplicationScheduleView, DeadlineItemView, WorkOverviewView } from '@cert/contracts';
import { ratings, scores, surveyFor } from './support/cycle-data';
import { decideOverHttp, submitAccepted } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Deadlines: every timer a cycle's steps set shows in the work overview and in each application's
 * schedule, at the time the policy says; as the clock moves, each runs once and leaves "coming", and the timers of
 * work that finished show as doing nothing.
 */
const T0 = '2026-06-01T09:00:00.000Z';
const policy = policyByVersion(CURRENT_POLICY_VERSION);
const at = (days: number) => addDays(T0, days);

describe('deadlines: the work overview and the schedule of each application', () => {
  let t: TestApp;
  let staff: Session, board: Session, auditor: Session;
  const reviewers: Record<string, Session> = {};
  let waiting: string, reviewing: string, decided: string, unscreened: string;

  async function signIn() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    for (const [key, institution] of [
      ['north', 'North College'],
      ['east', 'East University'],
      ['west', 'West Institute'],
    ]) {
      reviewers[key] = await signInWithPassword(t, 'reviewer', `${key}@review.org`, { institution });
    }
  }
  // Sessions last 12 hours: after time passes people sign in again.
  async function travel(iso: string) {
    t.clock.set(iso);
    await signIn();
    await settle(t);
  }
  const overview = async (within = '14d', who = staff): Promise<WorkOverviewView> =>
    (await t.http().get(`/deadlines?within=${within}`).set(who.auth).expect(200)).body;
  const schedule = async (id: string, who = staff): Promise<DeadlineItemView[]> =>
    ((await t.http().get(`/applications/${id}/schedule`).set(who.auth).expect(200)).body as ApplicationScheduleView).items;
  const timeline = async (id: string) =>
    (await t.http().get(`/applications/${id}/timeline`).set(staff.auth).expect(200)).body.map((e: { type: string }) => e.type) as string[];
  const item = (items: DeadlineItemView[], kind: string, extra: Partial<DeadlineItemView> = {}) => {
    const found = items.filter((i) => i.kind === kind && Object.entries(extra).every(([k, v]) => i[k as keyof DeadlineItemView] === v));
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    t = await startApp({ now: T0 });
    await signIn();
    const leader = async (email: string) => signInByEmail(t, email);
    const alpha = await leader('ada@alpha.edu');
    waiting = await submitAccepted(t, alpha, staff, surveyFor('Ada Alpha', 'ada@alpha.edu', 'Alpha School'));
    const beta = await leader('bo@beta.edu');
    reviewing = await submitAccepted(t, beta, staff, surveyFor('Bo Beta', 'bo@beta.edu', 'Beta School'));
    await t
      .http()
      .post(`/applications/${reviewing}/assessment`)
      .set(beta.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${reviewing}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewers.north.id, reviewers.east.id] })
      .expect(201);
    await t
      .http()
      .post(`/applications/${reviewing}/scores`)
      .set(reviewers.east.auth)
      .send({ scores: scores(3), recommendation: 'CharterMembership' })
      .expect(201);
    const gamma = await leader('cy@gamma.edu');
    decided = (
      await decideOverHttp(
        t,
        gamma,
        { staff, board, reviewers: [reviewers.north, reviewers.east] },
        {
          survey: surveyFor('Cy Gamma', 'cy@gamma.edu', 'Gamma School'),
          level: 4,
          outcome: 'ProgramOfExcellence',
        },
      )
    ).id;
    const delta = await leader('di@delta.edu');
    unscreened = (
      await t
        .http()
        .post('/applications')
        .set(delta.auth)
        .send(surveyFor('Di Delta', 'di@delta.edu', 'Delta School'))
        .expect(201)
    ).body.applicationId;
    await settle(t);
  });
  afterAll(() => t?.close());

  it('schedules every timer of the cycle at the time the policy says, with names, and marks finished work as doing nothing', async () => {
    const due = at(policy.assessmentWindowDays);
    const a = await schedule(waiting);
    expect(a.map((i) => [i.kind, i.runsAt, i.state])).toEqual([
      ...policy.assessmentReminderDays.map((d) => ['assessment-reminder', addDays(due, -d), 'pending']),
      ['assessment-due', due, 'pending'],
    ]);
    expect(a[0]).toMatchObject({
      leaderName: 'Ada Alpha',
      personName: 'Ada Alpha',
      institutionName: 'Alpha School',
      reference: expect.stringMatching(/^APP-/),
    });

    const b = await schedule(reviewing);
    // The assessment arrived: its reminders and lapse will do nothing.
    expect(b.filter((i) => i.kind.startsWith('assessment')).map((i) => i.state)).toEqual(
      [...policy.assessmentReminderDays, 'due'].map(() => 'will-do-nothing'),
    );
    const reviewDue = at(policy.reviewWindowDays);
    for (const [key, state] of [
      ['north', 'pending'],
      ['east', 'will-do-nothing'],
    ] as const) {
      const own = b.filter((i) => i.reviewerId === reviewers[key].id);
      expect(own.map((i) => [i.kind, i.runsAt, i.state, i.personName])).toEqual([
        ...policy.reviewReminderDays.map((d) => ['reviewer-reminder', addDays(reviewDue, -d), state, key]),
        ['review-overdue', reviewDue, state, key],
        ['reviewer-replacement', addDays(reviewDue, policy.reviewReplacementGraceDays), state, key],
      ]);
    }

    const c = await schedule(decided);
    const appeal = item(c, 'appeal-window');
    expect(appeal).toMatchObject({ runsAt: at(policy.appealWindowDays), state: 'pending', personName: 'Cy Gamma' });
    const progressDue = at(policy.progressIntervalDays);
    expect(c.filter((i) => i.kind.startsWith('progress')).map((i) => [i.kind, i.runsAt])).toEqual([
      ...policy.progressReminderDays.map((d) => ['progress-reminder', addDays(progressDue, -d)]),
      ['progress-overdue', addDays(progressDue, policy.progressGraceDays)],
    ]);
    const termEnds = item(c, 'designation-expiry').runsAt;
    expect(c.filter((i) => i.kind === 'renewal-reminder').map((i) => i.runsAt)).toEqual(
      policy.renewalReminderDays.map((d) => addDays(termEnds, -d)),
    );

    // Auditors read the same; an unscreened application has no timers yet.
    expect(await schedule(decided, auditor)).toEqual(c);
    expect(await schedule(unscreened)).toEqual([]);
  });

  it('lists what is coming in the window asked for, soonest first, and what needs action now', async () => {
    const soon = await overview();
    expect(soon).toMatchObject({ now: T0, until: at(14), withinDays: 14 });
    expect(soon.coming.map((i) => [i.reference, i.kind, i.runsAt])).toEqual(
      [
        ...policy.reviewReminderDays.map((d) => ['reviewer-reminder', addDays(at(policy.reviewWindowDays), -d)]),
        ['review-overdue', at(policy.reviewWindowDays)],
      ]
        .filter(([, runsAt]) => runsAt <= at(14))
        .map(([kind, runsAt]) => [expect.any(String), kind, runsAt]),
    );
    expect(soon.coming.every((i) => i.applicationId === reviewing && i.personName === 'north')).toBe(true);
    const month = await overview('31d', auditor);
    expect(month.coming.map((i) => i.runsAt)).toEqual([...month.coming.map((i) => i.runsAt)].sort());
    expect(month.coming.filter((i) => i.applicationId === waiting)).toHaveLength(policy.assessmentReminderDays.length + 1);
    expect(month.coming.some((i) => i.applicationId === decided && i.kind === 'appeal-window')).toBe(true);

    expect(soon.needsAction).toEqual([
      expect.objectContaining({ reason: 'unscreened', applicationId: unscreened, leaderName: 'Di Delta', institutionName: 'Delta School' }),
    ]);
  });

  it('refuses a window it cannot read, naming the field', async () => {
    for (const bad of ['0d', '366d', '14', 'two-weeks', '14d14d']) {
      const res = await t
        .http()
        .get(`/deadlines?within=${encodeURIComponent(bad)}`)
        .set(staff.auth)
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'within', messages: ['Enter how far ahead to look ("within") as a number of days like 14d, from 1d up to 365d'] },
      ]);
    }
  });

  it('runs each timer once as the clock moves: it leaves "coming", shows when it happened, and staff see what is overdue', async () => {
    const reviewDue = at(policy.reviewWindowDays);
    const north = reviewers.north.id;
    for (const d of policy.reviewReminderDays) {
      await travel(addDays(reviewDue, -d));
      await travel(addDays(reviewDue, -d)); // again: nothing twice
      const reminder = item(await schedule(reviewing), 'reviewer-reminder', { reviewerId: north, daysBefore: d });
      expect(reminder).toMatchObject({ state: 'happened', happenedAt: addDays(reviewDue, -d) });
      expect((await overview()).coming.some((i) => i.key === reminder.key)).toBe(false);
    }
    expect((await timeline(reviewing)).filter((e) => e === 'ReviewerReminderIssued')).toHaveLength(policy.reviewReminderDays.length);

    // Due: staff are alerted, and the overdue review is on the overview with the reviewer's name.
    await travel(reviewDue);
    expect(item(await schedule(reviewing), 'review-overdue', { reviewerId: north })).toMatchObject({
      state: 'happened',
      happenedAt: reviewDue,
    });
    expect((await overview()).needsAction).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'review-overdue', applicationId: reviewing, personName: 'north', since: reviewDue }),
      ]),
    );

    // The grace passes: the reviewer is released and another takes over, with timers of their own.
    const replacedAt = addDays(reviewDue, policy.reviewReplacementGraceDays);
    await travel(replacedAt);
    const b = await schedule(reviewing);
    expect(item(b, 'reviewer-replacement', { reviewerId: north })).toMatchObject({ state: 'happened', happenedAt: replacedAt });
    expect(b.filter((i) => i.reviewerId === reviewers.west.id && i.state === 'pending').map((i) => i.kind)).toEqual([
      ...policy.reviewReminderDays.map(() => 'reviewer-reminder'),
      'review-overdue',
      'reviewer-replacement',
    ]);
    expect(item(b, 'review-overdue', { reviewerId: reviewers.west.id }).runsAt).toBe(addDays(replacedAt, policy.reviewWindowDays));
    expect(b.filter((i) => i.reviewerId === north).map((i) => i.state)).toEqual(['happened', 'happened', 'happened', 'happened']);

    // The assessment that never came: two reminders, then the lapse; the decision's appeal window closes the same day.
    const due = at(policy.assessmentWindowDays);
    for (const d of policy.assessmentReminderDays) await travel(addDays(due, -d));
    await travel(due);
    const a = await schedule(waiting);
    expect(a.map((i) => [i.kind, i.state])).toEqual([
      ...policy.assessmentReminderDays.map(() => ['assessment-reminder', 'happened']),
      ['assessment-due', 'happened'],
    ]);
    expect((await timeline(waiting)).filter((e) => e === 'ApplicationLapsed')).toHaveLength(1);
    await travel(at(policy.appealWindowDays));
    expect(item(await schedule(decided), 'appeal-window')).toMatchObject({ state: 'happened', happenedAt: at(policy.appealWindowDays) });

    const now = await overview();
    expect(now.coming.some((i) => i.applicationId === waiting || i.kind === 'appeal-window')).toBe(false);
    // Nothing due has been left unrun.
    expect(now.needsAction.filter((i) => i.reason === 'timer-late')).toEqual([]);
  });
});
