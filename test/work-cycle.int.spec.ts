import { randomUUID } from 'node:crypto';
import { EventStore } from '@cert/event-store';
import { ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * A cycle with a moving clock on each job queue. Reminders arrive at the right
 * moments, a missed assessment lapses, an extension prevents a lapse, an overdue reviewer is escalated then
 * replaced, and a designation's yearly update comes due, then suspends, then is reinstated.
 */
describe.each([
  ['the in-process scheduler', undefined],
  ['BullMQ on Redis', `test-${randomUUID()}`],
])('deadlines and notifications on %s', (_name, redisPrefix) => {
  let t: TestApp;
  let staff: Session, board: Session;
  const people: Record<string, Session> = {};

  beforeAll(async () => {
    t = await startApp({ now: '2026-06-01T09:00:00.000Z', redisPrefix });
    await signIn();
  });
  afterAll(() => t?.close());

  // Sessions last 12 hours; after time passes people sign in again.
  async function signIn() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    for (const [key, institution] of [
      ['north', 'North College'],
      ['east', 'East University'],
      ['west', 'West Institute'],
    ]) {
      people[key] = await signInWithPassword(t, 'reviewer', `${key}@review.org`, { institution });
    }
  }
  async function travel(iso: string) {
    t.clock.set(iso);
    await signIn();
    await settle(t);
  }
  // Notifications only: sign-in links are mail too, but not part of the cycle.
  const subjects = (email: string) =>
    t.mailer
      .to(email)
      .map((m) => m.subject)
      .filter((s) => !/sign-in link|Sign in to/i.test(s));
  const timeline = async (id: string) =>
    (await t.http().get(`/applications/${id}/timeline`).set(staff.auth).expect(200)).body.map((e: { type: string }) => e.type);

  async function accepted(email: string, institution: string) {
    const applicant = await signInByEmail(t, email);
    const res = await t
      .http()
      .post('/applications')
      .set(applicant.auth)
      .send(surveyFor(email, email, institution))
      .expect(201);
    await t.http().post(`/applications/${res.body.applicationId}/screening/accept`).set(staff.auth).expect(200);
    await settle(t);
    return res.body.applicationId as string;
  }

  it('reminds 7 and 1 days before the assessment is due, lapses a missed one, and an extension prevents a lapse', async () => {
    const missed = await accepted('miss@a.edu', 'Alpha School');
    const extended = await accepted('ext@b.edu', 'Beta School');
    expect(subjects('miss@a.edu')).toEqual([expect.stringMatching(/^Application received/), expect.stringMatching(/^You are invited/)]);

    await travel('2026-06-24T09:00:00.000Z');
    expect(subjects('miss@a.edu').filter((s) => s.startsWith('Reminder'))).toEqual([
      'Reminder: your IC Map assessment is due in 7 days (Wed, 01 Jul 2026 09:00:00 UTC)',
    ]);
    await t
      .http()
      .post(`/applications/${extended}/deadline-extensions`)
      .set(staff.auth)
      .send({ dueAt: '2026-07-20T09:00:00.000Z', reason: 'Summer camp week' })
      .expect(201);

    await travel('2026-06-30T09:00:00.000Z');
    expect(subjects('miss@a.edu').filter((s) => s.startsWith('Reminder'))).toHaveLength(2);
    await travel('2026-07-01T09:00:01.000Z');
    expect(await timeline(missed)).toContain('ApplicationLapsed');
    expect(subjects('miss@a.edu').at(-1)).toMatch(/has lapsed/);
    expect(await timeline(extended)).not.toContain('ApplicationLapsed');

    // Time passing again sends nothing twice.
    const sent = t.mailer.sent.length;
    await travel('2026-07-01T12:00:00.000Z');
    expect(t.mailer.sent.length).toBe(sent);
  });

  it('reminds an assigned reviewer, escalates the overdue review to staff, then replaces the reviewer', async () => {
    t.clock.set('2026-08-01T09:00:00.000Z');
    await signIn();
    const id = await accepted('rev@c.edu', 'Gamma School');
    const leader = await signInByEmail(t, 'rev@c.edu');
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(leader.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [people.north.id, people.east.id] })
      .expect(201);
    await settle(t);
    expect(subjects('north@review.org')).toContain(`New review assignment: ${(await summary(id)).reference}`);

    await t
      .http()
      .post(`/applications/${id}/scores`)
      .set(people.east.auth)
      .send({ scores: scores(3), recommendation: 'CharterMembership' })
      .expect(201);
    await travel('2026-08-12T09:00:00.000Z');
    expect(subjects('north@review.org').filter((s) => s.startsWith('Reminder'))).toHaveLength(1);
    expect(subjects('east@review.org').filter((s) => s.startsWith('Reminder'))).toHaveLength(0);

    await travel('2026-08-15T09:00:01.000Z');
    expect(subjects('staff@iasl.org')).toEqual(expect.arrayContaining([expect.stringMatching(/^Overdue review/)]));
    await travel('2026-08-22T09:00:01.000Z');
    const app = await summary(id);
    expect(app.reviewers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reviewerId: people.north.id, status: 'released' }),
        expect.objectContaining({ reviewerId: people.west.id, status: 'assigned' }),
      ]),
    );
    expect(subjects('west@review.org')).toContain(`New review assignment: ${app.reference}`);
  });

  it('asks a designated program for its yearly update, suspends it after the grace period, and reinstates it', async () => {
    t.clock.set('2026-09-01T09:00:00.000Z');
    await signIn();
    const id = await accepted('des@d.edu', 'Delta School');
    const leader = await signInByEmail(t, 'des@d.edu');
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(leader.auth)
      .send({ ratings: ratings(4) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [people.north.id, people.west.id] })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/scores`)
      .set(people.north.auth)
      .send({ scores: scores(3), recommendation: 'CharterMembership' })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/scores`)
      .set(people.west.auth)
      .send({ scores: scores(3), recommendation: 'CharterMembership' })
      .expect(201);
    await t.http().post(`/applications/${id}/decision`).set(board.auth).send({ outcome: 'CharterMembership' }).expect(200);
    await settle(t);
    expect(subjects('des@d.edu').at(-1)).toMatch(/^The IASL board's decision/);

    await travel('2026-10-01T09:00:01.000Z');
    expect(await timeline(id)).toContain('DecisionFinalized');
    await travel('2027-08-02T09:00:00.000Z');
    expect(subjects('des@d.edu').at(-1)).toMatch(/yearly IC Map progress update is due in 30 days/);
    await travel('2027-10-31T09:00:01.000Z');
    expect((await summary(id)).designationStatus).toBe('suspended');
    expect(subjects('des@d.edu').at(-1)).toMatch(/standing is suspended/);

    const late = await signInByEmail(t, 'des@d.edu');
    const update = await t
      .http()
      .post(`/applications/${id}/progress-updates`)
      .set(late.auth)
      .send({ ratings: ratings(4) })
      .expect(201);
    expect(update.body.events).toEqual(['ProgressUpdateSubmitted', 'DesignationReinstated']);
    expect((await summary(id)).designationStatus).toBe('active');
  });

  async function summary(id: string) {
    const head = await t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
    return (await t.http().get(`/applications/${id}?after=${head}`).set(staff.auth).expect(200)).body;
  }
});
