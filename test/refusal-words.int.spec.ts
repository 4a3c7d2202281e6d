import { REFUSALS } from '@cert/domain';
import { REFUSAL_TITLES } from '../apps/api/src/http/refusal-titles';
import { CODES, ratings, surveyFor } from './support/cycle-data';
import { decideOverHttp } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/ARCHITECTURE.md, Errors: a refusal's title names what is wrong, its detail the fact that decides it (a date with
 * its zone); and the ETag a read of an application answers is the If-Match a write takes back.
 */
describe('refusals that say what is wrong', () => {
  let t: TestApp;
  let staff: Session, board: Session, north: Session, east: Session, alice: Session;
  const WHY = 'On appeal the board finds the robotics evidence shows practice at the charter level.';

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    alice = await signInByEmail(t, 'alice@riverside.edu');
  });
  afterAll(() => t?.close());

  it('gives every refusal code a title of its own words, never the status-only sentence', () => {
    const codes = Object.values(REFUSALS).flat();
    for (const code of codes) {
      expect({ code, title: REFUSAL_TITLES[code] }).toEqual({ code, title: expect.stringMatching(/^[A-Z].{5,}[^.]$/) });
      expect(REFUSAL_TITLES[code]).not.toMatch(/not allowed while/);
    }
    expect(Object.keys(REFUSAL_TITLES).sort()).toEqual([...new Set(codes)].sort());
  });

  it('routing before any appeal, a renewal before it opens, and an appeal of an appeal decision each say why', async () => {
    // Given a "not yet ready" decision, not appealed
    const { id } = await decideOverHttp(
      t,
      alice,
      { staff, board, reviewers: [north, east] },
      { survey: surveyFor('Alice Rivers', alice.email, 'Riverside STEM Academy'), level: 1, outcome: 'NotYetReady' },
    );
    await settle(t);

    // When staff route an appeal nobody filed, then: there is no appeal to route
    const unfiled = await t.http().post(`/applications/${id}/appeals/route`).set(staff.auth).send({ route: 'board' }).expect(409);
    expect(unfiled.body).toEqual(
      expect.objectContaining({
        code: 'appeal.not_filed',
        title: 'There is no appeal to route',
        detail: expect.stringMatching(/^no appeal has been filed on this application/),
      }),
    );

    // The appeal is filed, routed to the board and decided there: charter membership, on appeal
    await t
      .http()
      .post(`/applications/${id}/appeals`)
      .set(alice.auth)
      .send({ statement: 'Our robotics evidence was missed by both reviewers.' })
      .expect(201);
    await t.http().post(`/applications/${id}/appeals/route`).set(staff.auth).send({ route: 'board' }).expect(200);
    const decided = await t
      .http()
      .post(`/applications/${id}/decision`)
      .set(board.auth)
      .send({ outcome: 'CharterMembership', justification: WHY })
      .expect(200);
    const read = (await t.http().get(`/applications/${id}?after=${decided.body.position}`).set(alice.auth).expect(200)).body;

    // When the applicant appeals the appeal's decision, then: an appeal decision is final, with the decision's day
    const again = await t
      .http()
      .post(`/applications/${id}/appeals`)
      .set(alice.auth)
      .send({ statement: 'Once more, please: the board erred as well.' })
      .expect(409);
    expect(again.body).toEqual(
      expect.objectContaining({
        code: 'appeal.appeal_decision_final',
        title: 'An appeal decision is final',
        detail: `this decision of ${read.decidedAt.slice(0, 10)} (UTC) was made on appeal, and an appeal decision cannot be appealed again`,
      }),
    );

    // When the leader starts a renewal in the term's first year, then: renewal is not open yet, and the day it opens
    const early = await t.http().post(`/applications/${id}/renewal`).set(alice.auth).expect(409);
    expect(early.body).toEqual(
      expect.objectContaining({ code: 'renewal.not_open_yet', title: 'Renewal is not open yet', opensAt: expect.any(String) }),
    );
    expect(early.body.detail).toBe(`Renewal opens on ${early.body.opensAt.slice(0, 10)} (UTC)`);
    expect(early.body.opensAt > read.decidedAt).toBe(true);
  });

  it("accepts a read's ETag as If-Match on a write, and refuses a stale one with 412", async () => {
    // Given an application awaiting its assessment, read by its applicant
    const dan = await signInByEmail(t, 'dan@hillside.org');
    const id: string = (
      await t
        .http()
        .post('/applications')
        .set(dan.auth)
        .send(surveyFor('Dan Hill', dan.email, 'Hillside School'))
        .expect(201)
    ).body.applicationId;
    const accepted = await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    const first = await t.http().get(`/applications/${id}?after=${accepted.body.position}`).set(dan.auth).expect(200);
    expect(first.headers.etag).toBe(`W/"${first.body.version}"`);
    expect(first.headers['cache-control']).toBe('private, no-store');

    // When the applicant saves a draft with that ETag, then it is accepted
    const draft = { ratings: ratings(3, CODES.slice(0, 2)) };
    const saved = await t.http().put(`/applications/${id}/assessment/draft`).set(dan.auth).set('If-Match', first.headers.etag).send(draft);
    expect(saved.status).toBe(200);
    // The strong form of the same tag is accepted as well
    const second = await t.http().get(`/applications/${id}?after=${saved.body.position}`).set(dan.auth).expect(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    const strong = second.headers.etag.replace(/^W\//, '');
    const savedAgain = await t.http().put(`/applications/${id}/assessment/draft`).set(dan.auth).set('If-Match', strong).send(draft);
    expect(savedAgain.status).toBe(200);

    // When they save again with the first, now stale, ETag, then: 412, and nothing written
    const stale = await t.http().put(`/applications/${id}/assessment/draft`).set(dan.auth).set('If-Match', first.headers.etag).send(draft);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stream.version_conflict');
  });
});
