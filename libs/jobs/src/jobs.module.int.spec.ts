import { randomUUID } from 'node:crypto';
import { DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock } from '@cert/config';
import { ReadDb, SqliteReadDb } from '@cert/projections';
import { FixedClock } from '@cert/testing';
import { BullmqJobQueue } from './bullmq/bullmq.job-queue';
import { JobQueue } from './job-queue';
import { JobsModule } from './jobs.module';
import { LocalJobQueue } from './local/local.job-queue';
import { jobSpec } from './testing/job-queue.contract';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// A key prefix of this run's own, so it never meets another run's jobs on the shared Redis.
const JOBS = { lockSeconds: 300, redisPrefix: `test-${randomUUID()}` };

/** What the app's ConfigModule and ProjectionsModule would provide. */
const deps = (readDb?: ReadDb): DynamicModule => {
  const providers = [{ provide: Clock, useValue: new FixedClock() }, ...(readDb ? [{ provide: ReadDb, useValue: readDb }] : [])];
  return { module: class Deps {}, global: true, providers, exports: providers.map((p) => p.provide) };
};

describe('JobsModule', () => {
  it('without REDIS_URL, provides the in-process queue on the ReadDb and closes it on shutdown', async () => {
    const readDb = SqliteReadDb.open(':memory:');
    const app = await Test.createTestingModule({ imports: [deps(readDb), JobsModule.forRoot({ redisUrl: null, jobs: JOBS })] }).compile();
    const queue = app.get(JobQueue);
    expect(queue).toBeInstanceOf(LocalJobQueue);
    await queue.enqueue([jobSpec('module-1')]);
    expect(readDb.db.prepare('SELECT job_id FROM jobs').all()).toEqual([{ job_id: 'module-1' }]);
    await app.close();
    await expect(queue.enqueue([jobSpec('module-2')])).rejects.toThrow(/closed/);
    readDb.close();
  });

  it('without REDIS_URL and without a ReadDb, says what is missing', async () => {
    await expect(
      Test.createTestingModule({ imports: [deps(), JobsModule.forRoot({ redisUrl: null, jobs: JOBS })] }).compile(),
    ).rejects.toThrow(/needs ReadDb/);
  });

  it('with REDIS_URL, provides BullMQ (no ReadDb needed) and closes it on shutdown', async () => {
    const app = await Test.createTestingModule({ imports: [deps(), JobsModule.forRoot({ redisUrl, jobs: JOBS })] }).compile();
    const queue = app.get(JobQueue);
    expect(queue).toBeInstanceOf(BullmqJobQueue);
    await app.close();
    await expect(queue.enqueue([jobSpec('module-3')])).rejects.toThrow(/closed/);
  });

  it('serves a given instance for tests, and leaves closing it to them', async () => {
    const readDb = SqliteReadDb.open(':memory:');
    const queue = new LocalJobQueue(readDb.db, new FixedClock());
    const app = await Test.createTestingModule({ imports: [deps(), JobsModule.forInstance(queue)] }).compile();
    expect(app.get(JobQueue)).toBe(queue);
    await app.close();
    await expect(queue.enqueue([jobSpec('module-4')])).resolves.toBeUndefined();
    await queue.close();
    readDb.close();
  });
});
