import { IdentityStore } from '@cert/identity';
import { LogRunner } from '@cert/projections';
import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { submitAccepted } from './support/lifecycle';
import { Session, TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * What the board's decision page reads over HTTP: every finished reviewer's level and comment on every indicator (not
 * only the disputed ones), each by name; each reviewer's recommendation by name; the ruling on a disagreement with its
 * justification and who ruled. A reviewer still scoring reads only their own, and the applicant none of it.
 */
const RULING = 'The visit notes show the partnership MOUs signed but not yet in use: level 3.';

type Review = {
  reviewerId: string;
  reviewerName: string;
  recommendation: string;
  scores: { indicator: string; level: number; comment: string }[];
};

describe('the board reads the reviews and the ruling it decides on', () => {
  let t: TestApp;
  const who = {} as Record<'staff' | 'board' | 'rita' | 'omar' | 'alice', Session>;
  let id = '';
  const get = (path: string, as: Session) => t.http().get(path).set(as.auth);

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    const identity = t.get(IdentityStore);
    const account = async (role: 'staff' | 'board' | 'reviewer', email: string, name: string, institution?: string) => {
      await identity.createUser({ email, name, role, institution, region: institution ? 'Ontario' : undefined });
      return signInWithPassword(t, role, email);
    };
    who.staff = await account('staff', 'sam@iasl.org', 'Sam Staff');
    who.board = await account('board', 'bea@iasl.org', 'Bea Chair');
    who.rita = await account('reviewer', 'rita@north.edu', 'Rita Nkemelu', 'North College');
    who.omar = await account('reviewer', 'omar@east.edu', 'Omar Haddad', 'East University');
    who.alice = await signInByEmail(t, 'alice@riverside.edu');

    // Given an application whose two reviewers are three levels apart on one indicator, and agree on the rest.
    id = await submitAccepted(t, who.alice, who.staff, surveyFor('Alice Rivers', 'alice@riverside.edu', 'Riverside STEM Academy'));
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(who.alice.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(who.staff.auth)
      .send({ mode: 'manual', reviewerIds: [who.rita.id, who.omar.id] })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/scores`)
      .set(who.rita.auth)
      .send({ scores: scores(3), recommendation: 'CharterMembership' })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/scores`)
      .set(who.omar.auth)
      .send({
        scores: scores(3, { [CODES[4]]: 5 }).map((s) => ({ ...s, comment: `Omar on ${s.indicator}` })),
        recommendation: 'NotYetReady',
      })
      .expect(201);
    await t.get(LogRunner).catchUp();
  }, 60_000);

  afterAll(() => t?.close());

  it('gives the board every reviewer comment on every indicator, by name, before any ruling', async () => {
    const reviews = (await get(`/applications/${id}/scores`, who.board).expect(200)).body as Review[];
    // Both submitted at the same instant of the fixed clock: compared in any order.
    const byName = [...reviews].sort((a, b) => a.reviewerName.localeCompare(b.reviewerName));
    expect(byName.map((r) => [r.reviewerName, r.recommendation])).toEqual([
      ['Omar Haddad', 'NotYetReady'],
      ['Rita Nkemelu', 'CharterMembership'],
    ]);
    for (const r of reviews) expect(r.scores.map((s) => s.indicator)).toEqual(CODES);
    // An indicator nobody disputes carries both comments too.
    const undisputed = byName.map((r) => r.scores.find((s) => s.indicator === CODES[0])!.comment);
    expect(undisputed).toEqual([`Omar on ${CODES[0]}`, `Observed for ${CODES[0]}`]);

    const item = (await get(`/board/queue/${id}`, who.board).expect(200)).body;
    expect(item.status).toBe('NeedsAdjudication');
    expect(item.adjudication).toBeNull();
    expect(item.disputed.map((d: { indicator: string }) => d.indicator)).toEqual([CODES[4]]);
  });

  it('gives the board the ruling with its justification and the name of who ruled', async () => {
    const ruled = await t
      .http()
      .post(`/applications/${id}/adjudication`)
      .set(who.board.auth)
      .send({ rulings: [{ indicator: CODES[4], level: 3 }], justification: RULING })
      .expect(200);
    const item = (await get(`/board/queue/${id}?after=${ruled.body.position}`, who.board).expect(200)).body;
    expect(item.status).toBe('AwaitingDecision');
    expect(item.adjudication).toEqual({
      method: 'board-ruling',
      rulings: [{ indicator: CODES[4], level: 3 }],
      justification: RULING,
      ruledBy: who.board.id,
      ruledByName: 'Bea Chair',
      resolvedAt: expect.any(String),
    });
    expect(item.reviewerRecommendations.map((r: { reviewerName: string }) => r.reviewerName).sort()).toEqual([
      'Omar Haddad',
      'Rita Nkemelu',
    ]);
  });

  it("gives a reviewer only their own scores, and the applicant neither the reviews nor the board's item", async () => {
    const own = (await get(`/applications/${id}/scores`, who.rita).expect(200)).body as { comment: string }[];
    expect(own.map((s) => s.comment)).not.toContain(`Omar on ${CODES[0]}`);
    await get(`/applications/${id}/scores`, who.alice).expect(403);
    await get(`/board/queue/${id}`, who.alice).expect(403);
  });
});
