import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { LocalJobQueue } from '@cert/jobs';
import { SqliteReadDb } from '@cert/projections';
import { FixedClock } from '@cert/testing';
import { PostgresEventStore } from '../../../event-store/src/postgres/postgres.event-store';
import { freshDatabase } from '../../../event-store/src/testing/postgres-test-db';
import { ReactionRunner } from '../reaction-runner';
import { PostgresReactionCheckpoint } from './postgres.reaction-checkpoint';
import { PostgresReactorLease } from './postgres.reactor-lease';
import { itBehavesLikeAReactionCheckpoint } from './testing/reaction-checkpoint.contract';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** A database of this describe's own, dropped after it. */
function withDatabase(label: string) {
  const db = { url: '', drop: async () => {} };
  beforeAll(async () => Object.assign(db, await freshDatabase(label)));
  afterAll(() => db.drop());
  return db;
}

describe('PostgresReactionCheckpoint', () => {
  const db = withDatabase('reaction_checkpoint');
  beforeEach(async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('DROP TABLE IF EXISTS reaction_checkpoint');
    await admin.end();
  });
  itBehavesLikeAReactionCheckpoint(() => ({ open: () => PostgresReactionCheckpoint.connect(db.url) }));
});

/** An event that asks for one job only: the daily checkpoint timer of its day (its id names the day). */
const eventOn = (day: number) => ({
  id: randomUUID(),
  type: 'NoteAdded',
  schemaVersion: 1,
  data: {},
  metadata: {
    actorId: 'a',
    actorRole: 'staff',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date(Date.UTC(2026, 0, day, 10)).toISOString(),
  },
});

/** One worker's work side: its own connections, its own read database and in-process queue (so its jobs are its own to count). */
async function worker(url: string, { wake = false } = {}) {
  const store = await PostgresEventStore.connect(url);
  const readDb = SqliteReadDb.open(':memory:');
  const queue = new LocalJobQueue(readDb.db, new FixedClock('2026-01-01T00:00:00.000Z'));
  const checkpoint = await PostgresReactionCheckpoint.connect(url);
  const lease = new PostgresReactorLease(url);
  const runner = new ReactionRunner(store, queue, checkpoint, lease, wake ? store : undefined);
  return {
    runner,
    lease,
    jobIds: () => readDb.db.prepare('SELECT job_id FROM jobs ORDER BY job_id').pluck().all() as string[],
    close: async () => {
      await runner.stop();
      await Promise.all([lease.close(), checkpoint.close(), queue.close(), store.close()]);
      readDb.close();
    },
  };
}

describe('Reactors on a shared PostgreSQL log: one runner at a time, one shared checkpoint', () => {
  const db = withDatabase('reactors');
  it('given two workers, then one enqueues; when its lease connection is killed, the other continues from the checkpoint', async () => {
    const writer = await PostgresEventStore.connect(db.url);
    const [a, b] = await Promise.all([worker(db.url), worker(db.url)]);
    try {
      for (let day = 1; day <= 5; day++) await writer.appendToStream(`note-${day}`, [eventOn(day)], { expectedVersion: 0 });

      const seen = await Promise.all([a.runner.catchUp(), b.runner.catchUp()]);
      expect(seen.sort()).toEqual([0, 5]);
      const [holder, other] = a.lease.held() ? [a, b] : [b, a];
      expect(holder.jobIds()).toHaveLength(5);
      expect(other.jobIds()).toEqual([]);
      await expect(other.runner.checkpoint()).resolves.toBe('5');

      // The holder's session ends (its machine lost the network, the server restarted it): PostgreSQL frees the lock.
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      await admin.end();
      expect(rowCount).toBe(1);
      await until(() => !holder.lease.held());

      for (let day = 6; day <= 8; day++) await writer.appendToStream(`note-${day}`, [eventOn(day)], { expectedVersion: 0 });
      await expect(other.runner.catchUp()).resolves.toBe(3);
      await expect(holder.runner.catchUp()).resolves.toBe(0);
      expect(other.jobIds()).toEqual(['checkpoint-due-20260107', 'checkpoint-due-20260108', 'checkpoint-due-20260109']);
      expect(holder.jobIds()).toHaveLength(5);
      await expect(holder.runner.checkpoint()).resolves.toBe('8');

      // The other worker shuts down (its lease's session ends): the first one, reconnected, takes the reactors back.
      await other.lease.close();
      await writer.appendToStream('note-9', [eventOn(9)], { expectedVersion: 0 });
      await expect(holder.runner.catchUp()).resolves.toBe(1);
      expect(holder.jobIds()).toContain('checkpoint-due-20260110');
    } finally {
      await Promise.all([a.close(), b.close(), writer.close()]);
    }
  });
});

describe('Reactors woken by appends', () => {
  const db = withDatabase('reactors_wake');

  it('given a runner that polls once an hour, when another process appends, then the jobs are enqueued on the notice', async () => {
    const writer = await PostgresEventStore.connect(db.url);
    const w = await worker(db.url, { wake: true });
    try {
      w.runner.start(3_600_000);
      await writer.appendToStream('note-1', [eventOn(1)], { expectedVersion: 0 });
      await until(() => w.jobIds().length === 1);
      await writer.appendToStream('note-2', [eventOn(2)], { expectedVersion: 0 });
      await until(() => w.jobIds().length === 2);
      expect(w.jobIds()).toEqual(['checkpoint-due-20260102', 'checkpoint-due-20260103']);
    } finally {
      await Promise.all([w.close(), writer.close()]);
    }
  });
});
