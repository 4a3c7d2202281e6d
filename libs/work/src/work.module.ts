import { BeforeApplicationShutdown, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandsModule } from '@cert/commands';
import { JobQueue } from '@cert/jobs';
import { RecordRetentionModule } from '@cert/privacy';
import { CheckpointMaker } from '@cert/audit';
import { DeadlinesProcessor } from './processors/deadlines.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { ReactionRunner } from './reaction-runner';

/**
 * Starts the reactors, one processor per queue and the checkpoint maker's count (every CHECKPOINT_EVERY events: only
 * the work side signs, as only it reacts); stops taking work on shutdown (SIGTERM).
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
    private readonly checkpoints: CheckpointMaker,
  ) {}

  async onApplicationBootstrap() {
    this.queue.process('deadlines', (job) => this.deadlines.process(job));
    this.queue.process('notifications', (job) => this.notifications.process(job), { concurrency: 4 });
    await this.runner.catchUp();
    this.runner.start();
    this.checkpointTimer = setInterval(() => void this.checkpoints.catchUp().catch((error) => this.logger.error(error)), 1000);
    this.checkpointTimer.unref();
  }

  // Before the queue closes, so no page is enqueued into a closed queue.
  async beforeApplicationShutdown() {
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    await this.runner.stop();
    await this.checkpoints.idle();
  }
}

/**
 * The work side (docs/ARCHITECTURE.md, Worker rules): reactors and processors. The worker process runs it; so does the embedded
 * api (`RUN_WORK_SIDE=true`, the default). Needs the global EventStore, SubjectKeys, ReadDb, JobQueue, IdentityStore, Mailer,
 * Clock and CheckpointMaker (CheckpointsModule).
 */
@Module({
  imports: [CommandsModule, RecordRetentionModule],
  providers: [ReactionRunner, DeadlinesProcessor, NotificationsProcessor, WorkLifecycle],
  exports: [ReactionRunner],
})
export class WorkModule {}
