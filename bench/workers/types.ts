import type { Figure } from '../lib/stats';

/** The Workers part's result shapes (kept apart from workers.ts so report.ts loads none of the engine). */
export type Shape = 'bullmq' | 'local';
export const SHAPE_LABELS: Record<Shape, string> = {
  bullmq: 'BullMQ on Redis (REDIS_URL)',
  local: 'in-process scheduler (SQLite jobs table)',
};

export type ThroughputRun = {
  messages: number;
  seconds: number;
  /** Messages ÷ (last mail accepted, or last job completed − the backlog released to the worker). */
  perSec: number;
  /** How fast the backlog was appended (the engine: commands through the write side; the floor: Queue.add), untimed. */
  producerPerSec: number;
  workerCpuMsPerMessage: number;
  /** The worker process's CPU during the drain, in cores: near 1 = CPU-bound, well below = waiting (I/O, the sink). */
  workerCores: number;
  otherCores: number;
};
export type ThroughputResult = { [K in keyof ThroughputRun]: Figure };

/** leadSeconds: from the acceptances to the first due time; quietMs: the acceptances' own mails were all out this long before it. */
export type LatenessRun = { timers: number; p50Ms: number; p99Ms: number; maxMs: number; leadSeconds: number; quietMs: number };
export type LatenessResult = { [K in keyof LatenessRun]: Figure };

export type WorkersResult = {
  config: {
    notifications: number;
    warmup: number;
    timers: number;
    timersPerSecond: number;
    runs: number;
    concurrency: number;
    shapes: Shape[];
    floor: string;
    redis: string;
  };
  engine: Partial<Record<Shape, ThroughputResult>>;
  floor: { mail: ThroughputResult | null; noop: ThroughputResult | null };
  lateness: Partial<Record<Shape, LatenessResult>>;
  notes: string[];
};
