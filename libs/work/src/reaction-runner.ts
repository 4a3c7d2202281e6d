import { Injectable, Logger } from '@nestjs/common';
import { APPLICATION_EVENT_TYPES, ApplicationEvent, SubjectErased } from '@cert/domain';
import { EventStore, RecordedEvent } from '@cert/event-store';
import { JobQueue, JobSpec } from '@cert/jobs';
import { ReadDb } from '@cert/projections';
import { deadlineJobs } from './reactors/deadlines.reactor';
import { notificationJobs } from './reactors/notifications.reactor';
import { awardJobs, isAwardCycleEvent } from './reactors/awards.reactor';
import { dailyCheckpointJobs } from './reactors/checkpoints.reactor';
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
 * Reads the log from its own checkpoint and turns events into jobs. The checkpoint moves in the same commit
 * as the enqueue (one SQLite transaction for the in-process queue; right after the adds for BullMQ, whose job
 * ids absorb a repeat), so a job is never lost and never doubled.
 */
@Injectable()
export class ReactionRunner {
  private readonly logger = new Logger('reactions');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly store: EventStore,
    private readonly readDb: ReadDb,
    private readonly queue: JobQueue,
  ) {
    readDb.db.exec('CREATE TABLE IF NOT EXISTS reaction_state (name TEXT PRIMARY KEY, position TEXT)');
  }

  checkpoint(): string | null {
    const row = this.readDb.db.prepare("SELECT position FROM reaction_state WHERE name = 'reactors'").get() as
      { position: string } | undefined;
    return row?.position ?? null;
  }

  /** Serialised, so two callers never enqueue the same page twice from this process. */
  catchUp(): Promise<number> {
    this.running = this.running.catch(() => 0).then(() => this.catchUpNow());
    return this.running;
  }

  start(intervalMs = 100): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.catchUp().catch((error) => this.logger.error(error)), intervalMs);
    this.timer.unref();
  }

  /**
   * Waits for the pass under way, at most `graceMs`: an enqueue to a queue whose connection went away and came back
   * can wait on an answer that never comes, and shutdown must not wait with it. Nothing is lost by not waiting: the
   * checkpoint moves only with a finished enqueue, so the next start enqueues that page again (job ids dedupe it).
   */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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
    const save = this.readDb.db.prepare(
      "INSERT INTO reaction_state (name, position) VALUES ('reactors', ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position",
    );
    for (;;) {
      const page = await this.store.readAll(this.checkpoint(), PAGE, { links: false });
      if (page.length === 0) return seen;
      const last = page[page.length - 1].position;
      await this.queue.enqueue([...page.flatMap(reactTo), ...dailyCheckpointJobs(page)], () => void save.run(last));
      seen += page.length;
      if (page.length < PAGE) return seen;
    }
  }
}
