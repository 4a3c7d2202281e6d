import Database from 'better-sqlite3';
import { EventStore, NewEvent, ReadAllOptions, RecordedEvent, VersionConflict, handle } from '@cert/event-store';
import { BenchCommand, BenchEvent, BenchState, benchDecider, evolve, initialState, statusAfter, streamIdOf } from './workload';

/**
 * What the harness drives: the engine (its store through handle(), the one write path) and the floor (raw
 * better-sqlite3, one table). Synchronous subjects return undefined from command(), so the harness awaits only
 * what is really asynchronous.
 */
export interface StoreSubject {
  readonly id: SubjectId;
  /** load the stream, fold, decide, append with an expected-version check; throws Refused or VersionConflict */
  command(cmd: BenchCommand): Promise<unknown> | void;
  /** commits what a group-commit subject still holds (phase 1 timing includes it) */
  flush(): void;
  load(app: number): Promise<{ version: number; state: BenchState }> | { version: number; state: BenchState };
  /** Every event in commit order, in pages of `pageSize`; `onPage` folds them. */
  replay(pageSize: number, onEvent: (streamId: string, type: string, data: unknown) => void): Promise<number> | number;
  close(): Promise<void> | void;
}

export const SUBJECT_IDS = [
  'engine-FULL',
  'engine-NORMAL',
  'floor-FULL',
  'floor-NORMAL',
  'floor-group100',
  'engine-pg',
  'emmett-pg',
] as const;
export type SubjectId = (typeof SUBJECT_IDS)[number];

export const SUBJECT_LABELS: Record<SubjectId, string> = {
  'engine-FULL': 'engine, synchronous=FULL (default)',
  'engine-NORMAL': 'engine, synchronous=NORMAL',
  'floor-FULL': 'floor, synchronous=FULL',
  'floor-NORMAL': 'floor, synchronous=NORMAL',
  'floor-group100': 'floor, FULL, 100 commands per transaction',
  'engine-pg': 'engine on PostgreSQL',
  'emmett-pg': 'Emmett on PostgreSQL (@event-driven-io/emmett-postgresql)',
};

export const isEngine = (id: SubjectId) => id.startsWith('engine');
/** Subjects on the PostgreSQL server: their `path` is a database URL (bench/store/pg.ts makes a fresh one). */
export const onPostgres = (id: SubjectId) => id.endsWith('-pg');

/** Counts the version conflicts the store reports, including those handle() retries internally. */
export class CountingStore extends EventStore {
  conflicts = 0;
  appends = 0;

  constructor(private readonly inner: EventStore) {
    super();
  }

  readStream(streamId: string) {
    return this.inner.readStream(streamId);
  }

  async appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }) {
    try {
      const result = await this.inner.appendToStream(streamId, events, opts);
      this.appends++;
      return result;
    } catch (err) {
      if (err instanceof VersionConflict) this.conflicts++;
      throw err;
    }
  }

  readAll(checkpoint: string | null, limit: number, options?: ReadAllOptions) {
    return this.inner.readAll(checkpoint, limit, options);
  }

  head() {
    return this.inner.head();
  }

  close() {
    return this.inner.close();
  }
}

const CTX = { actorId: 'bench', actorRole: 'system', now: '2026-01-05T08:00:00.000Z' };

export class EngineSubject implements StoreSubject {
  readonly store: CountingStore;

  constructor(
    readonly id: SubjectId,
    store: EventStore,
  ) {
    this.store = new CountingStore(store);
  }

  get conflicts(): number {
    return this.store.conflicts;
  }

  command(cmd: BenchCommand) {
    return handle(this.store, streamIdOf(cmd.app), benchDecider, cmd, CTX);
  }

  flush() {}

  async load(app: number) {
    const { version, events } = await this.store.readStream(streamIdOf(app));
    return { version, state: events.reduce(evolve, initialState()) };
  }

  async replay(pageSize: number, onEvent: (streamId: string, type: string, data: unknown) => void) {
    let checkpoint: string | null = null;
    let count = 0;
    for (;;) {
      // As the log runner reads the log for the projections: without the chain links, which only audit checks.
      const page: RecordedEvent[] = await this.store.readAll(checkpoint, pageSize, { links: false });
      for (const e of page) onEvent(e.streamId, e.type, e.data);
      count += page.length;
      if (page.length < pageSize) return count;
      checkpoint = page[page.length - 1].position;
    }
  }

  close() {
    return this.store.close();
  }
}

type Row = [number, string, string];

/**
 * The physical floor: one table (global position primary key, stream id, stream version, unique (stream id,
 * stream version), type, JSON data), WAL, prepared statements, one transaction per command. The expected-version
 * check is the unique key: the event is inserted at loaded version + 1, so a writer that lost the race fails.
 */
export class FloorSubject implements StoreSubject {
  private readonly db: Database.Database;
  private readonly readStream;
  private readonly insert;
  private readonly readAll;
  private readonly groupSize: number;
  private pending = 0;
  conflicts = 0;
  appends = 0;

  constructor(
    readonly id: SubjectId,
    path: string,
  ) {
    this.db = new Database(path, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${id === 'floor-NORMAL' ? 'NORMAL' : 'FULL'}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      UNIQUE (stream_id, version)
    )`);
    this.groupSize = id === 'floor-group100' ? 100 : 1;
    this.readStream = this.db
      .prepare<[string], Row>('SELECT version, type, data FROM events WHERE stream_id = ? ORDER BY version')
      .raw(true);
    this.insert = this.db.prepare('INSERT INTO events (stream_id, version, type, data) VALUES (?, ?, ?, ?)');
    this.readAll = this.db
      .prepare<[number, number], [number, string, string, string]>(
        'SELECT position, stream_id, type, data FROM events WHERE position > ? ORDER BY position LIMIT ?',
      )
      .raw(true);
  }

  private loadSync(streamId: string) {
    const rows = this.readStream.all(streamId);
    let state = initialState();
    for (const [, type, data] of rows) state = evolve(state, { type, data: JSON.parse(data) });
    return { version: rows.length === 0 ? 0 : rows[rows.length - 1][0], state };
  }

  command(cmd: BenchCommand): void {
    const streamId = streamIdOf(cmd.app);
    const { version, state } = this.loadSync(streamId);
    const events: BenchEvent[] = benchDecider.decide(cmd, state);
    if (this.groupSize > 1 && this.pending === 0) this.db.exec('BEGIN IMMEDIATE');
    try {
      // One event per command: an autocommit INSERT is one transaction (the group variant holds one open).
      events.forEach((e, i) => this.insert.run(streamId, version + i + 1, e.type, JSON.stringify(e.data)));
      this.appends++;
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        this.conflicts++;
        throw new VersionConflict(streamId, version, null);
      }
      throw err;
    }
    if (this.groupSize > 1 && ++this.pending === this.groupSize) this.flush();
  }

  flush(): void {
    if (this.pending > 0) this.db.exec('COMMIT');
    this.pending = 0;
  }

  load(app: number) {
    return this.loadSync(streamIdOf(app));
  }

  replay(pageSize: number, onEvent: (streamId: string, type: string, data: unknown) => void): number {
    let checkpoint = 0;
    let count = 0;
    for (;;) {
      const page = this.readAll.all(checkpoint, pageSize);
      for (const [, streamId, type, data] of page) onEvent(streamId, type, JSON.parse(data));
      count += page.length;
      if (page.length < pageSize) return count;
      checkpoint = page[page.length - 1][0];
    }
  }

  close(): void {
    this.flush();
    if (this.db.open) this.db.close();
  }
}

export { statusAfter };
