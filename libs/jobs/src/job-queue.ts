export type QueueName = 'deadlines' | 'notifications';
export const QUEUE_NAMES: readonly QueueName[] = ['deadlines', 'notifications'];

/** runAt: ISO-8601 UTC; the job becomes due when the injected Clock reaches it (null = now). jobId: deterministic, no ':' (BullMQ rejects it). */
export type JobSpec<D = unknown> = { queue: QueueName; name: string; jobId: string; data: D; runAt: string | null };
/** attempt counts from 1. */
export type JobContext<D = unknown> = { queue: QueueName; name: string; jobId: string; data: D; attempt: number; runAt: string | null };
export type JobHandler = (job: JobContext) => Promise<void>;

/** Thrown by a handler for a failure that retrying cannot fix (BullMQ: UnrecoverableError). */
export class PermanentJobFailure extends Error {
  override readonly name = 'PermanentJobFailure';
}

export type QueueDepth = Record<QueueName, { waiting: number; delayed: number; active: number; failed: number }>;

/**
 * The work side's queue (docs/ARCHITECTURE.md, Worker rules): one port, a BullMQ adapter and an in-process SQLite
 * adapter, one contract suite (testing/job-queue.contract.ts). An abstract class so it doubles as the DI token.
 */
export abstract class JobQueue {
  /** Adds the jobs (a jobId already known is ignored), then calls `commit` (the reactor's checkpoint). Local: jobs and commit in ONE SQLite transaction on the ReadDb (commit is synchronous SQL on the same db). BullMQ: add all, then commit (a crash in between re-adds them; jobId dedupe and the idempotent decider absorb that). If commit throws, the local adapter writes nothing. */
  abstract enqueue(specs: JobSpec[], commit?: () => void): Promise<void>;
  /** Starts processing a queue with this handler (one per queue). Failures retry with exponential backoff (5 attempts, base 1 s in clock time for local, real time for BullMQ); PermanentJobFailure stops at once; both end as 'failed'. */
  abstract process(queue: QueueName, handler: JobHandler, opts?: { concurrency?: number }): void;
  /**
   * Runs every job that is due by the Clock until none is due or active; returns how many handler runs (failed
   * attempts included) finished in this instance since the previous drain(). Tests move a FixedClock and call this
   * instead of sleeping. Only the queues this instance processes are drained.
   */
  abstract drain(): Promise<number>;
  abstract depth(): Promise<QueueDepth>;
  /** Stops taking jobs, waits for running ones (graceful shutdown on SIGTERM), closes connections. Enqueueing afterwards throws. */
  abstract close(): Promise<void>;
}

export const MAX_ATTEMPTS = 5;
export const BACKOFF_BASE_MS = 1000;

/** Delay before the next try after `failedAttempts` failures: base, 2·base, 4·base… (BullMQ's 'exponential'). */
export const backoffDelay = (failedAttempts: number, baseMs = BACKOFF_BASE_MS): number => baseMs * 2 ** (failedAttempts - 1);

export const emptyDepth = (): QueueDepth =>
  Object.fromEntries(QUEUE_NAMES.map((q) => [q, { waiting: 0, delayed: 0, active: 0, failed: 0 }])) as QueueDepth;

/** Refuses specs that one adapter would reject or misread, so both adapters refuse the same ones. */
export function checkSpecs(specs: JobSpec[]): void {
  for (const spec of specs) {
    if (!QUEUE_NAMES.includes(spec.queue)) throw new Error(`unknown queue "${spec.queue}"`);
    if (!spec.jobId || spec.jobId.includes(':'))
      throw new Error(`job id "${spec.jobId}" must be non-empty and contain no ':' (BullMQ rejects it)`);
    if (spec.runAt !== null && Number.isNaN(Date.parse(spec.runAt)))
      throw new Error(`job ${spec.jobId}: runAt "${spec.runAt}" is not an ISO date`);
  }
}

export function checkQueue(queue: QueueName, taken: { has(q: QueueName): boolean }): void {
  if (!QUEUE_NAMES.includes(queue)) throw new Error(`unknown queue "${queue}"`);
  // docs/ARCHITECTURE.md, Worker rules: one processor per queue, switching on job.name.
  if (taken.has(queue)) throw new Error(`queue "${queue}" already has a handler`);
}

export const errorText = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));
