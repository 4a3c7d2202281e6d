import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BlobStore } from '@cert/blob-store';
import { applicationStream } from '@cert/domain';
import { EventLog, EventStore } from '@cert/event-store';
import { SubjectKeys, emailSubject } from '@cert/privacy';
import { PostgresBlobStore } from '../libs/blob-store/src/postgres/postgres.blob-store';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres.event-store';
import { PG_TEST_URL, freshDatabase } from '../libs/event-store/src/testing/postgres-test-db';
import { PostgresSubjectKeys } from '../libs/privacy/src/postgres.subject-keys';
import { CODES, surveyFor } from './support/cycle-data';
import { reviewToDecision, submitAccepted } from './support/lifecycle';
import { binary } from './support/pdf-text';
import { signInByEmail, signInWithPassword, startApp, TestApp } from './support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * The whole service with its log on PostgreSQL (EVENT_STORE=postgres), its personal-data keys in a PostgreSQL
 * database of their own (KEYS_DATABASE_URL) and its evidence documents in the log's (BLOB_STORE's default): a
 * certification cycle over HTTP with a document, the audit's verification of both chains and of the document, what
 * a process on another machine (another data folder) reads of it, and the same log served again after a restart.
 */
describe('the service on a PostgreSQL log, keys and documents', () => {
  let db: { url: string; drop: () => Promise<void> };
  let keysDb: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;
  let t: TestApp;
  let closed = false;
  const shared = mkdtempSync(join(tmpdir(), 'iasl-pg-shared-'));
  const redisPrefix = `pglog-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    [db, keysDb] = await Promise.all([freshDatabase('service'), freshDatabase('service_keys')]);
    // What a shared log requires (docs/ARCHITECTURE.md, Distributed); the mailer and the queue are the test's own.
    env = {
      EVENT_STORE: 'postgres',
      DATABASE_URL: db.url,
      KEYS_DATABASE_URL: keysDb.url,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:1',
      QUEUE_PREFIX: redisPrefix,
      CHECKPOINT_KEY_PATH: join(shared, 'checkpoint-key.pem'),
      WITNESS_DIR: join(shared, 'witness'),
      CREDENTIAL_KEY_PATH: join(shared, 'credential-key.pem'),
    };
    t = await startApp({ keepData: true, redisPrefix, env });
  });
  afterAll(async () => {
    if (!closed) await t.close();
    await Promise.all([db.drop(), keysDb.drop()]);
    rmSync(shared, { recursive: true, force: true });
  });

  it('runs a cycle to its decision, verifies, reads the same on another machine, and serves the same head after a restart', async () => {
    expect(t.get(EventLog)).toBeInstanceOf(PostgresEventStore);
    expect(t.get(SubjectKeys)).toBeInstanceOf(PostgresSubjectKeys);
    expect(t.get(BlobStore)).toBeInstanceOf(PostgresBlobStore);
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
    const id = await submitAccepted(t, leader, panel.staff, surveyFor('Ada Rivers', 'ada@riverside.edu', 'Riverside STEM Academy'));
    const uploaded = await t
      .http()
      .post(`/applications/${id}/evidence/documents`)
      .query({ purpose: 'assessment', indicator: CODES[0] })
      .set(leader.auth)
      .attach('file', PDF, { filename: 'minutes.pdf', contentType: 'application/pdf' })
      .expect(201);
    const documentId: string = uploaded.body.evidenceId;
    const { decision } = await reviewToDecision(t, id, leader, panel, { level: 4, outcome: 'ProgramOfExcellence' });
    expect(decision.events).toContain('DecisionRecorded');
    const status = await t.http().get(`/applications/${id}?after=${decision.position}`).set(leader.auth).expect(200);
    expect(status.body.status).toBe('Decided');
    const served = await t.http().get(`/applications/${id}/evidence/${documentId}`).set(leader.auth).buffer(true).parse(binary).expect(200);
    expect(served.body).toEqual(PDF);
    const verified = (await t.http().get('/audit/verify').set(auditor.auth).expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
    // Nothing of the keys or the documents is in this process's own folder.
    expect(existsSync(join(t.dataDir, 'keys.sqlite'))).toBe(false);
    expect(existsSync(join(t.dataDir, 'documents'))).toBe(false);
    const head = await t.get(EventLog).head();

    // Another machine: a folder of its own, the same three databases. It names the leader alike, reads her survey in
    // clear (not "[erased]"), and holds the same stored document.
    const other = await startApp({ redisPrefix, env });
    try {
      expect(emailSubject(other.get(SubjectKeys), 'ada@riverside.edu')).toBe(emailSubject(t.get(SubjectKeys), 'ada@riverside.edu'));
      const [submitted] = (await other.get(EventStore).readStream(applicationStream(id))).events;
      expect((submitted.data as { survey: { leaderName: string; contactEmail: string } }).survey).toEqual(
        expect.objectContaining({ leaderName: 'Ada Rivers', contactEmail: 'ada@riverside.edu' }),
      );
      expect(await other.get(BlobStore).exists(documentId)).toBe(true);
    } finally {
      await other.close();
    }

    await t.close();
    t = await startApp({ dataDir: t.dataDir, redisPrefix, env });
    // The notifications processor may have appended since: the old head is still a link of the chain, unchanged.
    const [atHead] = await t.get(EventLog).readAll(String(BigInt(head!.position) - 1n), 1);
    expect({ position: atHead.position, globalHash: atHead.globalHash }).toEqual(head);
    const again = (await t.http().get('/audit/verify').set(auditor.auth).expect(200)).body;
    expect(again).toMatchObject({ ok: true });
    const after = (await t.get(EventLog).head())!.position;
    expect((await t.http().get(`/applications/${id}?after=${after}`).set(leader.auth).expect(200)).body.status).toBe('Decided');
    const servedAgain = await t
      .http()
      .get(`/applications/${id}/evidence/${documentId}`)
      .set(leader.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(servedAgain.body).toEqual(PDF);
  });

  it('ends every connection to the log’s and the keys’ databases when it shuts down', async () => {
    const names = [db.url, keysDb.url].map((url) => new URL(url).pathname.slice(1));
    const admin = new Client({ connectionString: PG_TEST_URL });
    await admin.connect();
    const open = async () =>
      Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = ANY($1)', [names])).rows[0].n);
    try {
      expect(await open()).toBeGreaterThan(0);
      await t.close();
      closed = true;
      // A server process leaves pg_stat_activity a moment after its client has gone.
      for (let tries = 0; tries < 50 && (await open()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await open()).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
