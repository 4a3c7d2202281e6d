import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_POLICY_VERSION, CURRENT_RUBRIC_VERSION, applicationDecider, applicationStream } from '@cert/domain';
import { SqliteEventStore, handle } from '@cert/event-store';
import { surveyFor } from './support/cycle-data';
import { startSmtpSink } from './support/smtp-sink';
import { exited, startWorker, waitUntil } from './support/worker-process';

const MESSAGES = 500;
const KILLS = 3;
const CONCURRENCY = 4; // the notifications processor's, per worker

/**
 * Kill -9 a worker in the middle of a batch of 500 notifications, several times; every message arrives.
 * SMTP has no idempotency key, so a kill after the sink accepted a message but before the ledger recorded it
 * repeats that message on retry, with the same Message-ID. The spec counts those repeats and bounds them by
 * what can be in flight when a worker dies; it requires every one of the 500 Message-IDs to arrive.
 */
describe.each([
  ['the in-process scheduler', {}],
  ['BullMQ on Redis', { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `test-${randomUUID()}` }],
])('a worker killed mid-batch, on %s', (name, queueEnv) => {
  const dir = mkdtempSync(join(tmpdir(), 'iasl-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`delivers each of ${MESSAGES} notifications despite ${KILLS} kill -9s`, async () => {
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    for (let i = 0; i < MESSAGES; i++) {
      // Each leader sends their own survey (docs/DOMAIN.md, Notifications: one "application received" mail each).
      const actor = { id: `crash-test-${i}`, role: 'applicant' as const, email: `leader${i}@school${i}.org` };
      const applicationId = randomUUID();
      const data = {
        applicationId,
        survey: surveyFor(`Leader ${i}`, `leader${i}@school${i}.org`, `School ${i}`),
        asNominator: false,
        rubricVersion: CURRENT_RUBRIC_VERSION,
        policyVersion: CURRENT_POLICY_VERSION,
      };
      const now = new Date().toISOString();
      await handle(
        store,
        applicationStream(applicationId),
        applicationDecider,
        { type: 'SubmitSurvey', data, metadata: { now, actor } } as never,
        { actorId: actor.id, actorRole: actor.role, now },
      );
    }
    await store.close();

    const sink = await startSmtpSink();
    const env = { DATA_DIR: dir, MAIL_TRANSPORT: 'smtp', SMTP_URL: sink.url, JOB_LOCK_SECONDS: '2', ...queueEnv };
    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        const worker = startWorker(env);
        const target = Math.min(MESSAGES - 50, sink.distinct() + 40 + Math.floor(Math.random() * 80));
        await waitUntil(() => sink.distinct() >= target, 60_000, `${target} messages (${worker.output()})`);
        worker.kill('SIGKILL');
        await exited(worker);
      }
      const last = startWorker(env);
      await waitUntil(() => sink.distinct() >= MESSAGES, 90_000, `all ${MESSAGES} messages (${last.output()})`);
      last.kill('SIGTERM');
      await exited(last);

      const repeats = sink.total() - sink.distinct();
      console.info(
        `${name}: ${sink.distinct()} distinct messages, ${sink.total()} deliveries, ${repeats} repeated after ${KILLS} kill -9s`,
      );
      expect(sink.distinct()).toBe(MESSAGES);
      expect([...sink.deliveries.keys()].every((id) => /application-received/.test(id))).toBe(true);
      expect(repeats).toBeLessThanOrEqual(KILLS * CONCURRENCY);

      const reopened = SqliteEventStore.open(join(dir, 'events.sqlite'));
      const ledger = (await reopened.readAll(null, 100_000)).filter((e) => e.type === 'NotificationSent');
      await reopened.close();
      expect(new Set(ledger.map((e) => e.streamId)).size).toBe(MESSAGES);
      expect(ledger).toHaveLength(MESSAGES);
    } finally {
      await sink.close();
    }
  }, 300_000);
});
