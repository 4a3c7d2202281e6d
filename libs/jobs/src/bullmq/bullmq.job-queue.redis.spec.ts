import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { Redis } from 'ioredis';
import { FixedClock } from '@cert/testing';
import { itBehavesLikeAJobQueue, jobSpec } from '../testing/job-queue.contract';
import { BullmqJobQueue } from './bullmq.job-queue';

// docs/ARCHITECTURE.md, Tests: where they live and how they run: the real Redis at REDIS_URL, a unique prefix per test.
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Minutes, not seconds: BullMQ's own real-time retry must never fire mid-test; drain() promotes by the FixedClock.
const backoffMs = 5 * 60_000;

let prefix: string;
let redis: Redis;

beforeAll(() => {
  redis = new Redis(url);
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = `test-${randomUUID()}`;
});
afterEach(async () => {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(batch as string[]));
  if (keys.length > 0) await redis.del(...keys);
});

describe('BullmqJobQueue', () => {
  itBehavesLikeAJobQueue((clock) => BullmqJobQueue.connect(url, clock, { prefix, backoffMs }));

  it('delays a job in Redis by its runAt in clock time and keeps runAt in its data', async () => {
    const clock = new FixedClock('2026-01-15T09:00:00.000Z');
    const queue = await BullmqJobQueue.connect(url, clock, { prefix });
    await queue.enqueue([jobSpec('due-1', { queue: 'deadlines', runAt: '2026-01-15T10:00:00.000Z', data: { a: 1 } })]);
    const deadlines = queue.bullQueues().find((q) => q.name === 'deadlines')!;
    const job = (await deadlines.getJob('due-1'))!;
    expect(job.opts).toMatchObject({ delay: 3_600_000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
    expect(job.data).toEqual({ data: { a: 1 }, runAt: '2026-01-15T10:00:00.000Z' });
    await queue.close();
  });

  it('refuses to start on a Redis that may evict keys', async () => {
    const port = await freePort();
    const server = spawn(
      '/usr/bin/redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'],
      { stdio: 'ignore' },
    );
    try {
      await waitForRedis(port, server);
      await expect(BullmqJobQueue.connect(`redis://127.0.0.1:${port}`, new FixedClock())).rejects.toThrow(
        /maxmemory-policy is "allkeys-lru".*noeviction/,
      );
    } finally {
      server.kill();
      await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Bounded: until the throwaway server accepts connections (about 5 s at most). */
async function waitForRedis(port: number, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => (socket.destroy(), resolve(false)));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not start`);
}
