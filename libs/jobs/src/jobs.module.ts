import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Module } from '@nestjs/common';
import { AppConfig, Clock } from '@cert/config';
import { ReadDb } from '@cert/projections';
import { BullmqJobQueue } from './bullmq/bullmq.job-queue';
import { JobQueue } from './job-queue';
import { LocalJobQueue } from './local/local.job-queue';

/**
 * Closes the queue before any module's onApplicationShutdown, so running jobs finish (graceful SIGTERM, given
 * `app.enableShutdownHooks()`) while the event store and the ReadDb they use are still open.
 */
@Injectable()
class JobQueueCloser implements BeforeApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}
  beforeApplicationShutdown() {
    return this.queue.close();
  }
}

/**
 * BullMQ when REDIS_URL is set (distributed), else the in-process scheduler on the ReadDb
 * (docs/ARCHITECTURE.md, Two deployment shapes).
 */
export const openJobQueue = async (
  config: Pick<AppConfig, 'redisUrl' | 'jobs'>,
  readDb: ReadDb | undefined,
  clock: Clock,
): Promise<JobQueue> => {
  const { lockSeconds, redisPrefix } = config.jobs;
  if (config.redisUrl) return BullmqJobQueue.connect(config.redisUrl, clock, { prefix: redisPrefix, lockMs: lockSeconds * 1000 });
  // The jobs table must share the ReadDb so the reactor writes jobs and its checkpoint in one transaction.
  if (!readDb) throw new Error('JobsModule without REDIS_URL needs ReadDb (import ProjectionsModule)');
  return new LocalJobQueue(readDb.db, clock, { lockMs: lockSeconds * 1000 });
};

/** Provides the JobQueue port everywhere; the abstract class is the DI token. Needs Clock (ConfigModule). */
@Global()
@Module({})
export class JobsModule {
  static forRoot(config: Pick<AppConfig, 'redisUrl' | 'jobs'>): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        {
          provide: JobQueue,
          useFactory: (readDb: ReadDb | undefined, clock: Clock) => openJobQueue(config, readDb, clock),
          inject: [{ token: ReadDb, optional: true }, Clock],
        },
        JobQueueCloser,
      ],
      exports: [JobQueue],
    };
  }

  /** For tests that own their queue (and close it themselves). */
  static forInstance(queue: JobQueue): DynamicModule {
    return { module: JobsModule, providers: [{ provide: JobQueue, useValue: queue }], exports: [JobQueue] };
  }
}
