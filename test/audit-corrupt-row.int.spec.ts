import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { surveyFor } from './support/cycle-data';
import { TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** A row damaged on disk is tampering the auditor is told about (200 with the problem), never a 500. */
describe('verification over HTTP with a damaged row', () => {
  let dir: string;
  let t: TestApp | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corrupt-row-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /audit/verify with 200 naming the unreadable event, while /health stays up', async () => {
    // Given a service with two surveys in its log, stopped, and the first survey's stored data cut short by hand
    t = await startApp({ dataDir: dir });
    for (const [name, email] of [
      ['Ada One', 'ada@one.example'],
      ['Bo Two', 'bo@two.example'],
    ]) {
      const leader = await signInByEmail(t, email);
      await t
        .http()
        .post('/applications')
        .set(leader.auth)
        .send(surveyFor(name, email, `${name} Academy`))
        .expect(201);
    }
    await settle(t);
    await t.close();
    const raw = new Database(join(dir, 'events.sqlite'));
    const position = raw
      .prepare("SELECT global_position FROM events WHERE type = 'SurveySubmitted' ORDER BY global_position")
      .pluck()
      .get() as number;
    raw.prepare('UPDATE events SET data = \'{"survey":\' WHERE global_position = ?').run(position);
    raw.close();

    // When the service starts again and an auditor verifies the log
    t = await startApp({ dataDir: dir });
    const auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    const verdict = await t.http().get('/audit/verify').set(auditor.auth).expect(200);

    // Then the answer names the damaged event's position as unreadable, and the service says it is up
    expect(verdict.body).toMatchObject({ ok: false, problem: { reason: 'unreadable', position: String(position) } });
    await t.http().get('/health').expect(200);
  });
});
