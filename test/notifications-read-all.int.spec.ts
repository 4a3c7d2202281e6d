import { EventStore } from '@cert/event-store';
import { surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** docs/DOMAIN.md, Notifications: "mark all read" marks every unread notification of the caller, and only theirs. */
describe('POST /me/notifications/read-all', () => {
  let t: TestApp;
  let staff: Session, alice: Session, oscar: Session;
  const feed = async (who: Session) => (await t.http().get('/me/notifications').set(who.auth).expect(200)).body;
  const head = () =>
    t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    alice = await signInByEmail(t, 'alice@riverside.edu');
    oscar = await signInByEmail(t, 'oscar@elsewhere.org');
    for (const [who, name, school] of [
      [alice, 'Alice Rivers', 'Riverside STEM Academy'],
      [oscar, 'Oscar Owens', 'Elsewhere Academy'],
    ] as const) {
      const id = (
        await t
          .http()
          .post('/applications')
          .set(who.auth)
          .send(surveyFor(name, who.email, school))
          .expect(201)
      ).body.applicationId;
      await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    }
    await settle(t);
  });

  afterAll(() => t?.close());

  it('given several unread notifications, when the caller marks all read, then none of theirs is unread and the answer counts them', async () => {
    const before = await feed(alice);
    expect(before.unread).toBeGreaterThan(1);
    const oscarBefore = await feed(oscar);
    expect(oscarBefore.unread).toBeGreaterThan(0);

    const res = await t.http().post('/me/notifications/read-all').set(alice.auth).expect(200);
    expect(res.body).toEqual({ marked: before.unread, position: expect.any(String) });
    await settle(t);

    const after = await feed(alice);
    expect(after.unread).toBe(0);
    expect(after.items).toHaveLength(before.items.length);
    expect(after.items.every((i: { readAt: string | null }) => i.readAt !== null)).toBe(true);
    // Only the caller's own: Oscar's stay unread.
    expect((await feed(oscar)).unread).toBe(oscarBefore.unread);
  });

  it('given everything already read, when the caller marks all read again, then nothing is written and it answers marked 0', async () => {
    const position = await head();
    const res = await t.http().post('/me/notifications/read-all').set(alice.auth).expect(200);
    expect(res.body).toEqual({ marked: 0, position: null });
    expect(await head()).toBe(position);
  });

  it('given an auditor, when they mark all read, then it is refused: an auditor changes nothing', async () => {
    const auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    const res = await t.http().post('/me/notifications/read-all').set(auditor.auth).expect(403);
    expect(res.body.code).toBe('access.denied');
  });
});
