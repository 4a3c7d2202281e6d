import { ratings, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

type Item = { id: string; reference: string; reviewerCount: number; reviewersRequired: number; needsReviewers: boolean };
type Queue = { counts: Record<string, number>; needsReviewers: number; matching: number; items: Item[] };

/** GET /applications for staff: reviewers counted, a shortfall flagged, search and every status as a filter. */
describe('the staff queue over HTTP', () => {
  let t: TestApp;
  let staff: Session, ann: Session, bob: Session;
  let riverside: string, lakeside: string;
  const queue = async (query: Record<string, string> = {}): Promise<Queue> =>
    (await t.http().get('/applications').query(query).set(staff.auth).expect(200)).body;

  const underReview = async (leader: string, email: string, institution: string) => {
    const who = await signInByEmail(t, email);
    const id = (
      await t
        .http()
        .post('/applications')
        .set(who.auth)
        .send(surveyFor(leader, email, institution))
        .expect(201)
    ).body.applicationId as string;
    await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(who.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    return id;
  };

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    ann = await signInWithPassword(t, 'reviewer', 'ann@review.org', { institution: 'Ann College' });
    bob = await signInWithPassword(t, 'reviewer', 'bob@review.org', { institution: 'Bob University' });
    riverside = await underReview('Alice Rivers', 'alice@riverside.edu', 'Riverside STEM Academy');
    lakeside = await underReview('Ben Okafor', 'ben@lakeside.edu', 'Lakeside Middle School');
    for (const id of [riverside, lakeside])
      await t
        .http()
        .post(`/applications/${id}/reviewers`)
        .set(staff.auth)
        .send({ mode: 'manual', reviewerIds: [ann.id, bob.id] })
        .expect(201);
    // Bob declares a conflict with Lakeside straight after: released, so Lakeside is one reviewer short.
    await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(bob.auth)
      .send({ applicationId: lakeside, reason: 'My cousin teaches there.' })
      .expect(201);
    await settle(t);
  });

  afterAll(() => t?.close());

  it('given one application short of reviewers, then the queue counts its reviewers and flags it', async () => {
    const q = await queue();
    const row = (id: string) => q.items.find((a) => a.id === id);
    expect(row(riverside)).toMatchObject({ reviewerCount: 2, reviewersRequired: 2, needsReviewers: false });
    expect(row(lakeside)).toMatchObject({ reviewerCount: 1, reviewersRequired: 2, needsReviewers: true });
    expect(q.needsReviewers).toBe(1);
    expect((await queue({ needsReviewers: 'true' })).items.map((a) => a.id)).toEqual([lakeside]);
  });

  it('finds an application by part of its reference, its leader name or its institution', async () => {
    const reference = (await queue()).items.find((a) => a.id === riverside)!.reference;
    for (const text of [reference.slice(-6).toLowerCase(), 'alice riv', 'RIVERSIDE STEM'])
      expect({ text, found: (await queue({ q: text })).items.map((a) => a.id) }).toEqual({ text, found: [riverside] });
    expect(await queue({ q: 'okafor', status: 'UnderReview' })).toMatchObject({ matching: 1, items: [{ id: lakeside }] });
    expect((await queue({ q: 'nobody at all' })).items).toEqual([]);
  });

  it('filters by every status, Appealed included', async () => {
    const counts = (await queue()).counts;
    for (const status of Object.keys(counts)) {
      const res = await t.http().get('/applications').query({ status }).set(staff.auth);
      expect({ status, code: res.status, listed: res.body.items?.length }).toEqual({ status, code: 200, listed: counts[status] });
    }
  });

  it('refuses a search or a flag it cannot read, naming the field', async () => {
    const long = await t
      .http()
      .get('/applications')
      .query({ q: 'x'.repeat(101) })
      .set(staff.auth)
      .expect(400);
    expect(JSON.stringify(long.body)).toContain('search text');
    const flag = await t.http().get('/applications').query({ needsReviewers: 'yes' }).set(staff.auth).expect(400);
    expect(JSON.stringify(flag.body)).toContain('needs-reviewers filter');
  });
});
