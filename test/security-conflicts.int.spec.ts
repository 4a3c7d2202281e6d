import { randomUUID } from 'node:crypto';
import { EventStore } from '@cert/event-store';
import { LogRunner } from '@cert/projections';
import { ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * Conflicts of interest: reviewers declare them, staff pin them; auto- and manual assignment both refuse a
 * conflicted reviewer; a reviewer who declares a conflict on an application already assigned to them loses access.
 */
describe('conflicts of interest over HTTP', () => {
  let t: TestApp;
  let staff: Session, alice: Session, ann: Session, bob: Session, cat: Session, dan: Session, board: Session;
  let X: string;

  const catchUp = () => t.get(LogRunner).catchUp();
  const underReview = async (leader: string, email: string, institution: string, who: Session) => {
    const id = (
      await t
        .http()
        .post('/applications')
        .set(who.auth)
        .send(surveyFor(leader, email, institution))
        .expect(201)
    ).body.applicationId;
    await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(who.auth)
      .send({ ratings: ratings(4) })
      .expect(201);
    return id as string;
  };

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    ann = await signInWithPassword(t, 'reviewer', 'ann@review.org', { institution: 'Ann College' });
    bob = await signInWithPassword(t, 'reviewer', 'bob@review.org', { institution: 'Bob University' });
    cat = await signInWithPassword(t, 'reviewer', 'cat@review.org', { institution: 'Cat Institute' });
    dan = await signInWithPassword(t, 'reviewer', 'dan@review.org', { institution: 'Dan Polytechnic' });
    alice = await signInByEmail(t, 'alice@riverside.edu');
    X = await underReview('Alice Rivers', alice.email, 'Riverside STEM Academy', alice);
  });

  afterAll(() => t?.close());

  it('a reviewer declares a conflict with an application; manual assignment then refuses them with 403', async () => {
    const res = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(ann.auth)
      .send({ applicationId: X, reason: 'I mentored the program leader.' })
      .expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({ reviewerId: ann.id, conflictId: expect.any(String), events: ['ConflictDeclared'], released: [] }),
    );
    await catchUp();
    const mine = await t.http().get('/reviewers/me/conflicts').set(ann.auth).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        applicationId: X,
        reference: expect.stringMatching(/^APP-/),
        institution: null,
        pinned: false,
        declaredBy: 'reviewer',
      }),
    ]);

    const refused = await t
      .http()
      .post(`/applications/${X}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [ann.id] })
      .expect(403);
    expect(refused.body).toEqual(
      expect.objectContaining({
        code: 'review.conflict_of_interest',
        reviewerId: ann.id,
        reason: 'declared-conflict',
        // 403 for a standing on the record (README, errors); the words name the reviewer's conflict, not the caller's role.
        title: 'The reviewer has a conflict of interest with this application',
        detail: 'this reviewer has a conflict of interest: they declared a conflict with this application or its institution',
      }),
    );
  });

  it('declaring the same conflict again writes nothing, and an unknown application is accepted alike (no oracle)', async () => {
    const again = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(ann.auth)
      .send({ applicationId: X, reason: 'Still the same mentoring.' })
      .expect(201);
    expect(again.body.events).toEqual([]);
    const unknown = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(ann.auth)
      .send({ applicationId: randomUUID(), reason: 'A former colleague applies.' })
      .expect(201);
    expect(unknown.body.events).toEqual(['ConflictDeclared']);
  });

  it('staff pin an institution conflict; the reviewer cannot withdraw it, staff can', async () => {
    const pinned = await t
      .http()
      .post(`/reviewers/${dan.id}/conflicts`)
      .set(staff.auth)
      .send({ institution: 'riverside stem academy', reason: 'Dan sits on the academy board.' })
      .expect(201);
    await catchUp();
    const listed = await t.http().get(`/reviewers/${dan.id}/conflicts`).set(staff.auth).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        conflictId: pinned.body.conflictId,
        institution: 'riverside stem academy',
        pinned: true,
        declaredBy: 'staff',
      }),
    ]);

    const refused = await t.http().delete(`/reviewers/me/conflicts/${pinned.body.conflictId}`).set(dan.auth).expect(403);
    expect(refused.body.code).toBe('conflict.pinned');
    await t
      .http()
      .post(`/applications/${X}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [dan.id] })
      .expect(403);

    // Withdrawn by staff and pinned again, so the rest of this spec runs with Dan in conflict.
    await t.http().delete(`/reviewers/${dan.id}/conflicts/${pinned.body.conflictId}`).set(staff.auth).expect(200);
    await t
      .http()
      .post(`/reviewers/${dan.id}/conflicts`)
      .set(staff.auth)
      .send({ institution: 'Riverside STEM Academy', reason: 'Dan sits on the academy board.' })
      .expect(201);
    await catchUp();
  });

  it('auto-assignment skips conflicted reviewers, however light their load', async () => {
    const res = await t.http().post(`/applications/${X}/reviewers`).set(staff.auth).send({ mode: 'auto', count: 2 }).expect(201);
    expect(res.body.events).toEqual(['ReviewerAssigned', 'ReviewerAssigned']);
    await catchUp();
    const reviewers = (await t.http().get(`/applications/${X}`).set(staff.auth).expect(200)).body.reviewers.map(
      (r: { reviewerId: string }) => r.reviewerId,
    );
    expect(reviewers.sort()).toEqual([bob.id, cat.id].sort());
    // With both conflicted reviewers out and the two others busy, there is nobody left to add.
    const none = await t.http().post(`/applications/${X}/reviewers`).set(staff.auth).send({ mode: 'auto', count: 1 }).expect(422);
    expect(none.body.code).toBe('review.not_enough_reviewers');
  });

  it('an assigned reviewer who declares a conflict is released and loses access at once', async () => {
    await t.http().get(`/applications/${X}`).set(bob.auth).expect(200);
    const res = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(bob.auth)
      .send({ institution: 'Riverside STEM Academy', reason: 'My sister teaches there.' })
      .expect(201);
    expect(res.body.released).toEqual([X]);
    await settle(t);

    const before = await t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
    for (const path of [
      `/applications/${X}`,
      `/applications/${X}/assessment`,
      `/applications/${X}/timeline`,
      `/applications/${X}/scores`,
    ]) {
      const denied = await t.http().get(path).set(bob.auth);
      expect({ path, status: denied.status }).toEqual({ path, status: 403 });
    }
    await t
      .http()
      .post(`/applications/${X}/scores`)
      .set(bob.auth)
      .send({ scores: scores(4), recommendation: 'CharterMembership' })
      .expect(403);
    expect(
      await t
        .get(EventStore)
        .head()
        .then((h) => h?.position ?? null),
    ).toBe(before);
    expect((await t.http().get('/reviewers/me/assignments').set(bob.auth).expect(200)).body).toEqual([]);
    const timeline = await t.http().get(`/applications/${X}/timeline`).set(staff.auth).expect(200);
    expect(timeline.body.at(-1)).toEqual(expect.objectContaining({ type: 'ReviewerReleased', actorId: bob.id }));
  });

  it('a reviewer who already scored keeps the scores on record but loses access after declaring a conflict', async () => {
    await t
      .http()
      .post(`/applications/${X}/scores`)
      .set(cat.auth)
      .send({ scores: scores(4), recommendation: 'CharterMembership' })
      .expect(201);
    const res = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(cat.auth)
      .send({ applicationId: X, reason: 'I learned today the leader is my cousin.' })
      .expect(201);
    expect(res.body.released).toEqual([]);
    await catchUp();
    const denied = await t.http().get(`/applications/${X}/scores`).set(cat.auth).expect(403);
    expect(denied.body.code).toBe('review.conflict_of_interest');
    expect((await t.http().get(`/applications/${X}/scores`).set(board.auth).expect(200)).body).toHaveLength(1);
  });

  it('only reviewers declare for themselves and only staff pin; an unknown reviewer is 404', async () => {
    await t.http().post('/reviewers/me/conflicts').set(alice.auth).send({ applicationId: X, reason: 'Trying my luck here.' }).expect(403);
    await t
      .http()
      .post(`/reviewers/${ann.id}/conflicts`)
      .set(board.auth)
      .send({ applicationId: X, reason: 'Board thinks so.' })
      .expect(403);
    await t.http().post(`/reviewers/${ann.id}/conflicts`).set(ann.auth).send({ applicationId: X, reason: 'Pinning my own.' }).expect(403);
    const unknown = await t
      .http()
      .post(`/reviewers/${randomUUID()}/conflicts`)
      .set(staff.auth)
      .send({ applicationId: X, reason: 'Nobody by that id.' })
      .expect(404);
    expect(unknown.body.code).toBe('reviewer.not_found');
    const both = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(ann.auth)
      .send({ applicationId: X, institution: 'Riverside STEM Academy', reason: 'Both at once.' })
      .expect(422);
    expect(both.body.code).toBe('conflict.target_required');
    await t.http().post('/reviewers/me/conflicts').set(ann.auth).send({ applicationId: 'not-an-id', reason: 'Malformed.' }).expect(400);
  });
});
