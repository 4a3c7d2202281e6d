import { EventStore } from '@cert/event-store';
import { CODES, ratings, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** Strict input: the cases the fuzz suite found or the DTO review added, pinned down one by one. */
describe('strict input', () => {
  let t: TestApp;
  let staff: Session, alice: Session, reviewer: Session;
  let P: string;
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    reviewer = await signInWithPassword(t, 'reviewer', 'north@review.org');
    alice = await signInByEmail(t, 'alice@riverside.edu');
    P = (
      await t
        .http()
        .post('/applications')
        .set(alice.auth)
        .send(surveyFor('Alice Rivers', alice.email, 'Riverside STEM Academy'))
        .expect(201)
    ).body.applicationId;
    await t.http().post(`/applications/${P}/screening/accept`).set(staff.auth).expect(200);
    await settle(t);
  });

  afterAll(() => t?.close());

  it('refuses a survey without its institution (a 500 before the fuzz suite found it)', async () => {
    const { institution: _, ...survey } = surveyFor('Oscar Owens', 'oscar@elsewhere.org', 'Elsewhere Academy');
    const before = await t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
    const res = await t.http().post('/applications').set(alice.auth).send(survey).expect(400);
    expect(fields(res.body)).toEqual(['institution']);
    expect(
      await t
        .get(EventStore)
        .head()
        .then((h) => h?.position ?? null),
    ).toBe(before);
  });

  it('ratings must name real indicators of the pinned rubric, at levels 1-5', async () => {
    await t
      .http()
      .put(`/applications/${P}/assessment/draft`)
      .set(alice.auth)
      .send({ ratings: [{ indicator: CODES[0], level: 6, evidence: 'x' }] })
      .expect(400);
    await t
      .http()
      .put(`/applications/${P}/assessment/draft`)
      .set(alice.auth)
      .send({ ratings: [{ indicator: CODES[0], level: 2.5, evidence: 'x' }] })
      .expect(400);
    const unknown = await t
      .http()
      .put(`/applications/${P}/assessment/draft`)
      .set(alice.auth)
      .send({ ratings: [{ indicator: 'EC9.Nobody1', level: 3, evidence: 'x' }] })
      .expect(422);
    expect(unknown.body).toEqual(expect.objectContaining({ code: 'assessment.unknown_indicator', unknown: ['EC9.Nobody1'] }));
    await t
      .http()
      .put(`/applications/${P}/assessment/draft`)
      .set(alice.auth)
      .send({ ratings: [null] })
      .expect(400);
    await t
      .http()
      .put(`/applications/${P}/assessment/draft`)
      .set(alice.auth)
      .send({ ratings: ratings(3).map((r) => ({ ...r, evidence: 'x'.repeat(4001) })) })
      .expect(400);
  });

  it('bounds query parameters and path names', async () => {
    await t.http().get('/applications').set(staff.auth).query({ offset: 10_000_000 }).expect(400);
    await t.http().get('/rubrics/..%2F..%2Fetc%2Fpasswd').set(staff.auth).expect(400);
    await t
      .http()
      .get(`/rubrics/${'v'.repeat(100)}`)
      .set(staff.auth)
      .expect(400);
    await t.http().get('/rubrics/ic-map.v9').set(staff.auth).expect(404);
    await t.http().get('/review-cycles/20261').set(staff.auth).expect(400);
    await t.http().post('/me/notifications/not-a-notification/read').set(alice.auth).expect(400);
  });

  it('reads ?unreadOnly=false as false', async () => {
    const all = await t.http().get('/me/notifications').set(alice.auth).expect(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    await t.http().post(`/me/notifications/${all.body.items[0].notificationId}/read`).set(alice.auth).expect(200);
    await settle(t);
    const unreadTrue = await t.http().get('/me/notifications').query({ unreadOnly: 'true' }).set(alice.auth).expect(200);
    expect(unreadTrue.body.items).toHaveLength(all.body.items.length - 1);
    const unreadFalse = await t.http().get('/me/notifications').query({ unreadOnly: 'false' }).set(alice.auth).expect(200);
    expect(unreadFalse.body.items).toHaveLength(all.body.items.length);
    await t.http().get('/me/notifications').query({ unreadOnly: 'maybe' }).set(alice.auth).expect(400);
  });

  it('refuses the same reviewer twice in one assignment', async () => {
    const res = await t
      .http()
      .post(`/applications/${P}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewer.id, reviewer.id] })
      .expect(400);
    expect(fields(res.body)).toEqual(['reviewerIds']);
  });

  it('ignores a prototype-polluting body: unknown fields are refused and nothing reaches Object.prototype', async () => {
    const raw = `{"__proto__":{"polluted":true},"email":"someone@school.example"}`;
    const res = await t.http().post('/auth/email-link').set('Content-Type', 'application/json').send(raw);
    expect([202, 400]).toContain(res.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('answers 400, never 500, to a body nested 3,000 levels deep or a lone surrogate, on every kind of write route', async () => {
    // Given the two bodies that once made every write route answer 500 (class-transformer's recursion and
    // validator's isEmail both threw), sent anonymously, as an applicant and as staff
    const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const loneSurrogate = (valid: object) => JSON.stringify({ ...valid, email: 'a\ud800@school.org' });
    const routes: { path: string; session?: Session; valid: object }[] = [
      { path: '/auth/email-link', valid: { email: 'x@school.org' } },
      { path: '/auth/login', valid: { email: 'x@school.org', password: 'not the password' } },
      { path: '/auth/password-reset', valid: { email: 'x@school.org' } },
      { path: '/applications', session: alice, valid: surveyFor('Deep Diver', 'deep@school.org', 'Deep Academy') },
      { path: `/applications/${P}/screening/reject`, session: staff, valid: { reason: 'x' } },
      { path: '/privacy/erasures', session: staff, valid: { email: 'x@school.org' } },
    ];
    const head = () =>
      t
        .get(EventStore)
        .head()
        .then((h) => h?.position ?? null);
    const before = await head();
    for (const route of routes) {
      for (const [kind, raw] of [
        ['deep', deep],
        ['surrogate', loneSurrogate(route.valid)],
      ] as const) {
        // When it is posted
        const req = t.http().post(route.path).set('Content-Type', 'application/json');
        const res = await (route.session ? req.set(route.session.auth) : req).send(raw);
        // Then it is a 400 that says why in words, not a stack trace
        expect({ route: route.path, kind, status: res.status }).toEqual({ route: route.path, kind, status: 400 });
        expect(res.body.detail).toMatch(
          kind === 'deep' ? /nested more than 32 levels/ : /"email" contains characters that are not valid text/,
        );
        expect(JSON.stringify(res.body)).not.toMatch(/RangeError|URIError|\bat\s/);
      }
    }
    // And nothing was written
    expect(await head()).toBe(before);
  });
  it('answers 404 to the erasure of an email nobody ever used, and writes nothing', async () => {
    // Given an address with a typo in it, never seen by the engine
    const before = await t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
    // When staff ask to erase it
    const res = await t.http().post('/privacy/erasures').set(staff.auth).send({ email: 'alice@riversde.edu' }).expect(404);
    // Then they are told why in words, and the log did not move
    expect(res.body).toMatchObject({ code: 'subject.not_found', detail: expect.stringMatching(/check the spelling/) });
    expect(
      await t
        .get(EventStore)
        .head()
        .then((h) => h?.position ?? null),
    ).toBe(before);
  });
  it('refuses names and institutions holding control characters or text-direction overrides, and stores names in NFC', async () => {
    // Given surveys whose leader name turns text around (U+202E) or whose institution rings a bell (U+0007)
    const reversed = { ...surveyFor('Eve \u202egnp.exe', 'eve@elsewhere.org', 'Elsewhere Academy') };
    const belled = surveyFor('Bell Ringer', 'bell@elsewhere.org', 'Bell\u0007 Academy');
    // When they are sent
    const a = await t.http().post('/applications').set(alice.auth).send(reversed).expect(400);
    const b = await t.http().post('/applications').set(alice.auth).send(belled).expect(400);
    // Then each is refused on its field, in words
    expect(a.body.errors).toEqual([
      { field: 'leaderName', messages: ["Enter the leader's full name without control characters or hidden text-direction marks"] },
    ]);
    expect(b.body.errors).toEqual([
      { field: 'institution.name', messages: ["Enter the institution's name without control characters or hidden text-direction marks"] },
    ]);
    // And a name typed with a combining accent is kept as the one-character form
    const zoe = await signInByEmail(t, 'zoe@north.example');
    const id = (
      await t
        .http()
        .post('/applications')
        .set(zoe.auth)
        .send(surveyFor('Zoe\u0301 North', zoe.email, 'North Academy'))
        .expect(201)
    ).body.applicationId as string;
    await settle(t);
    const read = await t.http().get(`/applications/${id}`).set(zoe.auth).expect(200);
    expect(read.body.leaderName).toBe('Zo\u00e9 North');
  });
});
