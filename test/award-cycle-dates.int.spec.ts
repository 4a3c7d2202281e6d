import { EventStore } from '@cert/event-store';
import { surveyFor } from './support/cycle-data';
import { Outcome, decideOverHttp } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Awards and summit, Changing the dates: staff steer a cycle's dates over HTTP. Nominations are
 * extended (a nomination after the first date is then accepted) and closed early (one after that is refused with the
 * date); a summit outside the cycle's year is refused when opening and when moving it; the board selects one of two
 * nominees, and the other hears once, by mail and in the app, that they were not selected; a later RSVP date moves the
 * invitation's timers with it.
 */
describe("staff change an award cycle's dates, over HTTP", () => {
  let t: TestApp;
  let staff: Session, chair: Session, north: Session, east: Session;
  let alice: Session, bob: Session, carol: Session;
  let aliceApp: string, bobApp: string, carolApp: string;
  let aliceNomination: string, bobNomination: string;

  const head = () =>
    t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
  const read = (path: string, who: Session, after?: string | null) =>
    t
      .http()
      .get(after ? `${path}?after=${after}` : path)
      .set(who.auth);
  const changeDates = (body: object, who: Session = staff) => t.http().post('/award-cycles/2026/dates').set(who.auth).send(body);
  const nominate = (who: Session, applicationId: string) =>
    t.http().post('/award-cycles/2026/nominations').set(who.auth).send({ applicationId, teachers: [], portfolios: [] });
  const criteria = (level: number) => ['leadership', 'teaching', 'student-work', 'reach'].map((criterion) => ({ criterion, level }));
  const subjects = (email: string) => t.mailer.to(email).map((m) => m.subject);

  async function signInEveryone() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    chair = await signInWithPassword(t, 'board', 'chair@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    alice = await signInByEmail(t, 'alice@riverside.edu');
    bob = await signInByEmail(t, 'bob@hillside.org');
    carol = await signInByEmail(t, 'carol@lakeside.net');
  }
  /** Sessions last hours: staff and the board sign in again; a leader only when they act (sign-in links are rate limited). */
  async function at(now: string, ...leaders: ('alice' | 'bob' | 'carol')[]) {
    t.clock.set(now);
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    chair = await signInWithPassword(t, 'board', 'chair@iasl.org');
    if (leaders.includes('alice')) alice = await signInByEmail(t, 'alice@riverside.edu');
    if (leaders.includes('bob')) bob = await signInByEmail(t, 'bob@hillside.org');
    if (leaders.includes('carol')) carol = await signInByEmail(t, 'carol@lakeside.net');
  }
  async function designate(leader: Session, institution: string, level: number, outcome: Outcome) {
    const panel = { staff, board: chair, reviewers: [north, east] };
    return (await decideOverHttp(t, leader, panel, { survey: surveyFor(leader.email, leader.email, institution), level, outcome })).id;
  }

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    await signInEveryone();
    aliceApp = await designate(alice, 'Riverside STEM Academy', 4, 'ProgramOfExcellence');
    bobApp = await designate(bob, 'Hillside Middle School', 3, 'CharterMembership');
    carolApp = await designate(carol, 'Lakeside Outreach Center', 3, 'CharterMembership');
    await settle(t);
  });

  afterAll(() => t?.close());

  it('refuses a cycle whose summit is not in its year, naming both years; the log is untouched', async () => {
    const before = await head();
    const refused = await t
      .http()
      .post('/award-cycles')
      .set(staff.auth)
      .send({
        year: 2028,
        awardsAvailable: 1,
        nominationsCloseAt: '2026-06-01T09:00:00.000Z',
        rsvpBy: '2026-09-01T09:00:00.000Z',
        summit: { startsAt: '2027-04-24T18:00:00.000Z', place: 'Washington, DC' },
      })
      .expect(422);
    expect(refused.body).toEqual(
      expect.objectContaining({
        code: 'award.summit_outside_year',
        title: 'The summit is not in the cycle’s year',
        detail: 'the summit of the 2028 award cycle must take place in 2028; 2027-04-24 (UTC) is in 2027',
      }),
    );
    expect(await head()).toBe(before);

    await t
      .http()
      .post('/award-cycles')
      .set(staff.auth)
      .send({
        year: 2026,
        awardsAvailable: 1,
        nominationsCloseAt: '2026-03-10T09:00:00.000Z',
        rsvpBy: '2026-04-10T09:00:00.000Z',
        summit: { startsAt: '2026-04-24T18:00:00.000Z', place: 'Washington, DC' },
      })
      .expect(201);
  });

  it('extends nominations with a reason; a nomination after the first date is then accepted', async () => {
    const missingReason = await changeDates({ nominationsCloseAt: '2026-03-20T09:00:00.000Z' }).expect(400);
    expect(missingReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const badDate = await changeDates({ summitStartsAt: 'the 24th', reason: 'A typo probe.' }).expect(400);
    expect(badDate.body.errors).toEqual([
      expect.objectContaining({ field: 'summitStartsAt', messages: [expect.stringContaining('when the summit starts')] }),
    ]);
    await changeDates({ closeNominationsNow: true, reason: 'Not for the board.' }, chair).expect(403);

    const extended = await changeDates({
      nominationsCloseAt: '2026-03-20T09:00:00.000Z',
      reason: 'Two districts asked for more time.',
    }).expect(200);
    expect(extended.body.events).toEqual(['AwardCycleDatesChanged']);
    const cycle = await read('/award-cycles/2026', staff, extended.body.position).expect(200);
    expect(cycle.body).toEqual(
      expect.objectContaining({
        nominationsCloseAt: '2026-03-20T09:00:00.000Z',
        datesChanged: { at: '2026-03-02T09:00:00.000Z', reason: 'Two districts asked for more time.', closedNominationsEarly: false },
      }),
    );
    // A leader reads the new date, not staff's reason.
    const alicesView = await read('/award-cycles/2026', alice).expect(200);
    expect(alicesView.body.nominationsCloseAt).toBe('2026-03-20T09:00:00.000Z');
    expect(alicesView.body).not.toHaveProperty('datesChanged');

    await at('2026-03-15T09:00:00.000Z', 'alice');
    aliceNomination = (await nominate(alice, aliceApp).expect(201)).body.nominationId;
    bobNomination = (await nominate(staff, bobApp).expect(201)).body.nominationId;
  });

  it('closes nominations early, effective at once: a nomination after that is refused with the date, and they do not reopen', async () => {
    await at('2026-03-16T14:30:00.000Z');
    const closed = await changeDates({ closeNominationsNow: true, reason: 'The board has enough strong nominations.' }).expect(200);
    expect(closed.body.events).toEqual(['AwardCycleDatesChanged']);

    await at('2026-03-16T15:00:00.000Z', 'carol');
    await settle(t);
    const before = await head();
    const late = await nominate(carol, carolApp).expect(422);
    expect(late.body).toEqual(expect.objectContaining({ code: 'award-nomination.deadline_passed', dueAt: '2026-03-16T14:30:00.000Z' }));
    expect(late.body.detail).toContain('2026-03-16T14:30:00.000Z');
    const reopen = await changeDates({ nominationsCloseAt: '2026-03-25T09:00:00.000Z', reason: 'Carol was late by half an hour.' }).expect(
      409,
    );
    expect(reopen.body).toEqual(
      expect.objectContaining({ code: 'award.date_passed', detail: expect.stringContaining('nominations closed on 2026-03-16 (UTC)') }),
    );
    const nextYear = await changeDates({ summitStartsAt: '2027-01-15T18:00:00.000Z', reason: 'The venue is booked all year.' }).expect(422);
    expect(nextYear.body).toEqual(
      expect.objectContaining({ code: 'award.summit_outside_year', detail: expect.stringContaining('must take place in 2026') }),
    );
    const outOfOrder = await changeDates({ rsvpBy: '2026-04-30T09:00:00.000Z', reason: 'More time to answer.' }).expect(422);
    expect(outOfOrder.body).toEqual(
      expect.objectContaining({
        code: 'award.invalid_dates',
        detail: 'when the summit starts (2026-04-24 (UTC)) must come after the date invitations must be answered by (2026-04-30 (UTC))',
      }),
    );
    expect(await head()).toBe(before);

    // Scoring may close now, without waiting for the original date.
    for (const id of [aliceNomination, bobNomination]) {
      await t
        .http()
        .post(`/award-cycles/2026/nominations/${id}/scores`)
        .set(chair.auth)
        .send({ scores: criteria(id === aliceNomination ? 5 : 3) })
        .expect(201);
    }
    expect((await t.http().post('/award-cycles/2026/scoring/close').set(staff.auth).expect(200)).body.events).toEqual([
      'AwardScoringClosed',
    ]);
  });

  it('the board selects Alice; Bob is told once, by mail and in the app, that he was not selected', async () => {
    const selected = await t
      .http()
      .post('/award-cycles/2026/selection')
      .set(chair.auth)
      .send({ nominationIds: [aliceNomination] })
      .expect(200);
    expect(selected.body.events).toEqual(['AwardRecipientsSelected', 'SummitInvitationSent', 'AwardNominationNotSelected']);
    await settle(t);
    await at('2026-03-17T09:00:00.000Z', 'bob');
    await settle(t);

    const notice = /^IASL STEM Leadership Award 2026: the board's selection/;
    expect(subjects('bob@hillside.org').filter((s) => notice.test(s))).toHaveLength(1);
    const mail = t.mailer.to('bob@hillside.org').find((m) => notice.test(m.subject))!;
    expect(mail.text).toContain('this year your program was not among the recipients');
    expect(mail.text).toContain('http://app.test/awards');
    expect(subjects('alice@riverside.edu').filter((s) => notice.test(s))).toEqual([]);
    const feed = await read('/me/notifications', bob).expect(200);
    expect(feed.body.items.filter((i: { template: string }) => i.template === 'award-not-selected')).toHaveLength(1);
    const ledger = (await t.get(EventStore).readAll(null, 10_000)).filter(
      (e) => e.type === 'NotificationSent' && (e.data as { template: string }).template === 'award-not-selected',
    );
    expect(ledger).toHaveLength(1);
  });

  it("a later RSVP date moves the invitation's reminder and closing with it, and the invitee hears of it", async () => {
    const promised = await changeDates({ rsvpBy: '2026-04-05T09:00:00.000Z', reason: 'Shorter, please.' }).expect(409);
    expect(promised.body).toEqual(
      expect.objectContaining({ code: 'award.rsvp_promised', detail: expect.stringContaining('2026-04-10 (UTC)') }),
    );
    const moved = await changeDates({
      rsvpBy: '2026-04-17T09:00:00.000Z',
      reason: 'The hotel block opens a week later.',
    }).expect(200);
    expect(moved.body.events).toEqual(['AwardCycleDatesChanged']);
    await settle(t);
    expect(subjects('alice@riverside.edu')).toContainEqual(expect.stringMatching(/the summit dates have changed/));

    // A week before the old date: the old reminder names the old date and decides nothing.
    await at('2026-04-03T09:00:00.000Z');
    await settle(t);
    const reminder = /^Reminder: please answer the summit invitation/;
    expect(subjects('alice@riverside.edu').filter((s) => reminder.test(s))).toEqual([]);
    // After the old date, the invitation is still open; a week before the new one, the reminder comes.
    await at('2026-04-11T09:00:00.000Z', 'alice');
    await settle(t);
    const mine = await read('/me/award-invitations', alice).expect(200);
    expect(mine.body[0].invitation).toEqual(expect.objectContaining({ status: 'invited', rsvpBy: '2026-04-17T09:00:00.000Z' }));
    expect(subjects('alice@riverside.edu').filter((s) => reminder.test(s))).toHaveLength(1);
    const accepted = await t
      .http()
      .post(`/award-cycles/2026/invitations/${aliceNomination}/response`)
      .set(alice.auth)
      .send({ accept: true })
      .expect(200);
    expect(accepted.body.events).toEqual(['SummitInvitationAccepted']);
    const rebuilt = await t
      .http()
      .post('/audit/rebuild-check')
      .set((await signInWithPassword(t, 'auditor', 'auditor@iasl.org')).auth)
      .expect(200);
    expect(rebuilt.body).toEqual(expect.objectContaining({ matches: true }));
  });
});
