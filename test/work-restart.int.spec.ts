import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { surveyFor } from './support/cycle-data';
import { settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** On the in-process scheduler, timers set before a restart fire after it, once. */
describe('the in-process scheduler across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iasl-work-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps pending reminders and the lapse across a restart, and sends each once', async () => {
    const first = await startApp({ dataDir, now: '2026-05-01T09:00:00.000Z' });
    const staff = await signInWithPassword(first, 'staff', 'staff@iasl.org');
    const leader = await signInByEmail(first, 'kim@harbor.edu');
    const created = await first
      .http()
      .post('/applications')
      .set(leader.auth)
      .send(surveyFor('Kim', 'kim@harbor.edu', 'Harbor School'))
      .expect(201);
    const id = created.body.applicationId as string;
    await first.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await settle(first);
    await first.close();

    const second = await startApp({ dataDir, now: '2026-05-30T10:00:00.000Z' });
    try {
      await settle(second);
      const subjects = () => second.mailer.to('kim@harbor.edu').map((m) => m.subject);
      expect(subjects().filter((s) => s.startsWith('Reminder'))).toHaveLength(2);
      second.clock.set('2026-05-31T09:00:01.000Z');
      await settle(second);
      expect(subjects().filter((s) => /has lapsed/.test(s))).toHaveLength(1);
      expect(subjects().filter((s) => s.startsWith('Reminder'))).toHaveLength(2);
      expect(await settle(second)).toBe(0);
      const staffAgain = await signInWithPassword(second, 'staff', 'staff@iasl.org');
      const app = await second.http().get(`/applications/${id}`).set(staffAgain.auth).expect(200);
      expect(app.body.status).toBe('Lapsed');
    } finally {
      await second.close();
    }
  });
});
