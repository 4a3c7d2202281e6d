import { BeforeApplicationShutdown, Inject, Injectable, Logger, Module, OnApplicationBootstrap, Optional, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { CommandsModule } from '@cert/commands';
import { ReadDb } from '@cert/projections';
import { JobHandler, JobQueue, MAX_ATTEMPTS, PermanentJobFailure } from '@cert/jobs';
import { Metrics } from '@cert/metrics';
import { RecordRetentionModule } from '@cert/privacy';
import { CheckpointMaker } from '@cert/audit';
import { DeadlinesProcessor } from './processors/deadlines.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { CredentialsProcessor } from './processors/credentials.processor';
import { ReactionRunner } from './reaction-runner';
import { BlobSweep } from './blob-sweep';
import { LocalReactionCheckpoint, ReactionCheckpoint } from './reactions/reaction-checkpoint';
import { LocalReactorLease, ReactorLease } from './reactions/reactor-lease';

/**
 * On a shared log (PostgreSQL) each append wakes the reactors (EventStore.onAppend), so polling is the fallback for
 * a LISTEN connection that is down, and the pace at which a worker without the lease tries to take it.
 */
const SHARED_LOG_POLL_MS = 1000;

/**
 * Starts the reactors, one processor per queue, the orphan sweep and the checkpoint maker's count (every
 * CHECKPOINT_EVERY events: only the work side signs, as only it reacts); stops taking work on shutdown (SIGTERM).
 */
@Injectable()
class WorkLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('checkpoints');
  private checkpointTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runner: ReactionRunner,
    private readonly queue: JobQueue,
    private readonly deadlines: DeadlinesProcessor,
    private readonly notifications: NotificationsProcessor,
    private readonly sweep: BlobSweep,
    private readonly checkpoints: CheckpointMaker,
    private readonly lease: ReactorLease,
    private readonly reactions: ReactionCheckpoint,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async onApplicationBootstrap() {
    this.queue.process(
      'deadlines',
      this.counted((job) => this.deadlines.process(job)),
    );
    this.queue.process(
      'notifications',
      this.counted((job) => this.notifications.process(job)),
      { concurrency: 4 },
    );
    await this.runner.catchUp();
    this.runner.start(this.config.eventStore !== 'sqlite' ? SHARED_LOG_POLL_MS : undefined);
    this.sweep.start();
    // Signed by the worker that runs the reactors: the others would only find its checkpoint already recorded.
    const sign = () => (this.lease.held() ? this.checkpoints.catchUp() : Promise.resolve([]));
    this.checkpointTimer = setInterval(() => void sign().catch((error) => this.logger.error(error)), 1000);
    this.checkpointTimer.unref();
  }

  /** Each run counted for operators: done, retried (failed, will run again) or failed (gave up). */
  private counted(handler: JobHandler): JobHandler {
    return async (job) => {
      try {
        await handler(job);
        this.metrics?.jobs.inc({ queue: job.queue, outcome: 'done' });
      } catch (error) {
        const final = error instanceof PermanentJobFailure || job.attempt >= MAX_ATTEMPTS;
        this.metrics?.jobs.inc({ queue: job.queue, outcome: final ? 'failed' : 'retried' });
        throw error;
      }
    };
  }

  // Before the queue closes, so no page is enqueued into a closed queue.
  async beforeApplicationShutdown() {
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    await Promise.all([this.runner.stop(), this.sweep.stop()]);
    await this.checkpoints.idle();
    // Ending the lease's session hands the reactors to another worker at once.
    await Promise.all([this.lease.close(), this.reactions.close()]);
  }
}

/**
 * docs/ARCHITECTURE.md, Distributed: on a PostgreSQL log, one worker at a time runs the reactors (an advisory lock);
 * with the jobs on Redis too, their checkpoint is shared, so a worker taking over continues from it. Jobs in the
 * in-process queue live in this process's read database, so their checkpoint stays there, in the enqueue's
 * transaction. Loaded on demand: the embedded default never needs the driver.
 */
const REACTION_PROVIDERS: Provider[] = [
  {
    provide: ReactorLease,
    useFactory: async (config: AppConfig) => {
      // A shared log (PostgreSQL, or KurrentDB beside the PostgreSQL that holds the accounts) leases through PostgreSQL.
      if (config.eventStore === 'sqlite' || !config.databaseUrl) return new LocalReactorLease();
      const { PostgresReactorLease } = await import('./reactions/postgres.reactor-lease');
      return new PostgresReactorLease(config.databaseUrl);
    },
    inject: [APP_CONFIG],
  },
  {
    provide: ReactionCheckpoint,
    useFactory: async (config: AppConfig, readDb: ReadDb) => {
      if (config.eventStore === 'sqlite' || !config.databaseUrl || !config.redisUrl) return new LocalReactionCheckpoint(readDb);
      const { PostgresReactionCheckpoint } = await import('./reactions/postgres.reaction-checkpoint');
      return PostgresReactionCheckpoint.connect(config.databaseUrl);
    },
    inject: [APP_CONFIG, ReadDb],
  },
];

/**
 * The work side (docs/ARCHITECTURE.md, Worker rules): reactors and processors. The worker process runs it; so does the embedded
 * api (`RUN_WORK_SIDE=true`, the default). Needs the global EventStore, SubjectKeys, ReadDb, JobQueue, IdentityStore, Mailer,
 * BlobStore, Clock, CheckpointMaker and CredentialIssuer (CheckpointsModule).
 */
@Module({
  imports: [CommandsModule, RecordRetentionModule],
  providers: [
    ...REACTION_PROVIDERS,
    ReactionRunner,
    DeadlinesProcessor,
    NotificationsProcessor,
    CredentialsProcessor,
    BlobSweep,
    WorkLifecycle,
  ],
  exports: [ReactionRunner, BlobSweep],
})
export class WorkModule {}
