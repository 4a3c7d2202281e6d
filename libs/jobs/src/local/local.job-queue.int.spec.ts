import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SqliteReadDb } from '@cert/projections';
import { FixedClock } from '@cert/testing';
import { itBehavesLikeAJobQueue, jobSpec } from '../testing/job-queue.contract';
import { CLAIM_SQL, LocalJobQueue } from './local.job-queue';

let file: string;
let readDbs: SqliteReadDb[] = [];
const openDb = () => {
  const readDb = SqliteReadDb.open(file);
  readDbs.push(readDb);
  return readDb;
};

beforeEach(() => {
  file = join(tmpdir(), `jobs-${randomUUID()}.sqlite`);
});
afterEach(() => {
  readDbs.forEach((d) => d.close());
  readDbs = [];
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

describe('LocalJobQueue', () => {
  // A short poll so the background loop races drain() in every contract case.
  itBehavesLikeAJobQueue(async (clock) => new LocalJobQueue(openDb().db, clock, { pollMs: 20 }));

  const status = (db: SqliteReadDb, jobId: string) =>
    db.db.prepare('SELECT status, attempts FROM jobs WHERE job_id = ?').get(jobId) as { status: string; attempts: number } | undefined;

  it('writes the jobs and the commit in one transaction: a throwing commit leaves neither', async () => {
    const db = openDb();
    const queue = new LocalJobQueue(db.db, new FixedClock());
    db.db.exec('CREATE TABLE checkpoint (position TEXT)');
    const save =
      (position: string, fail = false) =>
      () => {
        db.db.prepare('INSERT INTO checkpoint VALUES (?)').run(position);
        if (fail) throw new Error('disk full');
      };
    await expect(queue.enqueue([jobSpec('tx-1')], save('7', true))).rejects.toThrow('disk full');
    expect(status(db, 'tx-1')).toBeUndefined();
    expect(db.db.prepare('SELECT * FROM checkpoint').all()).toEqual([]);
    await queue.enqueue([jobSpec('tx-1')], save('7'));
    expect(status(db, 'tx-1')).toEqual({ status: 'pending', attempts: 0 });
    expect(db.db.prepare('SELECT * FROM checkpoint').all()).toEqual([{ position: '7' }]);
    await queue.close();
  });

  it('runs due jobs from its poll loop without drain()', async () => {
    const queue = new LocalJobQueue(openDb().db, new FixedClock(), { pollMs: 5 });
    const ran: string[] = [];
    queue.process('notifications', async (job) => void ran.push(job.jobId));
    await queue.enqueue([jobSpec('poll-1')]);
    for (let i = 0; i < 400 && ran.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ran).toEqual(['poll-1']);
    await queue.close();
  });

  it('retries a run whose process died (its lock expired), and the dead run cannot overwrite the outcome', async () => {
    const clock = new FixedClock();
    const [crashedDb, survivorDb] = [openDb(), openDb()];
    const crashed = new LocalJobQueue(crashedDb.db, clock, { pollMs: 60_000 });
    let release!: () => void;
    crashed.process('notifications', () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => {
        throw new Error('the dead run comes back late');
      }),
    );
    await crashed.enqueue([jobSpec('crash-1')]);
    void crashed.drain();
    await new Promise((resolve) => setImmediate(resolve));
    expect(status(survivorDb, 'crash-1')).toEqual({ status: 'active', attempts: 1 });

    const survivor = new LocalJobQueue(survivorDb.db, clock, { pollMs: 60_000 });
    const attempts: number[] = [];
    survivor.process('notifications', async (job) => void attempts.push(job.attempt));
    clock.advance({ minutes: 4 });
    await survivor.drain();
    expect(attempts).toEqual([]);
    clock.advance({ minutes: 2 });
    await survivor.drain();
    expect(attempts).toEqual([2]);
    release();
    await crashed.close();
    expect(status(survivorDb, 'crash-1')).toEqual({ status: 'done', attempts: 2 });
    await survivor.close();
  });

  it('prunes done jobs 30 days after they finished, and nothing younger', async () => {
    const clock = new FixedClock('2026-01-01T00:00:00.000Z');
    const db = openDb();
    const queue = new LocalJobQueue(db.db, clock, { pollMs: 60_000 });
    queue.process('notifications', async () => undefined);
    await queue.enqueue([jobSpec('old-1'), jobSpec('later-1', { runAt: '2026-01-20T00:00:00.000Z' })]);
    await queue.drain();
    clock.set('2026-01-20T00:00:00.000Z');
    await queue.drain();
    clock.set('2026-01-31T00:00:00.000Z');
    expect(queue.prune()).toBe(0);
    clock.set('2026-02-01T00:00:01.000Z');
    expect(queue.prune()).toBe(1);
    expect(status(db, 'old-1')).toBeUndefined();
    expect(status(db, 'later-1')).toEqual({ status: 'done', attempts: 1 });
    await queue.close();
  });

  it('two processes draining the same file run each of 300 jobs exactly once', async () => {
    const now = '2026-01-15T09:00:00.000Z';
    const queue = new LocalJobQueue(openDb().db, new FixedClock(now));
    await queue.enqueue(Array.from({ length: 300 }, (_, i) => jobSpec(`proc-${i}`)));
    const children = [0, 1].map(() => startChild(file, now));
    await Promise.all(children.map((c) => c.ready));
    children.forEach((c) => c.proc.stdin.end('go\n'));
    const ran = await Promise.all(children.map((c) => c.result));
    const all = ran.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    // If one process ran everything, they never overlapped and the test proved nothing.
    expect(ran.every((r) => r.length > 0)).toBe(true);
    expect(await queue.depth()).toMatchObject({ notifications: { waiting: 0, active: 0, failed: 0 } });
    await queue.close();
  });

  describe('claiming with many finished jobs kept in the table', () => {
    const insert = (db: SqliteReadDb, jobId: string, status: string, dueAt: string, lockedUntil: string | null = null) =>
      db.db
        .prepare(
          `INSERT INTO jobs (job_id, queue, name, data, due_at, status, locked_until, created_at) VALUES (?, 'notifications', 'Send', '{}', ?, ?, ?, ?)`,
        )
        .run(jobId, dueAt, status, lockedUntil, dueAt);

    it('seeks the next due job on the claim index instead of reading and sorting every job of the queue', () => {
      const db = openDb();
      new LocalJobQueue(db.db, new FixedClock());
      db.db.transaction(() => {
        for (let i = 0; i < 5000; i++) insert(db, `done-${i}`, 'done', new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString());
      })();
      db.db.exec('ANALYZE');
      const params = { queue: 'notifications', now: '2026-06-01T00:00:00.000Z', lockedUntil: 'x' };
      const plan = (db.db.prepare(`EXPLAIN QUERY PLAN ${CLAIM_SQL}`).all(params) as { detail: string }[]).map((r) => r.detail);
      expect(plan).toContain('SEARCH jobs USING INDEX jobs_claim (queue=? AND status=? AND due_at<?)');
      expect(plan.filter((d) => /SCAN jobs|USING INDEX jobs_claim \(queue=\?\)/.test(d))).toEqual([]);
    });

    it('takes the earlier of the first due pending job and the first expired active one, finished jobs never', async () => {
      const db = openDb();
      const queue = new LocalJobQueue(db.db, new FixedClock('2026-03-01T12:00:00.000Z'), { pollMs: 60_000 });
      insert(db, 'finished-long-ago', 'done', '2026-01-01T00:00:00.000Z');
      insert(db, 'pending-later', 'pending', '2026-03-01T10:00:00.000Z');
      insert(db, 'crashed-earlier', 'active', '2026-03-01T09:00:00.000Z', '2026-03-01T11:00:00.000Z');
      insert(db, 'pending-not-due', 'pending', '2026-03-02T00:00:00.000Z');
      const order: string[] = [];
      queue.process('notifications', async (job) => void order.push(job.jobId), { concurrency: 1 });
      await queue.drain();
      expect(order).toEqual(['crashed-earlier', 'pending-later']);
      await queue.close();
    });
  });
});

function startChild(dbFile: string, now: string) {
  const child = join(__dirname, 'testing-fixtures/claim-child.mjs');
  const proc = spawn(process.execPath, [child, dbFile, now], { cwd: join(__dirname, '../../../..') });
  const lines: string[] = [];
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: proc.stdout }).on('line', (line) => (lines.push(line), line === 'ready' && markReady()));
  const result = new Promise<string[]>((resolve, reject) =>
    proc.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(lines.at(-1)!)) : reject(new Error(`claim-child exited ${code}: ${stderr}`)),
    ),
  );
  // A child that dies before 'ready' must fail the test rather than hang it.
  return { proc, ready: Promise.race([ready, result.then(() => undefined)]), result };
}
