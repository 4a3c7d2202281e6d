import { ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

type Feed = { unread: number; items: { subject: string; link: string }[] };

/**
 * docs/DOMAIN.md, Notifications: the person who must act is told. Staff hear of a reviewer released for a conflict
 * (the application is then short of reviewers); the board hears of an application waiting for its decision.
 */
describe('notifications to staff and the board', () => {
  let t: TestApp;
  let staff: Session, board: Session, ann: Session, bob: Session, cat: Session, alice: Session;
  let id: string;
  const feed = async (who: Session): Promise<Feed> => (await t.http().get('/me/notifications').set(who.auth).expect(200)).body;

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    ann = await signInWithPassword(t, 'reviewer', 'ann@review.org', { institution: 'Ann College' });
    bob = await signInWithPassword(t, 'reviewer', 'bob@review.org', { institution: 'Bob University' });
    cat = await signInWithPassword(t, 'reviewer', 'cat@review.org', { institution: 'Cat Institute' });
    alice = await signInByEmail(t, 'alice@riverside.edu');
    id = (
      await t
        .http()
        .post('/applications')
        .set(alice.auth)
        .send(surveyFor('Alice Rivers', alice.email, 'Riverside STEM Academy'))
        .expect(201)
    ).body.applicationId;
    await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(alice.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [ann.id, bob.id] })
      .expect(201);
    await settle(t);
  });

  afterAll(() => t?.close());

  it('given a reviewer who declares a conflict, then staff are told it, by name, and that the application needs reviewers', async () => {
    await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(bob.auth)
      .send({ applicationId: id, reason: 'My sister teaches there.' })
      .expect(201);
    await settle(t);

    const notice = (await feed(staff)).items.find((i) => i.subject.startsWith('Conflict of interest'));
    expect(notice).toEqual(
      expect.objectContaining({
        subject: expect.stringMatching(/^Conflict of interest: reviewer released from APP-.*, needs reviewers$/),
        link: `http://app.test/staff/applications/${id}`,
      }),
    );
    const mail = t.mailer.to('staff@iasl.org').find((m) => m.subject === notice?.subject);
    expect(mail?.text).toContain('bob was released');
    expect(mail?.text).toContain('It has 1 of the 2 reviewers it needs: please assign another.');
    // The board has nothing to act on yet.
    expect((await feed(board)).items).toEqual([]);
  });

  it('given the replacement scores with the other reviewer, then the board is told the application waits for its decision', async () => {
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [cat.id] })
      .expect(201);
    for (const who of [ann, cat])
      await t
        .http()
        .post(`/applications/${id}/scores`)
        .set(who.auth)
        .send({ scores: scores(3), recommendation: 'CharterMembership' })
        .expect(201);
    await settle(t);

    const items = (await feed(board)).items;
    expect(items).toEqual([
      expect.objectContaining({
        subject: expect.stringMatching(/^Waiting for your decision: APP-/),
        link: `http://app.test/board/applications/${id}`,
      }),
    ]);
    expect(t.mailer.to('board@iasl.org').map((m) => m.subject)).toEqual([items[0].subject]);
  });
});
