import { Injectable, Logger, Optional } from '@nestjs/common';
import { APPLICATION_EVENT_TYPES, ApplicationEvent, SubjectErased } from '@cert/domain';
import { EventLog, EventStore, RecordedEvent } from '@cert/event-store';
import { JobQueue, JobSpec } from '@cert/jobs';
import { deadlineJobs } from './reactors/deadlines.reactor';
import { notificationJobs } from './reactors/notifications.reactor';
import { awardJobs, isAwardCycleEvent } from './reactors/awards.reactor';
import { dailyCheckpointJobs } from './reactors/checkpoints.reactor';
import { ReactionCheckpoint } from './reactions/reaction-checkpoint';
import { ReactorLease } from './reactions/reactor-lease';
import { credentialJobs, erasureCredentialJobs } from './reactors/credentials.reactor';

const PAGE = 200;
const TYPES = new Set<string>(APPLICATION_EVENT_TYPES);

/** Every job the log asks for (docs/ARCHITECTURE.md, Worker rules: reactors are pure `(event) => JobSpec[]`). */
export const reactTo = (event: RecordedEvent): JobSpec[] => {
  if (isAwardCycleEvent(event)) return awardJobs(event);
  if (event.type === 'SubjectErased') return erasureCredentialJobs(event as RecordedEvent<SubjectErased>);
  if (!TYPES.has(event.type)) return [];
  const e = event as RecordedEvent<ApplicationEvent>;
  return [...deadlineJobs(e), ...notificationJobs(e), ...credentialJobs(e)];
};

/**
 * Reads the log from its checkpoint and turns events into jobs. The checkpoint moves with the enqueue or right after
 * it (ReactionCheckpoint), so a job is never lost, and a repeat is absorbed by its job id. Runs only while this
 * process holds the reactors' lease (ReactorLease: always, unless the log is shared), and catches up on each append
 * the log reports, polling as a fallback.
 */
@Injectable()
export class ReactionRunner {
  private readonly logger = new Logger('reactions');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> = Promise.resolve(0);
  /** A pass queued behind the one under way and not started yet: it will read whatever is appended before it starts. */
  private queued: Promise<number> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly queue: JobQueue,
    private readonly reactions: ReactionCheckpoint,
    private readonly lease: ReactorLease,
    // The adapter, for its onAppend: the decorators do not change what was appended when.
    @Optional() private readonly log?: EventLog,
  ) {}

  checkpoint(): Promise<string | null> {
    return this.reactions.read();
  }

  /** Serialised, so two callers never enqueue the same page twice from this process; callers while a pass waits join it. */
  catchUp(): Promise<number> {
    if (this.queued) return this.queued;
    const pass = this.running
      .catch(() => 0)
      .then(() => {
        this.queued = null;
        return this.catchUpNow();
      });
    this.queued = pass;
    this.running = pass;
    return pass;
  }

  start(intervalMs = 100): void {
    if (this.timer) return;
    const pass = () => void this.catchUp().catch((error) => this.logger.error(error));
    this.timer = setInterval(pass, intervalMs);
    this.timer.unref();
    this.unsubscribe = this.log?.onAppend?.(pass) ?? null;
  }

  /**
   * Waits for the pass under way, at most `graceMs`: an enqueue to a queue whose connection went away and came back
   * can wait on an answer that never comes, and shutdown must not wait with it. Nothing is lost by not waiting: the
   * checkpoint moves only with a finished enqueue, so the next start enqueues that page again (job ids dedupe it).
   */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), graceMs);
    });
    const outcome = await Promise.race([this.running.catch(() => 0).then(() => 'done' as const), expired]).finally(() =>
      clearTimeout(timer),
    );
    if (outcome === 'expired') this.logger.warn(`the reactors' pass under way did not finish within ${graceMs} ms; stopping without it`);
  }

  private async catchUpNow(): Promise<number> {
    let seen = 0;
    if (!(await this.lease.hold())) return seen;
    // A lease lost mid-pass stops it between pages; the page under way may be enqueued by two workers, which job ids dedupe.
    while (this.lease.held()) {
      const page = await this.store.readAll(await this.reactions.read(), PAGE, { links: false });
      if (page.length === 0) return seen;
      await this.reactions.advance(this.queue, [...page.flatMap(reactTo), ...dailyCheckpointJobs(page)], page[page.length - 1].position);
      seen += page.length;
      if (page.length < PAGE) return seen;
    }
    return seen;
  }
}
