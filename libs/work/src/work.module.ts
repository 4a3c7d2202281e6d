import { BeforeApplicationShutdown, Injectable, Logger, Module, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { CommandsModule } from '@cert/commands';
import { JobHandler, JobQueue, MAX_ATTEMPTS, PermanentJobFailure } from '@cert/jobs';
import { Metrics } from '@cert/metrics';
import { RecordRetentionModule } from '@cert/privacy';
import { CheckpointMaker } from '@cert/audit';
import { DeadlinesProcessor } from './processors/deadlines.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { CredentialsProcessor } from './processors/credentials.processor';
import { ReactionRunner } from './reaction-runner';
import { BlobSweep } from './blob-sweep';

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
    this.runner.start();
    this.sweep.start();
    this.checkpointTimer = setInterval(() => void this.checkpoints.catchUp().catch((error) => this.logger.error(error)), 1000);
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
  }
}

/**
 * The work side (docs/ARCHITECTURE.md, Worker rules): reactors and processors. The worker process runs it; so does the embedded
 * api (`RUN_WORK_SIDE=true`, the default). Needs the global EventStore, SubjectKeys, ReadDb, JobQueue, IdentityStore, Mailer,
 * BlobStore, Clock, CheckpointMaker and CredentialIssuer (CheckpointsModule).
 */
@Module({
  imports: [CommandsModule, RecordRetentionModule],
  providers: [ReactionRunner, DeadlinesProcessor, NotificationsProcessor, CredentialsProcessor, BlobSweep, WorkLifecycle],
  exports: [ReactionRunner, BlobSweep],
})
export class WorkModule {}
