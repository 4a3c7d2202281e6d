import { Logger } from '@nestjs/common';
import type { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '@cert/config';
import {
  backoffDelay,
  BACKOFF_BASE_MS,
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

/** Job data in Redis: the spec's data plus the clock times drain() promotes by (BullMQ's own delay is real time). */
type Envelope = { data: unknown; runAt: string | null; retryAt?: string };
type Lib = typeof import('bullmq');
/**
 * prefix: Redis key prefix (default 'bull'). backoffMs: retry base (default 1 s). lockMs: how soon a killed worker's job
 * runs again (default 30 s). closeTimeoutMs: how long each step of a graceful close may take (default 15 s).
 */
export type BullmqOptions = { prefix?: string; backoffMs?: number; lockMs?: number; drainTimeoutMs?: number; closeTimeoutMs?: number };

const DAY_S = 24 * 3600;

/**
 * The distributed adapter (docs/ARCHITECTURE.md, Worker rules): deterministic job ids dedupe re-enqueues, exponential
 * backoff, UnrecoverableError for permanent failures. bullmq and ioredis load in connect(), so the embedded default
 * (no REDIS_URL) never pays for them at startup.
 */
export class BullmqJobQueue extends JobQueue {
  private readonly logger = new Logger('BullmqJobQueue');
  private readonly workers = new Map<QueueName, Worker>();
  private closing: Promise<void> | null = null;
  private ran = 0;

  private constructor(
    private readonly lib: Lib,
    private readonly queues: Record<QueueName, Queue>,
    private readonly connections: { queues: Redis; workers: Redis },
    private readonly clock: Clock,
    private readonly opts: Required<BullmqOptions>,
  ) {
    super();
  }

  static async connect(redisUrl: string, clock: Clock, opts: BullmqOptions = {}): Promise<BullmqJobQueue> {
    const [lib, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
    const queuesRedis = new Redis(redisUrl);
    try {
      await refuseEviction(queuesRedis);
    } catch (err) {
      queuesRedis.disconnect();
      throw err;
    }
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest null for them.
    const workersRedis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const options = {
      prefix: opts.prefix ?? 'bull',
      backoffMs: opts.backoffMs ?? BACKOFF_BASE_MS,
      lockMs: opts.lockMs ?? 30_000,
      drainTimeoutMs: opts.drainTimeoutMs ?? 60_000,
      closeTimeoutMs: opts.closeTimeoutMs ?? 15_000,
    };
    const queues = Object.fromEntries(
      QUEUE_NAMES.map((name) => [name, new lib.Queue(name, { connection: queuesRedis, prefix: options.prefix })]),
    ) as Record<QueueName, Queue>;
    const queue = new BullmqJobQueue(lib, queues, { queues: queuesRedis, workers: workersRedis }, clock, options);
    for (const q of Object.values(queues)) q.on('error', (err) => queue.logger.error(`queue ${q.name}: ${errorText(err)}`));
    return queue;
  }

  /** The BullMQ queues, for the operators' dashboard (bull-board). */
  bullQueues(): Queue[] {
    return QUEUE_NAMES.map((name) => this.queues[name]);
  }

  async enqueue(specs: JobSpec[], commit?: () => void): Promise<void> {
    if (this.closing) throw new Error('job queue is closed');
    checkSpecs(specs);
    const now = this.clock.now().getTime();
    for (const name of QUEUE_NAMES) {
      const jobs = specs
        .filter((s) => s.queue === name)
        .map((s) => {
          const runAt = s.runAt === null ? null : new Date(s.runAt).toISOString();
          const data: Envelope = { data: s.data ?? null, runAt };
          const opts = {
            jobId: s.jobId,
            delay: runAt === null ? 0 : Math.max(0, Date.parse(runAt) - now),
            attempts: MAX_ATTEMPTS,
            backoff: { type: 'exponential', delay: this.opts.backoffMs },
            removeOnComplete: { age: 7 * DAY_S },
            removeOnFail: { age: 30 * DAY_S },
          };
          return { name: s.name, data, opts };
        });
      if (jobs.length > 0) await this.queues[name].addBulk(jobs);
    }
    // docs/ARCHITECTURE.md, Worker rules: enqueue, then checkpoint; a crash in between re-adds jobs that dedupe by id.
    commit?.();
  }

  process(queue: QueueName, handler: JobHandler, opts: { concurrency?: number } = {}): void {
    if (this.closing) throw new Error('job queue is closed');
    checkQueue(queue, this.workers);
    const worker = new this.lib.Worker(queue, (job: Job<Envelope>) => this.run(queue, handler, job), {
      connection: this.connections.workers,
      prefix: this.opts.prefix,
      concurrency: Math.max(1, opts.concurrency ?? 1),
      // A worker killed mid-job leaves a lock that expires after lockMs; the job then runs again. As with the local
      // queue's attempts, a job whose runs keep killing workers gives up after MAX_ATTEMPTS of them.
      lockDuration: this.opts.lockMs,
      stalledInterval: this.opts.lockMs,
      maxStalledCount: MAX_ATTEMPTS - 1,
    });
    worker.on('error', (err) => this.logger.error(`worker ${queue}: ${errorText(err)}`));
    this.workers.set(queue, worker);
  }

  async drain(): Promise<number> {
    const queues = [...this.workers.keys()].map((name) => this.queues[name]);
    const giveUp = Date.now() + this.opts.drainTimeoutMs;
    try {
      // Let what is waiting run, then promote what the clock made due (a retry's backoff included), until neither.
      for (;;) {
        if (!(await this.waitIdle(queues, giveUp))) break;
        if ((await this.promoteDue(queues)) === 0) break;
      }
    } catch (err) {
      if (!this.closing) throw err; // Otherwise close() took the connection mid-drain: nothing is left to drain here.
    }
    const ran = this.ran;
    this.ran = 0;
    return ran;
  }

  async depth(): Promise<QueueDepth> {
    const depth = emptyDepth();
    for (const name of QUEUE_NAMES) {
      const c = await this.queues[name].getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
      depth[name] = {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        delayed: c.delayed ?? 0,
        active: c.active ?? 0,
        failed: c.failed ?? 0,
      };
    }
    return depth;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Workers first: close() lets running jobs finish (graceful shutdown), then the queues, then the sockets.
      // Each step has a deadline: after Redis went away and came back, a worker's or queue's close can wait on a
      // connection that never answers, and a shutdown that never ends is worse than one that cuts a job short (an
      // unfinished job's lock expires and it runs again; the notification ledger keeps that from mailing twice).
      await this.withinDeadline(
        'workers',
        () => Promise.all([...this.workers.values()].map((w) => w.close())),
        () => Promise.all([...this.workers.values()].map((w) => w.close(true))),
      );
      await this.withinDeadline(
        'queues',
        () => Promise.all(Object.values(this.queues).map((q) => q.close())),
        async () => undefined,
      );
      await this.withinDeadline(
        'connections',
        () => Promise.all([this.connections.workers.quit(), this.connections.queues.quit()]),
        async () => {
          this.connections.workers.disconnect();
          this.connections.queues.disconnect();
        },
      );
    })();
    return this.closing;
  }

  private async withinDeadline(step: string, graceful: () => Promise<unknown>, forced: () => Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), this.opts.closeTimeoutMs);
    });
    const outcome = await Promise.race([graceful().then(() => 'done' as const), expired]).finally(() => clearTimeout(timer));
    if (outcome === 'expired') {
      this.logger.warn(`closing ${step} took over ${this.opts.closeTimeoutMs} ms: closing them without waiting`);
      await Promise.race([forced(), new Promise((resolve) => setTimeout(resolve, this.opts.closeTimeoutMs))]);
    }
  }

  private async run(queue: QueueName, handler: JobHandler, job: Job<Envelope>): Promise<void> {
    const { data, runAt } = job.data;
    try {
      await handler({ queue, name: job.name, jobId: job.id!, data, attempt: job.attemptsStarted, runAt });
    } catch (err) {
      if (err instanceof PermanentJobFailure) throw new this.lib.UnrecoverableError(err.message);
      // Record when the retry is due in clock time, so drain() under a FixedClock honours the same backoff.
      const failed = job.attemptsMade + 1;
      if (failed < MAX_ATTEMPTS) {
        const retryAt = new Date(this.clock.now().getTime() + backoffDelay(failed, this.opts.backoffMs)).toISOString();
        await job.updateData({ ...job.data, retryAt }).catch((e) => this.logger.warn(`job ${job.id}: ${errorText(e)}`));
      }
      throw err;
    } finally {
      // Counted before BullMQ moves the job on, so drain() never sees it finished but uncounted.
      this.ran++;
    }
  }

  /** Promotes delayed jobs whose clock time (retryAt, else runAt) has come. */
  private async promoteDue(queues: Queue[]): Promise<number> {
    const now = this.clock.now().getTime();
    let promoted = 0;
    for (const q of queues) {
      for (const job of await q.getDelayed(0, -1)) {
        const due = (job.data as Envelope | undefined)?.retryAt ?? (job.data as Envelope | undefined)?.runAt ?? null;
        if (due !== null && Date.parse(due) > now) continue;
        // Already moved by BullMQ's own timer or another instance: nothing to do.
        if (
          await job.promote().then(
            () => true,
            () => false,
          )
        )
          promoted++;
      }
    }
    return promoted;
  }

  /** Waits until no job is waiting or active in these queues; false when close() began meanwhile. */
  private async waitIdle(queues: Queue[], giveUp: number): Promise<boolean> {
    for (;;) {
      if (this.closing) return false;
      let busy = 0;
      for (const q of queues) {
        const c = await q.getJobCounts('waiting', 'prioritized', 'active');
        busy += (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.active ?? 0);
      }
      if (busy === 0) return true;
      if (Date.now() > giveUp) throw new Error(`drain: ${busy} jobs still waiting or active after ${this.opts.drainTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** BullMQ loses jobs when Redis evicts keys, so refuse to start unless eviction is off. */
async function refuseEviction(redis: Redis): Promise<void> {
  const reply = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
  const policy = reply?.[1];
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}"; BullMQ needs "noeviction" or queued jobs can be evicted and lost. ` +
        'Run `CONFIG SET maxmemory-policy noeviction` (and persist it in redis.conf).',
    );
  }
}
