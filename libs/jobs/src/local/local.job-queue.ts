import type Database from 'better-sqlite3';
import { Logger } from '@nestjs/common';
import type { Clock } from '@cert/config';
import {
  backoffDelay,
  checkQueue,
  checkSpecs,
  emptyDepth,
  errorText,
  JobHandler,
  JobQueue,
  JobSpec,
  MAX_ATTEMPTS,
  PermanentJobFailure,
  QUEUE_NAMES,
  QueueDepth,
  QueueName,
} from '../job-queue';

type Row = { job_id: string; name: string; data: string; run_at: string | null; attempts: number };
type Worker = { handler: JobHandler; concurrency: number; running: number };

const LOCK_MS = 5 * 60_000;
const KEEP_DONE_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

// run_at is the spec's runAt; due_at is when the job may next run (run_at, then after each failure's backoff).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jobs (
    job_id TEXT PRIMARY KEY, queue TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL,
    run_at TEXT, due_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'done', 'failed')),
    last_error TEXT, locked_until TEXT, created_at TEXT NOT NULL, finished_at TEXT
  );
  CREATE INDEX IF NOT EXISTS jobs_claim ON jobs (queue, status, due_at, created_at);
  DROP INDEX IF EXISTS jobs_by_due;
  CREATE INDEX IF NOT EXISTS jobs_by_finish ON jobs (status, finished_at);`;

/** The claim (see LocalJobQueue.claim); exported so a spec can check that SQLite seeks rather than scans. */
export const CLAIM_SQL = `UPDATE jobs SET status = 'active', attempts = attempts + 1, locked_until = @lockedUntil
   WHERE job_id = (
     SELECT job_id FROM (
       SELECT * FROM (SELECT job_id, due_at, created_at FROM jobs
                      WHERE queue = @queue AND status = 'pending' AND due_at <= @now ORDER BY due_at, created_at LIMIT 1)
       UNION ALL
       SELECT * FROM (SELECT job_id, due_at, created_at FROM jobs
                      WHERE queue = @queue AND status = 'active' AND locked_until <= @now ORDER BY due_at, created_at LIMIT 1))
     ORDER BY due_at, created_at LIMIT 1)
   RETURNING job_id, name, data, run_at, attempts`;

/**
 * The embedded scheduler (docs/ARCHITECTURE.md, Two deployment shapes): pending jobs live in the read-model SQLite db,
 * written in the same transaction as the reactor's checkpoint, so an enqueue is never lost or doubled. All times
 * come from the injected Clock. A job that runs longer than LOCK_MS may be claimed again by another instance;
 * handlers are short and idempotent (docs/ARCHITECTURE.md, Principles (the ten rules), rule 9).
 */
export class LocalJobQueue extends JobQueue {
  private readonly logger = new Logger('LocalJobQueue');
  private readonly workers = new Map<QueueName, Worker>();
  private readonly running = new Set<Promise<void>>();
  private readonly pollMs: number;
  private readonly lockMs: number;
  private timer: NodeJS.Timeout | null = null;
  private pumpQueued = false;
  private closed = false;
  private ran = 0;
  private lastPrune = -Infinity;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    opts: { pollMs?: number; lockMs?: number } = {},
  ) {
    super();
    this.pollMs = opts.pollMs ?? 250;
    this.lockMs = opts.lockMs ?? LOCK_MS;
    db.exec(SCHEMA);
  }

  async enqueue(specs: JobSpec[], commit?: () => void): Promise<void> {
    if (this.closed) throw new Error('job queue is closed');
    checkSpecs(specs);
    const now = this.now();
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO jobs (job_id, queue, name, data, run_at, due_at, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    // Immediate: take the write lock first, so a second process waits (busy_timeout) instead of failing mid-way.
    this.db
      .transaction(() => {
        for (const s of specs) {
          const runAt = s.runAt === null ? null : new Date(s.runAt).toISOString();
          insert.run(s.jobId, s.queue, s.name, JSON.stringify(s.data ?? null), runAt, runAt ?? now, now);
        }
        commit?.();
      })
      .immediate();
    this.pumpSoon();
  }

  process(queue: QueueName, handler: JobHandler, opts: { concurrency?: number } = {}): void {
    if (this.closed) throw new Error('job queue is closed');
    checkQueue(queue, this.workers);
    this.workers.set(queue, { handler, concurrency: Math.max(1, opts.concurrency ?? 1), running: 0 });
    if (!this.timer) this.schedule();
  }

  async drain(): Promise<number> {
    for (;;) {
      this.pump();
      if (this.running.size === 0) break;
      await Promise.race(this.running);
    }
    const ran = this.ran;
    this.ran = 0;
    return ran;
  }

  async depth(): Promise<QueueDepth> {
    const rows = this.db
      .prepare(
        `SELECT queue,
           SUM(status = 'pending' AND due_at <= @now) AS waiting, SUM(status = 'pending' AND due_at > @now) AS delayed,
           SUM(status = 'active') AS active, SUM(status = 'failed') AS failed
         FROM jobs GROUP BY queue`,
      )
      .all({ now: this.now() }) as { queue: QueueName; waiting: number; delayed: number; active: number; failed: number }[];
    const depth = emptyDepth();
    for (const { queue, ...counts } of rows) if (QUEUE_NAMES.includes(queue)) depth[queue] = counts;
    return depth;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([...this.running]);
  }

  /** Deletes done jobs finished over 30 days ago (the poll loop calls it hourly). Until then their ids still dedupe. */
  prune(): number {
    const before = new Date(this.clock.now().getTime() - KEEP_DONE_MS).toISOString();
    return this.db.prepare(`DELETE FROM jobs WHERE status = 'done' AND finished_at < ?`).run(before).changes;
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.tick(), this.pollMs);
    // The poll loop alone must not keep the process (or a jest worker) alive.
    this.timer.unref();
  }

  private tick(): void {
    try {
      this.pump();
      const now = this.clock.now().getTime();
      if (now - this.lastPrune >= PRUNE_EVERY_MS) {
        this.prune();
        this.lastPrune = now;
      }
    } catch (err) {
      this.logger.error(`poll failed: ${errorText(err)}`);
    }
    if (!this.closed) this.schedule();
  }

  /**
   * A freed slot or a new job starts work at once rather than at the next poll: with the poll alone a queue would run
   * at most `concurrency` jobs per poll interval, so a backlog would drain at that pace whatever the handlers cost.
   * The poll remains for delayed jobs and for jobs another process enqueued.
   */
  private pumpSoon(): void {
    if (this.closed || this.pumpQueued || this.workers.size === 0) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      try {
        this.pump();
      } catch (err) {
        this.logger.error(`poll failed: ${errorText(err)}`);
      }
    });
  }

  /** Claims due jobs up to each queue's concurrency and starts them. */
  private pump(): void {
    if (this.closed) return;
    for (const [queue, worker] of this.workers) {
      while (worker.running < worker.concurrency) {
        const row = this.claim(queue);
        if (!row) break;
        worker.running++;
        const run: Promise<void> = this.run(queue, worker.handler, row).finally(() => {
          worker.running--;
          this.running.delete(run);
          this.pumpSoon();
        });
        this.running.add(run);
      }
    }
  }

  /**
   * One statement, under the write lock: two instances on the same file never claim the same job. An expired lock is
   * a crashed run. The first due pending job and the first expired active one are each found by a seek on jobs_claim,
   * then the earlier of the two is taken. Written as one WHERE with an OR, SQLite reads every job of the queue (done
   * ones are kept) and sorts them on every claim, measured far slower than two seeks once done jobs pile up
   * (bench/NOTES.md, Figures recorded in code comments).
   */
  private claim(queue: QueueName): Row | undefined {
    const now = this.clock.now().getTime();
    const claim = this.db.prepare(CLAIM_SQL);
    const params = { queue, now: iso(now), lockedUntil: iso(now + this.lockMs) };
    return this.db.transaction(() => claim.get(params) as Row | undefined).immediate();
  }

  private async run(queue: QueueName, handler: JobHandler, row: Row): Promise<void> {
    let error: unknown = null;
    try {
      await handler({ queue, name: row.name, jobId: row.job_id, data: JSON.parse(row.data), attempt: row.attempts, runAt: row.run_at });
    } catch (err) {
      error = err;
    }
    this.ran++;
    try {
      this.finish(row, error);
    } catch (err) {
      // The lock expires and the job runs again: late rather than lost.
      this.logger.error(`could not record the end of job ${row.job_id}: ${errorText(err)}`);
    }
  }

  /** Fenced by `attempts`: a run whose lock expired and was re-claimed cannot overwrite the newer run's outcome. */
  private finish(row: Row, error: unknown): void {
    const now = this.clock.now().getTime();
    const fence = `WHERE job_id = @jobId AND status = 'active' AND attempts = @attempts`;
    const key = { jobId: row.job_id, attempts: row.attempts };
    const write = (sql: string, params: object) => this.db.transaction(() => this.db.prepare(sql).run({ ...key, ...params })).immediate();
    if (error === null) {
      write(`UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = @now ${fence}`, { now: iso(now) });
    } else if (error instanceof PermanentJobFailure || row.attempts >= MAX_ATTEMPTS) {
      write(`UPDATE jobs SET status = 'failed', locked_until = NULL, last_error = @error, finished_at = @now ${fence}`, {
        now: iso(now),
        error: errorText(error),
      });
    } else {
      const dueAt = iso(now + backoffDelay(row.attempts));
      write(`UPDATE jobs SET status = 'pending', locked_until = NULL, last_error = @error, due_at = @dueAt ${fence}`, {
        dueAt,
        error: errorText(error),
      });
    }
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
