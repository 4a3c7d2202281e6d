import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventStore } from '@cert/event-store';
import { surveyFor } from './support/cycle-data';
import { Outcome, decideOverHttp } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * An award cycle from nominations to summit acceptance, every step an event an auditor can replay. Two designated
 * programs (Alice: Program of Excellence, Bob: charter membership) are nominated, a program still in screening
 * (Carol) is refused, the board scores (one member has a conflict) and selects, both are invited to the summit,
 * reminded, and Alice accepts while Bob declines. The award lands on each leader's record as AwardRecorded.
 */
describe('an award cycle from nominations to summit acceptance, over HTTP', () => {
  let t: TestApp;
  let staff: Session, chair: Session, member: Session, auditor: Session, operator: Session, north: Session, east: Session;
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
  const teacher = (i: number) => ({
    name: `Teacher Number${i}`,
    subject: 'Robotics',
    statement: `Coaches robotics team ${i} after school.`,
  });
  const portfolio = (i: number) => ({
    title: `Portfolio ${i}`,
    summary: 'A solar car chassis designed in the Fab Lab.',
    link: `https://portfolio.example.org/${i}`,
  });
  const criteria = (level: number) => ['leadership', 'teaching', 'student-work', 'reach'].map((criterion) => ({ criterion, level }));

  async function signInEveryone() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    chair = await signInWithPassword(t, 'board', 'chair@iasl.org');
    // Works at Bob's school: must not score Bob's nomination.
    member = await signInWithPassword(t, 'board', 'member@iasl.org', { institution: 'Hillside Middle School', region: 'Ohio' });
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    operator = await signInWithPassword(t, 'operator', 'operator@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    alice = await signInByEmail(t, 'alice@riverside.edu');
    bob = await signInByEmail(t, 'bob@hillside.org');
    carol = await signInByEmail(t, 'carol@lakeside.net');
  }

  /** The lifecycle: survey → accepted → assessment → two reviewers → decision. */
  async function designate(leader: Session, institution: string, level: number, outcome: Outcome) {
    const panel = { staff, board: chair, reviewers: [north, east] };
    return (await decideOverHttp(t, leader, panel, { survey: surveyFor(leader.email, leader.email, institution), level, outcome })).id;
  }

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    await signInEveryone();
    aliceApp = await designate(alice, 'Riverside STEM Academy', 4, 'ProgramOfExcellence');
    bobApp = await designate(bob, 'Hillside Middle School', 3, 'CharterMembership');
    carolApp = (
      await t
        .http()
        .post('/applications')
        .set(carol.auth)
        .send(surveyFor(carol.email, carol.email, 'Lakeside Outreach Center'))
        .expect(201)
    ).body.applicationId;
    await settle(t);
  });

  afterAll(() => t?.close());

  it('staff open the 2026 cycle; applicants see it, operators and reviewers do not', async () => {
    const opened = await t
      .http()
      .post('/award-cycles')
      .set(staff.auth)
      .send({
        year: 2026,
        awardsAvailable: 2,
        nominationsCloseAt: '2026-03-20T09:00:00.000Z',
        rsvpBy: '2026-04-10T09:00:00.000Z',
        summit: { startsAt: '2026-04-24T18:00:00.000Z', place: 'Washington, DC, with the USA Science and Engineering Festival' },
      })
      .expect(201);
    expect(opened.body).toEqual(expect.objectContaining({ awardCycleId: 'award-cycle-2026', year: 2026, events: ['AwardCycleOpened'] }));
    await t.http().post('/award-cycles').set(chair.auth).send({ year: 2027 }).expect(403);
    const cycle = await read('/award-cycles/2026', alice, opened.body.position).expect(200);
    expect(cycle.body).toEqual(
      expect.objectContaining({
        award: 'IASL STEM Leadership Award 2026',
        status: 'Nominating',
        nominations: [],
        criteria: expect.arrayContaining([expect.objectContaining({ code: 'leadership' })]),
      }),
    );
    for (const who of [operator, north]) await read('/award-cycles/2026', who).expect(403);
  });

  it('takes nominations only from designated programs, with at most three teachers and three portfolios', async () => {
    const before = await head();
    const refused = await t
      .http()
      .post('/award-cycles/2026/nominations')
      .set(carol.auth)
      .send({ applicationId: carolApp, teachers: [], portfolios: [] })
      .expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'award.not_designated', detail: expect.stringContaining('Screening') }));
    const tooMany = await t
      .http()
      .post('/award-cycles/2026/nominations')
      .set(alice.auth)
      .send({ applicationId: aliceApp, teachers: [1, 2, 3, 4].map(teacher), portfolios: [] })
      .expect(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'teachers' })]);
    // Someone else's application reads as missing to an applicant.
    await t
      .http()
      .post('/award-cycles/2026/nominations')
      .set(alice.auth)
      .send({ applicationId: bobApp, teachers: [], portfolios: [] })
      .expect(404);
    expect(await head()).toBe(before);

    const own = await t
      .http()
      .post('/award-cycles/2026/nominations')
      .set(alice.auth)
      .send({ applicationId: aliceApp, teachers: [1, 2, 3].map(teacher), portfolios: [1, 2].map(portfolio) })
      .expect(201);
    expect(own.body.events).toEqual(['AwardNominationSubmitted']);
    aliceNomination = own.body.nominationId;
    // Staff put a designated program forward too.
    const byStaff = await t
      .http()
      .post('/award-cycles/2026/nominations')
      .set(staff.auth)
      .send({ applicationId: bobApp, teachers: [teacher(9)], portfolios: [portfolio(9)] })
      .expect(201);
    bobNomination = byStaff.body.nominationId;
    await t
      .http()
      .post('/award-cycles/2026/nominations')
      .set(bob.auth)
      .send({ applicationId: bobApp, teachers: [], portfolios: [] })
      .expect(409);

    await settle(t);
    expect(t.mailer.to('alice@riverside.edu').map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Award nomination received/));
    expect(t.mailer.to('bob@hillside.org').map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Award nomination received/));

    // The teachers' and students' entries are sealed in the log under the leader's key, and read back clear.
    const raw = new Database(join(t.dataDir, 'events.sqlite'), { readonly: true });
    const stored = raw.prepare("SELECT data FROM events WHERE type = 'AwardNominationSubmitted'").pluck().all() as string[];
    raw.close();
    expect(stored.join('')).not.toContain('Teacher Number1');
    const mine = await read('/me/award-invitations', alice, byStaff.body.position).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({ nominationId: aliceNomination, teachers: [1, 2, 3].map(teacher), invitation: null }),
    ]);
  });

  it('the board scores each nomination; a member does not score their own institution; scoring closes after the deadline', async () => {
    await t
      .http()
      .post(`/award-cycles/2026/nominations/${aliceNomination}/scores`)
      .set(chair.auth)
      .send({ scores: criteria(5), comment: 'Exemplary leadership.' })
      .expect(201);
    await t
      .http()
      .post(`/award-cycles/2026/nominations/${bobNomination}/scores`)
      .set(chair.auth)
      .send({ scores: criteria(3) })
      .expect(201);
    await t
      .http()
      .post(`/award-cycles/2026/nominations/${aliceNomination}/scores`)
      .set(member.auth)
      .send({ scores: criteria(4) })
      .expect(201);
    const conflict = await t
      .http()
      .post(`/award-cycles/2026/nominations/${bobNomination}/scores`)
      .set(member.auth)
      .send({ scores: criteria(5) })
      .expect(403);
    expect(conflict.body.code).toBe('award.conflict_of_interest');
    const incomplete = await t
      .http()
      .post(`/award-cycles/2026/nominations/${bobNomination}/scores`)
      .set(chair.auth)
      .send({ scores: criteria(4).slice(1) })
      .expect(422);
    expect(incomplete.body.code).toBe('award.scores_invalid');
    await t
      .http()
      .post(`/award-cycles/2026/nominations/${bobNomination}/scores`)
      .set(staff.auth)
      .send({ scores: criteria(4) })
      .expect(403);
    expect((await t.http().post('/award-cycles/2026/scoring/close').set(staff.auth).expect(409)).body.code).toBe(
      'award.nominations_still_open',
    );

    t.clock.set('2026-03-21T09:00:00.000Z');
    await signInEveryone();
    const closed = await t.http().post('/award-cycles/2026/scoring/close').set(chair.auth).expect(200);
    expect(closed.body.events).toEqual(['AwardScoringClosed']);
    const cycle = await read('/award-cycles/2026', auditor, closed.body.position).expect(200);
    expect(
      cycle.body.nominations.map((n: { nominationId: string; rank: number; meanScore: number; scores: unknown[] }) => [
        n.nominationId,
        n.rank,
        n.meanScore,
        n.scores.length,
      ]),
    ).toEqual([
      [aliceNomination, 1, 4.5, 2],
      [bobNomination, 2, 3, 1],
    ]);
    // An applicant sees their own nomination, without the board's scores.
    const bobsView = await read('/award-cycles/2026', bob).expect(200);
    expect(bobsView.body.nominations).toEqual([expect.not.objectContaining({ scores: expect.anything() })]);
    expect(bobsView.body.nominations.map((n: { nominationId: string }) => n.nominationId)).toEqual([bobNomination]);
  });

  it("the board selects both; each is invited to the summit by mail and in-app, and the award is on each leader's record", async () => {
    const selected = await t
      .http()
      .post('/award-cycles/2026/selection')
      .set(chair.auth)
      .send({ nominationIds: [aliceNomination, bobNomination] })
      .expect(200);
    expect(selected.body.events).toEqual(['AwardRecipientsSelected', 'SummitInvitationSent', 'SummitInvitationSent']);
    await settle(t);
    for (const email of ['alice@riverside.edu', 'bob@hillside.org']) {
      const invitation = t.mailer.to(email).find((m) => m.subject.includes('you are invited to the IASL STEM Leadership Summit'));
      expect(invitation?.text).toContain('Washington, DC, with the USA Science and Engineering Festival');
      expect(invitation?.text).toContain('http://app.test/awards');
    }
    const feed = await read('/me/notifications', alice).expect(200);
    expect(feed.body.items.map((i: { template: string }) => i.template)).toContain('award-invitation');

    for (const id of [aliceApp, bobApp]) {
      const history = await read(`/audit/applications/${id}/history`, auditor).expect(200);
      const recorded = history.body.filter((e: { type: string }) => e.type === 'AwardRecorded');
      expect(recorded).toHaveLength(1);
      expect(recorded[0].data).toEqual(
        expect.objectContaining({
          applicationId: id,
          awardCycleId: 'award-cycle-2026',
          year: 2026,
          award: 'IASL STEM Leadership Award 2026',
          recordedAt: '2026-03-21T09:00:00.000Z',
        }),
      );
    }
    expect((await read(`/applications/${aliceApp}/timeline`, alice).expect(200)).body.map((e: { summary: string }) => e.summary)).toContain(
      'Award recorded: IASL STEM Leadership Award 2026',
    );
  });

  it('reminds both a week before the RSVP date; Alice accepts, Bob declines, and nobody is marked unanswered', async () => {
    t.clock.set('2026-04-03T09:00:00.000Z');
    await signInEveryone();
    await settle(t);
    for (const email of ['alice@riverside.edu', 'bob@hillside.org']) {
      expect(t.mailer.to(email).map((m) => m.subject)).toContainEqual(
        expect.stringMatching(/^Reminder: please answer the summit invitation/),
      );
    }
    const notMine = await t
      .http()
      .post(`/award-cycles/2026/invitations/${bobNomination}/response`)
      .set(alice.auth)
      .send({ accept: true })
      .expect(404);
    expect(notMine.body.code).toBe('award-invitation.not_found');
    const accepted = await t
      .http()
      .post(`/award-cycles/2026/invitations/${aliceNomination}/response`)
      .set(alice.auth)
      .send({ accept: true })
      .expect(200);
    expect(accepted.body.events).toEqual(['SummitInvitationAccepted']);
    const declined = await t
      .http()
      .post(`/award-cycles/2026/invitations/${bobNomination}/response`)
      .set(bob.auth)
      .send({ accept: false, reason: 'Our robotics final is that weekend.' })
      .expect(200);
    expect(declined.body.events).toEqual(['SummitInvitationDeclined']);

    t.clock.set('2026-04-10T09:00:01.000Z');
    await signInEveryone();
    await settle(t);
    await t.http().post(`/award-cycles/2026/invitations/${aliceNomination}/response`).set(alice.auth).send({ accept: false }).expect(422);
    const cycle = await read('/award-cycles/2026', staff).expect(200);
    expect(cycle.body.nominations.map((n: { invitation: { status: string } }) => n.invitation.status)).toEqual(['accepted', 'declined']);
    expect(cycle.body.nominations[1].invitation.declineReason).toBe('Our robotics final is that weekend.');
    const mine = await read('/me/award-invitations', alice).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        award: 'IASL STEM Leadership Award 2026',
        selected: true,
        invitation: expect.objectContaining({ status: 'accepted', reminders: 1 }),
      }),
    ]);

    // The board's deliberation stays with the board: staff see the ranking and the selection's justification, a leader neither.
    expect(cycle.body).toHaveProperty('selectionJustification');
    expect(cycle.body.nominations[0]).toEqual(expect.objectContaining({ rank: 1, meanScore: 4.5 }));
    const alicesCycle = (await read('/award-cycles/2026', alice).expect(200)).body;
    const alicesList = (await read('/award-cycles', alice).expect(200)).body;
    for (const view of [alicesCycle, alicesList[0]]) {
      expect(view).not.toHaveProperty('selectionJustification');
      expect(view).not.toHaveProperty('overridesRanking');
    }
    for (const nomination of [alicesCycle.nominations[0], mine.body[0]]) {
      expect(nomination).not.toHaveProperty('rank');
      expect(nomination).not.toHaveProperty('meanScore');
    }
  });

  it('every step is in the log, hash-chained, and the auditor verifies it', async () => {
    const log = await t.get(EventStore).readStream('award-cycle-2026');
    expect(log.events.map((e) => e.type)).toEqual([
      'AwardCycleOpened',
      'AwardNominationSubmitted',
      'AwardNominationSubmitted',
      'AwardNominationScored',
      'AwardNominationScored',
      'AwardNominationScored',
      'AwardScoringClosed',
      'AwardRecipientsSelected',
      'SummitInvitationSent',
      'SummitInvitationSent',
      'SummitRsvpReminderIssued',
      'SummitRsvpReminderIssued',
      'SummitInvitationAccepted',
      'SummitInvitationDeclined',
    ]);
    expect(log.events.map((e) => e.metadata.actorRole)).toEqual([
      'staff',
      'applicant',
      'staff',
      'board',
      'board',
      'board',
      'board',
      'board',
      'board',
      'board',
      'system',
      'system',
      'applicant',
      'applicant',
    ]);
    expect((await read('/audit/verify', auditor).expect(200)).body.ok).toBe(true);
    for (const id of [aliceApp, bobApp]) expect((await read(`/audit/applications/${id}/verify`, auditor).expect(200)).body.ok).toBe(true);
    const rebuilt = await t.http().post('/audit/rebuild-check').set(auditor.auth).expect(200);
    expect(rebuilt.body).toEqual(expect.objectContaining({ matches: true }));
  });

  it("erasing a leader erases their nomination's names and texts in the cycle, and the proof still holds", async () => {
    await t.http().post('/privacy/erasures').set(staff.auth).send({ email: 'bob@hillside.org' }).expect(201);
    const cycle = await read('/award-cycles/2026', auditor).expect(200);
    const [kept, erased] = cycle.body.nominations;
    expect(erased).toEqual(
      expect.objectContaining({
        nominationId: bobNomination,
        leaderName: '[erased]',
        institutionName: '[erased]',
        country: 'US',
        rank: 2,
        teachers: [{ name: '[erased]', subject: 'Robotics', statement: '[erased]' }],
        portfolios: [{ title: '[erased]', summary: '[erased]', link: '[erased]' }],
        invitation: expect.objectContaining({ status: 'declined', declineReason: '[erased]' }),
      }),
    );
    expect(kept).toEqual(
      expect.objectContaining({ nominationId: aliceNomination, leaderName: 'alice@riverside.edu', teachers: [1, 2, 3].map(teacher) }),
    );
    expect((await read('/audit/verify', auditor).expect(200)).body.ok).toBe(true);
  });
});
