import { directoryListingStream } from '@cert/domain';
import { EventLog, EventStore, verifyChain } from '@cert/event-store';
import { surveyFor } from './support/cycle-data';
import { pdfText } from './support/pdf-text';
import { Outcome, decideOverHttp } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * The who's who: the directory shows exactly the opted-in fields, and a withdrawn
 * opt-in removes the entry. Over HTTP with real sign-ins: two designated programs (one opts in with some fields, the
 * other does not), a program not designated (refused, log untouched), the book PDF, a withdrawal and an erasure.
 */
const ALICE = { name: 'Alice Rivers', email: 'alice@riverside.edu', institution: 'Riverside STEM Academy' };
const BOB = { name: 'Bob Okafor', email: 'bob@lagos-makers.org', institution: 'Lagos Makers Hub' };
const CAROL = { name: 'Carol Chen', email: 'carol@early.edu', institution: 'Early Steps School' };
const SUMMARY = 'Every student builds a robot with a mentor from the plant; teachers co-plan in weekly Fab Lab studios.';

describe("who's who: the opt-in public directory over HTTP", () => {
  let t: TestApp;
  let staff: Session, board: Session, auditor: Session, north: Session, west: Session;
  let alice: Session, bob: Session, carol: Session;
  let aliceApp: string, bobApp: string, carolApp: string;

  const head = () =>
    t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
  const directory = (query = '') => t.http().get(`/directory${query}`).expect(200);
  const book = (year: number) =>
    t
      .http()
      .get(`/directory/books/${year}.pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);

  /** Survey → accepted → assessed → scored by two reviewers → decided, all through the API. */
  async function decide(who: Session, leader: typeof ALICE, level: number, outcome: Outcome, justification?: string) {
    const survey = surveyFor(leader.name, leader.email, leader.institution, 'Lagos');
    return (await decideOverHttp(t, who, { staff, board, reviewers: [north, west] }, { survey, level, outcome, justification })).id;
  }

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute', region: 'Chile' });
    alice = await signInByEmail(t, ALICE.email);
    bob = await signInByEmail(t, BOB.email);
    carol = await signInByEmail(t, CAROL.email);
    aliceApp = await decide(alice, ALICE, 4, 'ProgramOfExcellence');
    bobApp = await decide(bob, BOB, 3, 'CharterMembership');
    carolApp = await decide(carol, CAROL, 1, 'NotYetReady');
    await settle(t);
  });

  afterAll(() => t?.close());

  it('is empty and open to everyone before anyone opts in: a designation alone lists nobody', async () => {
    const res = await directory();
    expect(res.body).toEqual({ count: 0, years: [], entries: [] });
  });

  it('shows exactly the fields the leader opted in to, and nothing of the program that did not opt in', async () => {
    const put = await t
      .http()
      .put(`/applications/${aliceApp}/directory-listing`)
      .set(alice.auth)
      .send({ fields: ['leaderName', 'country', 'focusAreas', 'summary'], focusAreas: ['Robotics', 'Fab Labs'], summary: SUMMARY })
      .expect(200);
    expect(put.body.events).toEqual(['DirectoryListingPublished']);

    const res = await directory(`?after=${put.body.position}`);
    expect(res.body.count).toBe(1);
    const [entry] = res.body.entries;
    expect(Object.keys(entry).sort()).toEqual(['country', 'focusAreas', 'leaderName', 'summary']);
    expect(entry).toEqual({ leaderName: ALICE.name, country: 'US', focusAreas: ['Robotics', 'Fab Labs'], summary: SUMMARY });
    // Not shown: the institution, the designation year, awards, and anything of the survey (email, description).
    const text = JSON.stringify(res.body);
    for (const hidden of [ALICE.institution, ALICE.email, 'school-wide STEM program', BOB.name, BOB.institution, CAROL.name])
      expect(text).not.toContain(hidden);
  });

  it('filters by what entries show only: a hidden designation year finds nothing, a shown one does', async () => {
    expect((await directory('?country=us')).body.count).toBe(1);
    expect((await directory('?q=fab%20robot')).body.count).toBe(1);
    expect((await directory('?q=riverside')).body.count).toBe(0);
    expect((await directory('?year=2026')).body.count).toBe(0);

    const put = await t
      .http()
      .put(`/applications/${aliceApp}/directory-listing`)
      .set(alice.auth)
      .send({
        fields: ['leaderName', 'institution', 'country', 'focusAreas', 'designationYear', 'summary'],
        focusAreas: ['Robotics', 'Fab Labs'],
        summary: SUMMARY,
      })
      .expect(200);
    const res = await directory(`?year=2026&after=${put.body.position}`);
    expect(res.body.entries).toEqual([expect.objectContaining({ institution: ALICE.institution, designationYear: 2026 })]);
    expect(res.body.years).toEqual([2026]);
    expect((await directory('?year=2025')).body.count).toBe(0);
    await t.http().get('/directory?year=twenty').expect(400);
  });

  it('the same choice again records nothing', async () => {
    const again = await t
      .http()
      .put(`/applications/${aliceApp}/directory-listing`)
      .set(alice.auth)
      .send({
        fields: ['leaderName', 'institution', 'country', 'focusAreas', 'designationYear', 'summary'],
        focusAreas: ['Robotics', 'Fab Labs'],
        summary: SUMMARY,
      })
      .expect(200);
    expect(again.body.events).toEqual([]);
  });

  it('makes the book of a year: a real PDF with a title page, contents by country and the entries as shown', async () => {
    const res = await book(2026);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const shown of [
      "Who's Who of STEM Leaders",
      'Contents',
      'US',
      ALICE.name,
      ALICE.institution,
      'Designated 2026',
      'Focus: Robotics, Fab Labs',
      'weekly Fab Lab studios',
    ]) {
      expect(text).toContain(shown);
    }
    for (const hidden of [BOB.name, ALICE.email]) expect(text).not.toContain(hidden);
    await t.http().get('/directory/books/1492x.pdf').expect(400);
  });

  it('refuses an opt-in from a program that is not designated (409) and leaves the log untouched', async () => {
    await settle(t);
    const before = await head();
    const res = await t
      .http()
      .put(`/applications/${carolApp}/directory-listing`)
      .set(carol.auth)
      .send({ fields: ['leaderName'] })
      .expect(409);
    expect(res.body.code).toBe('directory.not_designated');
    expect(await head()).toBe(before);
  });

  it('checks the choice: an entry names somebody, the summary has a limit, unknown fields are refused', async () => {
    const before = await head();
    const put = (body: object) => t.http().put(`/applications/${bobApp}/directory-listing`).set(bob.auth).send(body);
    expect((await put({ fields: ['country'] }).expect(422)).body.code).toBe('directory.identity_required');
    expect((await put({ fields: ['leaderName', 'summary'], summary: 'x'.repeat(1201) }).expect(400)).body).toEqual(
      expect.objectContaining({ code: 'request.invalid' }),
    );
    await put({ fields: ['leaderName', 'email'] }).expect(400);
    expect(await head()).toBe(before);
  });

  it('lets only the leader write it; staff, board and auditors read it; anonymous callers are asked to sign in', async () => {
    const before = await head();
    await t
      .http()
      .put(`/applications/${aliceApp}/directory-listing`)
      .set(bob.auth)
      .send({ fields: ['leaderName'] })
      .expect(404);
    await t
      .http()
      .put(`/applications/${aliceApp}/directory-listing`)
      .set(staff.auth)
      .send({ fields: ['leaderName'] })
      .expect(403);
    await t.http().delete(`/applications/${aliceApp}/directory-listing`).set(auditor.auth).expect(403);
    await t
      .http()
      .put(`/applications/${aliceApp}/directory-listing`)
      .send({ fields: ['leaderName'] })
      .expect(401);
    await t.http().get(`/applications/${aliceApp}/directory-listing`).set(north.auth).expect(403);
    expect(await head()).toBe(before);
    const own = await t.http().get(`/applications/${aliceApp}/directory-listing`).set(alice.auth).expect(200);
    expect(own.body).toEqual(
      expect.objectContaining({
        listed: true,
        visibility: 'shown',
        designation: { designationYear: 2026, standing: 'active', awards: [] },
      }),
    );
    for (const reader of [staff, board, auditor])
      await t.http().get(`/applications/${aliceApp}/directory-listing`).set(reader.auth).expect(200);
  });

  it('a withdrawn opt-in removes the entry; withdrawing again changes nothing; every step is in the log, chained', async () => {
    const withdrawn = await t.http().delete(`/applications/${aliceApp}/directory-listing`).set(alice.auth).expect(200);
    expect(withdrawn.body.events).toEqual(['DirectoryListingWithdrawn']);
    expect((await directory(`?after=${withdrawn.body.position}`)).body).toEqual({ count: 0, years: [], entries: [] });
    expect((await t.http().delete(`/applications/${aliceApp}/directory-listing`).set(alice.auth).expect(200)).body.events).toEqual([]);

    const store = t.get(EventStore);
    const stream = await store.readStream(directoryListingStream(aliceApp));
    expect(stream.events.map((e) => e.type)).toEqual([
      'DirectoryListingPublished',
      'DirectoryListingPublished',
      'DirectoryListingWithdrawn',
    ]);
    expect(stream.events.map((e) => e.metadata.actorId)).toEqual([alice.id, alice.id, alice.id]);
    const stored = await t.get(EventLog).readStream(directoryListingStream(aliceApp));
    expect(verifyChain(stored.events)).toEqual({ ok: true });
    // The summary and the name are sealed under the leader's key in the log, country stays clear.
    expect(JSON.stringify(stored.events)).not.toContain('weekly Fab Lab studios');
    expect(JSON.stringify(stored.events)).not.toContain(ALICE.name);
  });

  it('an erased leader disappears from the directory entirely, not as "[erased]"', async () => {
    const put = await t
      .http()
      .put(`/applications/${bobApp}/directory-listing`)
      .set(bob.auth)
      .send({ fields: ['leaderName', 'institution', 'country', 'summary'], summary: 'Makers teach makers, every Saturday.' })
      .expect(200);
    expect((await directory(`?after=${put.body.position}`)).body.entries).toEqual([
      { leaderName: BOB.name, institution: BOB.institution, country: 'US', summary: 'Makers teach makers, every Saturday.' },
    ]);

    // The read model is what a replay of the log gives: rebuilt from zero, it matches the live tables.
    await settle(t);
    const rebuilt = await t.http().post('/audit/rebuild-check').set(auditor.auth).expect(200);
    expect(rebuilt.body.differences.filter((d: { table: string }) => d.table.startsWith('directory_'))).toEqual([]);

    await t.http().post('/privacy/erasures').set(staff.auth).send({ email: BOB.email }).expect(201);
    await settle(t);
    const after = await directory();
    expect(after.body).toEqual({ count: 0, years: [], entries: [] });
    expect(JSON.stringify(after.body)).not.toContain('[erased]');
    const text = pdfText((await book(2026)).body as Buffer);
    expect(text).toContain("Who's Who of STEM Leaders");
    expect(text).not.toContain(BOB.name);
  });
});
