import { Logger } from '@nestjs/common';
import type { RecordOfReasonsShredded, SubjectErased } from '@cert/domain';
import { AppendSubscription, EventStore, RecordedEvent, comparePositions } from '@cert/event-store';
import { Projection, ProjectionFailed, applyEvent } from './projection';
import { prepareSchema, readCheckpoint, saveCheckpoint } from './projection-state';
import { ReadDb } from './read-db';
import { PAGE_SIZE, rebuildAndCompare } from './rebuild';

/**
 * The events that record destroyed keys (docs/DOMAIN.md, Erasure; docs/DOMAIN.md, Personal data and the record of
 * reasons): a person's erasure, and a record of reasons shredded at the end of its retention. The read models are
 * rebuilt after either.
 */
const ERASURES: readonly string[] = ['SubjectErased', 'RecordOfReasonsShredded'] satisfies (
  SubjectErased | RecordOfReasonsShredded
)['type'][];
const WAIT_POLL_MS = 10;

/** The read tables could not reach the log's head in time (a projection failing, the log unreachable): retry later. */
export class ReadModelsBehind extends Error {
  override readonly name = 'ReadModelsBehind';
  constructor(
    readonly head: string,
    readonly checkpoint: string | null,
  ) {
    super(`the read models are at ${checkpoint ?? 'the start'} and could not reach the log's head ${head} in time`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Feeds the projections from the log (docs/ARCHITECTURE.md, Read side): read a page after the checkpoint, apply it
 * and save the new checkpoint in one SQLite transaction, so a page is applied wholly once or not at all.
 */
export class LogRunner {
  private readonly logger = new Logger(LogRunner.name);
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private generation = 0;
  private lastFailure: string | null = null;
  private unsubscribe: (() => void) | null = null;

  /** `onAppend`: the adapter's, when it has one; the runner then catches up on each append and polls as a fallback. */
  constructor(
    private readonly store: EventStore,
    private readonly readDb: ReadDb,
    private readonly projections: Projection[],
    private readonly onAppend?: AppendSubscription,
  ) {
    if (prepareSchema(readDb.db, projections)) this.logger.log('projection versions changed: read tables reset, replaying the log');
  }

  isRunning(): boolean {
    return this.running;
  }

  checkpoint(): string | null {
    return readCheckpoint(this.readDb.db);
  }

  /** Serialised on a promise chain: concurrent callers wait their turn, so no page is applied twice. */
  catchUp(): Promise<number> {
    const run = this.queue.then(() => this.drain());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Polls every `intervalMs`, and at once on each append the store reports (which may come in a burst: one tick serves it). */
  start(intervalMs = 50): void {
    if (this.running) return;
    this.running = true;
    // A tick still in flight from before a stop()/start() pair must not start a second polling loop.
    const generation = ++this.generation;
    const current = () => this.running && generation === this.generation;
    let ticking = false;
    let woken = false;
    const schedule = (ms: number) => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void tick(), ms);
    };
    const tick = async () => {
      this.timer = null;
      ticking = true;
      woken = false;
      try {
        await this.catchUp();
      } catch {
        // Already logged in applyPage (or a store outage): the next tick retries from the same checkpoint.
      }
      ticking = false;
      if (current()) schedule(woken ? 0 : intervalMs);
    };
    this.unsubscribe =
      this.onAppend?.(() => {
        if (!current()) return;
        // Heard during a tick: that tick may have read the log before the append, so one more follows it.
        if (ticking) woken = true;
        else schedule(0);
      }) ?? null;
    schedule(0);
  }

  /** Stops polling and waits for a page in flight, so the database can be closed after. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  /** Read-your-writes (docs/ARCHITECTURE.md, The three sides): true once the read tables include `position`, false after `timeoutMs`. */
  async waitFor(position: string, timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.catchUp();
      } catch {
        // Logged by the runner; the caller gets `false` at the deadline rather than an error.
      }
      const checkpoint = this.checkpoint();
      if (checkpoint !== null && comparePositions(checkpoint, position) >= 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await sleep(Math.min(WAIT_POLL_MS, left));
    }
  }

  /**
   * Read-your-writes for a command that decides on read tables (docs/ARCHITECTURE.md, Distributed): they reach the
   * log's head as it is when the command starts, so whatever was written before it, through any process, is in them.
   * One head() read, then waitFor; throws rather than let the command decide on tables that are behind.
   */
  async catchUpToHead(timeoutMs = 2000): Promise<void> {
    const head = await this.store.head();
    if (head && !(await this.waitFor(head.position, timeoutMs))) throw new ReadModelsBehind(head.position, this.checkpoint());
  }

  async lag(): Promise<{ head: string | null; checkpoint: string | null; behind: boolean }> {
    const head = (await this.store.head())?.position ?? null;
    const checkpoint = this.checkpoint();
    const behind = head !== null && (checkpoint === null || comparePositions(checkpoint, head) < 0);
    return { head, checkpoint, behind };
  }

  private async drain(): Promise<number> {
    let applied = 0;
    let erasure = false;
    // A replay into empty read models that began after an erasure was recorded read every event after its keys
    // were gone: nothing in them predates it, so that erasure needs no rebuild (a fresh process would replay twice).
    const replayedAfter = this.checkpoint() === null ? ((await this.store.head())?.position ?? null) : null;
    for (;;) {
      const from = this.checkpoint();
      const page = await this.store.readAll(from, PAGE_SIZE, { links: false });
      if (page.length === 0) break;
      applied += this.applyPage(from, page);
      erasure ||= page.some(
        (e) => ERASURES.includes(e.type) && (replayedAfter === null || comparePositions(e.position, replayedAfter) > 0),
      );
      if (page.length < PAGE_SIZE) break;
    }
    if (erasure) await this.rebuildAfterErasure();
    return applied;
  }

  /**
   * docs/DOMAIN.md, Erasure: a person's keys (or a record's) were destroyed before SubjectErased (or
   * RecordOfReasonsShredded) was appended, so the log now reads "[erased]" for them, but rows applied earlier still hold their data in clear. Rebuild every read model from the
   * log and swap it in (inside this runner's turn, so no page interleaves). secure_delete has zeroed what the swap
   * freed; VACUUM also rewrites pages freed before the file had secure_delete, and the truncated WAL keeps no earlier
   * frame. Every process that hosts read models does this on its own.
   */
  private async rebuildAfterErasure(): Promise<void> {
    const report = await rebuildAndCompare(this.store, this.projections, this.readDb.db, { swap: true });
    try {
      this.readDb.db.exec('VACUUM');
      this.readDb.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (err) {
      this.logger.warn(`read models rebuilt after an erasure, but the file could not be compacted yet: ${String(err)}`);
    }
    this.logger.log(`read models rebuilt after an erasure (${report.events} events replayed)`);
  }

  private applyPage(from: string | null, page: RecordedEvent[]): number {
    const db = this.readDb.db;
    try {
      const count = db
        .transaction(() => {
          // Another writer (a rebuild swap, or a second process on the same file) may have moved the
          // checkpoint while this page was read: applying it again would double-count, so skip it.
          if (readCheckpoint(db) !== from) return 0;
          for (const event of page) applyEvent(db, this.projections, event);
          saveCheckpoint(db, this.projections, page[page.length - 1].position);
          return page.length;
        })
        .immediate();
      this.lastFailure = null;
      return count;
    } catch (err) {
      this.report(err);
      throw err;
    }
  }

  // A broken projection fails on every poll until it is fixed; log it once per failing event, not every 50 ms.
  private report(err: unknown): void {
    const key = err instanceof ProjectionFailed ? `${err.projection}/${err.event.id}` : String(err);
    if (key === this.lastFailure) return;
    this.lastFailure = key;
    if (err instanceof ProjectionFailed) {
      this.logger.error(
        `projection ${err.projection} failed on event ${err.event.id} (${err.event.type} at ${err.event.position}); page not committed, retrying`,
        err.cause instanceof Error ? err.cause.stack : String(err.cause),
      );
    } else {
      this.logger.error(`applying a page failed; page not committed, retrying: ${String(err)}`);
    }
  }
}
