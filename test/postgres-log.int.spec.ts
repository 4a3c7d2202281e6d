import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLog } from '@cert/event-store';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres.event-store';
import { freshDatabase } from '../libs/event-store/src/testing/postgres-test-db';
import { surveyFor } from './support/cycle-data';
import { decideOverHttp } from './support/lifecycle';
import { signInByEmail, signInWithPassword, startApp, TestApp } from './support/test-app';

/**
 * The whole service with its log on PostgreSQL (EVENT_STORE=postgres): a certification cycle over HTTP, the audit's
 * verification of both chains, and the same log served again after a restart.
 */
describe('the service on a PostgreSQL log', () => {
  let db: { url: string; drop: () => Promise<void> };
  let keys: { url: string; drop: () => Promise<void> };
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'iasl-pg-'));
  const redisPrefix = `pglog-${process.pid}-${Date.now()}`;
  let env: Record<string, string>;
  beforeAll(async () => {
    [db, keys] = await Promise.all([freshDatabase('service'), freshDatabase('service_keys')]);
    // What a shared log requires (docs/ARCHITECTURE.md, Distributed); the mailer is the test's own (startApp overrides it).
    env = {
      EVENT_STORE: 'postgres',
      DATABASE_URL: db.url,
      KEYS_DATABASE_URL: keys.url,
      QUEUE_PREFIX: redisPrefix,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:1',
      CHECKPOINT_KEY_PATH: join(dataDir, 'shared', 'checkpoint-key.pem'),
      WITNESS_DIR: join(dataDir, 'shared', 'witness'),
    };
    t = await startApp({ dataDir, redisPrefix, env });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([db.drop(), keys.drop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a cycle to its decision, verifies, and serves the same head after a restart', async () => {
    expect(t.get(EventLog)).toBeInstanceOf(PostgresEventStore);
    const panel = {
      staff: await signInWithPassword(t, 'staff', 'staff@iasl.org'),
      board: await signInWithPassword(t, 'board', 'board@iasl.org'),
      reviewers: [
        await signInWithPassword(t, 'reviewer', 'north@north.edu', { institution: 'North College' }),
        await signInWithPassword(t, 'reviewer', 'east@east.edu', { institution: 'East University' }),
      ],
    };
    const leader = await signInByEmail(t, 'ada@riverside.edu');
    const auditor = await signInWithPassword(t, 'auditor', 'audit@iasl.org');
    const { id, decision } = await decideOverHttp(t, leader, panel, {
      survey: surveyFor('Ada Rivers', 'ada@riverside.edu', 'Riverside STEM Academy'),
      level: 4,
      outcome: 'ProgramOfExcellence',
    });
    expect(decision.events).toContain('DecisionRecorded');
    const status = await t.http().get(`/applications/${id}?after=${decision.position}`).set(leader.auth).expect(200);
    expect(status.body.status).toBe('Decided');
    const verified = (await t.http().get('/audit/verify').set(auditor.auth).expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
    const head = await t.get(EventLog).head();

    await t.close();
    t = await startApp({ dataDir, redisPrefix, env });
    // The notifications processor may have appended since: the old head is still a link of the chain, unchanged.
    const [atHead] = await t.get(EventLog).readAll(String(BigInt(head!.position) - 1n), 1);
    expect({ position: atHead.position, globalHash: atHead.globalHash }).toEqual(head);
    const again = (await t.http().get('/audit/verify').set(auditor.auth).expect(200)).body;
    expect(again).toMatchObject({ ok: true });
    const after = (await t.get(EventLog).head())!.position;
    expect((await t.http().get(`/applications/${id}?after=${after}`).set(leader.auth).expect(200)).body.status).toBe('Decided');
  });
});
