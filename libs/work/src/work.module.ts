import { BeforeApplicationShutdown, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandsModule } from '@cert/commands';
import { JobQueue } from '@cert/jobs';
import { RecordRetentionModule } from '@cert/privacy';
import { DeadlinesProcessor } from './processors/deadlines.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { ReactionRunner } from './reaction-runner';
import { BlobSweep } from './blob-sweep';

/** Starts the reactors, one processor per queue and the orphan sweep; stops taking work on shutdown (SIGTERM). */
@Injectable()
class WorkLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: ReactionRunner,
    private readonly queue: JobQueue,
    private readonly deadlines: DeadlinesProcessor,
    private readonly notifications: NotificationsProcessor,
    private readonly sweep: BlobSweep,
  ) {}

  async onApplicationBootstrap() {
    this.queue.process('deadlines', (job) => this.deadlines.process(job));
    this.queue.process('notifications', (job) => this.notifications.process(job), { concurrency: 4 });
    await this.runner.catchUp();
    this.runner.start();
    this.sweep.start();
  }

  // Before the queue closes, so no page is enqueued into a closed queue.
  async beforeApplicationShutdown() {
    await Promise.all([this.runner.stop(), this.sweep.stop()]);
  }
}

/**
 * The work side (docs/ARCHITECTURE.md, Worker rules): reactors and processors. The worker process runs it; so does the embedded
 * api (`RUN_WORK_SIDE=true`, the default). Needs the global EventStore, SubjectKeys, ReadDb, JobQueue, IdentityStore, Mailer,
 * BlobStore and Clock.
 */
@Module({
  imports: [CommandsModule, RecordRetentionModule],
  providers: [ReactionRunner, DeadlinesProcessor, NotificationsProcessor, BlobSweep, WorkLifecycle],
  exports: [ReactionRunner, BlobSweep],
})
export class WorkModule {}
