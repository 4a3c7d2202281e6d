import { ratings, surveyFor } from './support/cycle-data';
import { Session, TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Conflicts of interest: a reviewer who declares a conflict on an application assigned to them is
 * released. The release decides on the log, so a conflict declared the instant after the assignment (no catch-up
 * of the read models in between) releases the reviewer all the same.
 */
describe('a conflict declared right after an assignment releases the reviewer', () => {
  let t: TestApp;
  let staff: Session;

  const underReview = async (n: number) => {
    const leader = await signInByEmail(t, `leader${n}@school${n}.edu`);
    const id = (
      await t
        .http()
        .post('/applications')
        .set(leader.auth)
        .send(surveyFor(`Leader ${n}`, leader.email, `School Number ${n}`))
        .expect(201)
    ).body.applicationId as string;
    await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(leader.auth)
      .send({ ratings: ratings(4) })
      .expect(201);
    return id;
  };

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
  });

  afterAll(() => t?.close());

  it.each([1, 2, 3])('with a conflict on the application (try %i)', async (n) => {
    // Given an application under review and a reviewer assigned to it this instant
    const id = await underReview(n);
    const reviewer = await signInWithPassword(t, 'reviewer', `rev${n}@review.org`, { institution: `Far College ${n}` });
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewer.id] })
      .expect(201);

    // When the reviewer declares a conflict with it at once
    const res = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(reviewer.auth)
      .send({ applicationId: id, reason: 'I coached the leader last year.' })
      .expect(201);

    // Then they are released from it
    expect(res.body).toEqual(expect.objectContaining({ events: ['ConflictDeclared'], released: [id] }));
  });

  it.each([4, 5, 6])('with a conflict on the institution (try %i)', async (n) => {
    const id = await underReview(n);
    const reviewer = await signInWithPassword(t, 'reviewer', `rev${n}@review.org`, { institution: `Far College ${n}` });
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewer.id] })
      .expect(201);

    const res = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(reviewer.auth)
      .send({ institution: `School Number ${n}`, reason: 'My brother teaches there.' })
      .expect(201);

    expect(res.body.released).toEqual([id]);
  });
});
