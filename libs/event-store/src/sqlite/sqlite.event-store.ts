import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AppendListeners,
  AppendResult,
  EventLog,
  EventMetadata,
  LogHead,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  VersionConflict,
} from '../event-store';
import { GENESIS, globalChainHash, linkNewEvent } from '../hash-chain';

/**
 * No UNIQUE index on event_id (files created before keep theirs; the statements work on either). It cost a whole
 * extra page written to the WAL on every commit, a large share of an append's CPU when measured (bench/NOTES.md,
 * Figures recorded in code comments), for a guarantee nothing relies on: ids are random 122-bit UUIDs minted by
 * handle(), nothing reads an event by id, and appending the same batch twice is refused by UNIQUE (stream_id, version)
 * and the expected-version check.
 * AUTOINCREMENT stays: even after a tail of the log is deleted (tampering, a partial restore), no position is
 * ever handed out twice, so a projection's checkpoint can never skip a new event.
 * An event's own chain hashes (metadata.prevHash, metadata.hash) are kept in columns of their own, last in the row,
 * and the metadata column holds the rest of the envelope: a log read for the projections, which never checks a
 * chain, then neither decodes nor parses 128 hex characters per event (see ReadAllOptions).
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    global_hash TEXT,
    prev_hash TEXT,
    hash TEXT,
    UNIQUE (stream_id, version)
  )`;

/** Columns in the order the read statements select them (raw rows: no per-row object with named keys). */
type Row = [
  global_position: number,
  event_id: string,
  stream_id: string,
  version: number,
  type: string,
  schema_version: number,
  data: string,
  metadata: string,
  global_hash: string | null,
  prev_hash: string | null,
  hash: string | null,
];
const COLUMNS = 'global_position, event_id, stream_id, version, type, schema_version, data, metadata, global_hash, prev_hash, hash';

/**
 * A stream read selects neither stream_id (the caller named it) nor global_hash (the global chain is checked in log
 * order, through readAll): two strings fewer to build per event on the read every command starts with. It does
 * select the event's own hashes, which are part of the event as read.
 */
type StreamRow = [
  global_position: number,
  event_id: string,
  version: number,
  type: string,
  schema_version: number,
  data: string,
  metadata: string,
  prev_hash: string | null,
  hash: string | null,
];
const STREAM_COLUMNS = 'global_position, event_id, version, type, schema_version, data, metadata, prev_hash, hash';

/** The metadata column without the two hashes, as every append since they got their own columns writes it. */
const envelopeJson = ({ prevHash: _prev, hash: _hash, ...rest }: EventMetadata): string => JSON.stringify(rest);

/** The last stored hash of a stream as the append statement found it: NULL column = a row of an older writer (see envelope). */
const storedHash = (hash: string | null, metadata: string | null): string | undefined =>
  hash ?? (metadata === null ? undefined : (JSON.parse(metadata) as EventMetadata).hash);

/**
 * The envelope with its hashes put back. A row whose hash column is NULL was appended by a process older than the
 * columns (or is a test's raw insert): its metadata JSON still holds its hashes, and they are read from there.
 */
const envelope = (metadata: string, prevHash: string | null, hash: string | null): EventMetadata => {
  const m = JSON.parse(metadata) as EventMetadata;
  if (prevHash !== null) m.prevHash = prevHash;
  if (hash !== null) m.hash = hash;
  return m;
};

/** One literal shape for every event (globalHash added only when stored), so V8 keeps them fast objects. */
const recorded = (
  position: number,
  id: string,
  streamId: string,
  version: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: EventMetadata,
): RecordedEvent => ({
  id,
  streamId,
  version,
  position: String(position),
  type,
  schemaVersion,
  data: JSON.parse(data),
  metadata,
});

const toRecorded = (r: Row): RecordedEvent => {
  const e = recorded(r[0], r[1], r[2], r[3], r[4], r[5], r[6], envelope(r[7], r[9], r[10]));
  if (r[8] !== null) e.globalHash = r[8];
  return e;
};

/** A log read without the chain (ReadAllOptions): Row up to the metadata. */
type UnlinkedRow = [
  global_position: number,
  event_id: string,
  stream_id: string,
  version: number,
  type: string,
  schema_version: number,
  data: string,
  metadata: string,
];
const UNLINKED_COLUMNS = 'global_position, event_id, stream_id, version, type, schema_version, data, metadata';
const toUnlinked = (r: UnlinkedRow): RecordedEvent => recorded(r[0], r[1], r[2], r[3], r[4], r[5], r[6], JSON.parse(r[7]) as EventMetadata);

const toStreamEvent = (streamId: string, r: StreamRow): RecordedEvent =>
  recorded(r[0], r[1], streamId, r[2], r[3], r[4], r[5], envelope(r[6], r[7], r[8]));

/**
 * The embedded log: one SQLite file, safe for several processes (docs/ARCHITECTURE.md, Event store rules).
 * global_position is a gap-safe checkpoint: it is assigned inside the write lock, so a higher position
 * never becomes visible before a lower one (unlike a Postgres sequence).
 * The driver is synchronous, so every read has done its work before its promise settles.
 * At synchronous=FULL (the default) appends are group-committed: those made in the same turn of the event loop
 * (concurrent requests) are written in ONE transaction, each in its own SAVEPOINT so one append's version conflict
 * rolls back only that append, with one COMMIT and so one fsync for all of them. Each caller's promise settles only
 * after that COMMIT (and its fsync) has returned, so nothing is acknowledged before it is durable. At NORMAL a
 * commit does not fsync, so waiting a turn was measured to cost more than it saves: appends commit at once.
 * Both hash chains are computed inside the write lock, in the append's own transaction (or savepoint): the stream
 * chain onto the stream's last stored hash, and global_hash onto the log's last link, so the global chain follows
 * commit order exactly and the last row's link is the head to publish.
 */
export class SqliteEventStore extends EventLog {
  private readonly readStreamStmt;
  private readonly appendFactsStmt;
  private readonly insertStmt;
  private readonly readAllStmt;
  private readonly readAllUnlinkedStmt;
  private readonly lastLinkStmt;
  private readonly appendTx;
  private readonly commitGroup;
  private readonly appended = new AppendListeners();
  /** Appends waiting for the next group commit (setImmediate), in the order they were made. */
  private queued: QueuedAppend[] = [];
  /** The streams those appends go to, and a promise settled once they are committed (or refused). */
  private pending: { streams: Set<string>; committed: Promise<void>; settle(): void } | null = null;

  private constructor(
    private readonly db: Database.Database,
    private readonly groupCommit: boolean,
  ) {
    super();
    this.readStreamStmt = db
      .prepare<[string], StreamRow>(`SELECT ${STREAM_COLUMNS} FROM events WHERE stream_id = ? ORDER BY version`)
      .raw(true);
    // The stream's version and last hash, and the log's newest link, in one statement: an append needs all of them
    // under the write lock, and every statement run has a fixed cost whatever it does. The metadata comes only with
    // a NULL hash column (a row of an older writer, whose hashes are inside it).
    this.appendFactsStmt = db
      .prepare<[string], AppendFacts>(
        `SELECT stream.version, stream.hash, stream.metadata, last.global_position, last.global_hash
         FROM (SELECT 1)
         LEFT JOIN (SELECT version, hash, CASE WHEN hash IS NULL THEN metadata END AS metadata
                    FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1) AS stream
         LEFT JOIN (SELECT global_position, global_hash FROM events ORDER BY global_position DESC LIMIT 1) AS last`,
      )
      .raw(true);
    this.insertStmt = db.prepare(
      `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, global_hash, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.readAllStmt = db
      .prepare<[bigint, number], Row>(`SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
      .raw(true);
    this.readAllUnlinkedStmt = db
      .prepare<[bigint, number], UnlinkedRow>(
        `SELECT ${UNLINKED_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
      )
      .raw(true);
    this.lastLinkStmt = db.prepare<[], { global_position: number; global_hash: string | null }>(
      'SELECT global_position, global_hash FROM events ORDER BY global_position DESC LIMIT 1',
    );
    this.appendTx = db.transaction((streamId: string, events: NewEvent[], expectedVersion: number): AppendResult => {
      // Checked inside the write lock: a version or hash read before BEGIN IMMEDIATE could be stale by now.
      const [version, lastHash, lastMetadata, lastPosition, lastLink] = this.appendFactsStmt.get(streamId)!;
      const current = version ?? 0;
      if (current !== expectedVersion) throw new VersionConflict(streamId, expectedVersion, current);
      let prevHash = storedHash(lastHash, lastMetadata) ?? GENESIS;
      let link = lastPosition === null ? GENESIS : (lastLink ?? this.lastLink());
      const appended = events.map((e, i): RecordedEvent => {
        const { envelope, hash } = linkNewEvent(prevHash, streamId, current + i + 1, e);
        link = globalChainHash(link, hash);
        const { lastInsertRowid } = this.insertStmt.run(
          e.id,
          streamId,
          current + i + 1,
          e.type,
          e.schemaVersion,
          JSON.stringify(e.data),
          JSON.stringify(envelope),
          link,
          prevHash,
          hash,
        );
        const metadata = { ...envelope, prevHash, hash } as EventMetadata;
        prevHash = hash;
        // As readStream gives it back: the same fields in the same order.
        const { id, type, schemaVersion, data } = e;
        return { id, streamId, version: current + i + 1, position: String(lastInsertRowid), type, schemaVersion, data, metadata };
      });
      return { version: current + events.length, position: appended[appended.length - 1].position, events: appended };
    });
    // Called inside a transaction, better-sqlite3 runs appendTx as a SAVEPOINT: a failed append is rolled back to
    // it (and reported to its own caller only) while the appends around it still commit.
    this.commitGroup = db.transaction((group: QueuedAppend[]) =>
      group.map((a): AppendOutcome => {
        try {
          return { ok: true, value: this.appendTx(a.streamId, a.events, a.expectedVersion) };
        } catch (error) {
          return { ok: false, error: asConflict(error, a.streamId, a.expectedVersion) };
        }
      }),
    );
  }

  /** progress: told how a one-time migration of an existing file is going (it rewrites every row). */
  static open(path: string, opts: { synchronous?: 'FULL' | 'NORMAL'; progress?: (message: string) => void } = {}): SqliteEventStore {
    if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
    // busy_timeout: a second process waits for the write lock instead of failing with SQLITE_BUSY.
    const db = new Database(path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    // FULL by default: an acknowledged certification event must survive a power cut (AppConfig.sqliteSynchronous).
    db.pragma(`synchronous = ${opts.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.exec(SCHEMA);
    SqliteEventStore.addHashColumns(db, opts.progress ?? (() => {}));
    SqliteEventStore.addGlobalChain(db);
    return new SqliteEventStore(db, opts.synchronous !== 'NORMAL');
  }

  /**
   * Files written before the hash columns existed get them, and every row's hashes move out of its metadata JSON into
   * them, in one transaction. The hashes cover the envelope without them (hash-chain.ts withoutHashes), so moving them
   * changes no hash; the rest of the JSON is written as an append writes it.
   */
  private static addHashColumns(db: Database.Database, progress: (message: string) => void): void {
    if (hasColumn(db, 'hash')) return;
    // Checked again under the write lock: another process may be migrating the same file right now.
    db.transaction(() => {
      if (hasColumn(db, 'hash')) return;
      const total = db.prepare<[], number>('SELECT COUNT(*) FROM events').pluck().get()!;
      if (total > 0) progress(`moving the event hashes of ${total} events into their own columns (once)`);
      db.exec('ALTER TABLE events ADD COLUMN prev_hash TEXT; ALTER TABLE events ADD COLUMN hash TEXT');
      let done = 0;
      const read = db
        .prepare<[number], [number, string]>(
          'SELECT global_position, metadata FROM events WHERE global_position > ? ORDER BY global_position LIMIT 1000',
        )
        .raw(true);
      const update = db.prepare('UPDATE events SET metadata = ?, prev_hash = ?, hash = ? WHERE global_position = ?');
      for (let page = read.all(0); page.length > 0; page = read.all(page[page.length - 1][0])) {
        for (const [position, json] of page) {
          const metadata = JSON.parse(json) as EventMetadata;
          if (metadata.hash === undefined && metadata.prevHash === undefined) continue;
          update.run(envelopeJson(metadata), metadata.prevHash ?? null, metadata.hash ?? null, position);
        }
        done += page.length;
        if (done % 100_000 === 0 || done === total) progress(`event hashes moved: ${done}/${total}`);
      }
    }).immediate();
  }

  /** Files written before the global chain existed get the column, and their rows are chained in log order. */
  private static addGlobalChain(db: Database.Database): void {
    if (hasColumn(db, 'global_hash')) return;
    // Checked again under the write lock: another process may be migrating the same file right now.
    db.transaction(() => {
      if (hasColumn(db, 'global_hash')) return;
      db.exec('ALTER TABLE events ADD COLUMN global_hash TEXT');
      linkUnchained(db);
    }).immediate();
  }

  /** The newest link; a tail appended by a process that predates the chain is chained first. */
  private lastLink(): string {
    const last = this.lastLinkStmt.get();
    if (!last) return GENESIS;
    if (last.global_hash !== null) return last.global_hash;
    linkUnchained(this.db);
    return this.lastLinkStmt.get()!.global_hash!;
  }

  async readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }> {
    // A stream with an append waiting for the group commit is read after that commit: read before it, a command
    // would be decided on a version about to be stale and conflict, and concurrent commands on one stream would
    // use up handle()'s retries where without group commit they simply ran one after the other.
    if (this.pending?.streams.has(streamId)) await this.pending.committed;
    const events = this.readStreamStmt.all(streamId).map((r) => toStreamEvent(streamId, r));
    return { version: events.at(-1)?.version ?? 0, events };
  }

  /** Hears this process's own appends only: another process on the same file is seen by polling. */
  override onAppend(listener: () => void): () => void {
    return this.appended.add(listener);
  }

  appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }): Promise<AppendResult> {
    // The caller gets the very promise the append made, so it settles in the same turn as without listeners.
    const result = this.append(streamId, events, opts);
    result.then(
      () => this.appended.notify(),
      () => {},
    );
    return result;
  }

  private async append(streamId: string, events: NewEvent[], { expectedVersion }: { expectedVersion: number }): Promise<AppendResult> {
    // An empty append has no position to return; handle() never makes one.
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    // At NORMAL, or inside a transaction the caller holds on this connection (a bulk loader): append now (in the
    // latter case as a savepoint of the caller's transaction).
    if (!this.groupCommit || this.db.inTransaction) return this.appendNow(streamId, events, expectedVersion);
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        let settle = () => {};
        const committed = new Promise<void>((done) => (settle = done));
        this.pending = { streams: new Set(), committed, settle };
        setImmediate(() => this.flush());
      }
      this.pending.streams.add(streamId);
      this.queued.push({ streamId, events, expectedVersion, resolve, reject });
    });
  }

  private appendNow(streamId: string, events: NewEvent[], expectedVersion: number): AppendResult {
    try {
      // .immediate(): BEGIN IMMEDIATE takes the write lock before the version check, so two
      // processes cannot both see version n and both append n+1.
      return this.appendTx.immediate(streamId, events, expectedVersion);
    } catch (err) {
      throw asConflict(err, streamId, expectedVersion);
    }
  }

  /** Commits every queued append; callers learn their outcome only once the COMMIT has returned. */
  private flush(): void {
    const { pending } = this;
    this.pending = null;
    try {
      this.commitQueued();
    } finally {
      pending?.settle();
    }
  }

  private commitQueued(): void {
    const group = this.queued;
    this.queued = [];
    if (group.length === 0) return;
    if (group.length === 1) {
      const [a] = group;
      try {
        a.resolve(this.appendNow(a.streamId, a.events, a.expectedVersion));
      } catch (err) {
        a.reject(err);
      }
      return;
    }
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.commitGroup.immediate(group);
    } catch (err) {
      // BEGIN or COMMIT failed (busy past the timeout, disk full): nothing of the group is in the log.
      for (const a of group) a.reject(err);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? group[i].resolve(o.value) : group[i].reject(o.error)));
  }

  async readAll(checkpoint: string | null, limit: number, { links = true }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = BigInt(checkpoint ?? 0);
    return links ? this.readAllStmt.all(after, limit).map(toRecorded) : this.readAllUnlinkedStmt.all(after, limit).map(toUnlinked);
  }

  /** One read: the newest row and its stored link. */
  async head(): Promise<LogHead | null> {
    const last = this.lastLinkStmt.get();
    if (!last) return null;
    if (last.global_hash !== null) return { position: String(last.global_position), globalHash: last.global_hash };
    // A tail appended by an older process: chain it under the write lock, as an append would.
    return this.db
      .transaction(() => ({ position: String(this.lastLinkStmt.get()!.global_position), globalHash: this.lastLink() }))
      .immediate();
  }

  async close(): Promise<void> {
    // Appends already made are committed (and acknowledged) before the connection goes.
    this.flush();
    if (this.db.open) this.db.close();
  }
}

type QueuedAppend = {
  streamId: string;
  events: NewEvent[];
  expectedVersion: number;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
};
type AppendOutcome = { ok: true; value: AppendResult } | { ok: false; error: unknown };

/** The stream's version and last hash (or metadata holding it), the log's newest position and link; NULLs when absent. */
type AppendFacts = [
  version: number | null,
  lastHash: string | null,
  lastMetadata: string | null,
  lastPosition: number | null,
  lastLink: string | null,
];

/** UNIQUE(stream_id, version) is the backstop should the version check ever be bypassed: that too is a conflict. */
function asConflict(err: unknown, streamId: string, expectedVersion: number): unknown {
  if (err instanceof Database.SqliteError && /events\.stream_id, events\.version/.test(err.message)) {
    return new VersionConflict(streamId, expectedVersion, null);
  }
  return err;
}

/** Whether the events table of this file has the column yet (files older than a column migrate on open). */
function hasColumn(db: Database.Database, name: string): boolean {
  return (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).some((c) => c.name === name);
}

/** Chains the rows after the newest chained one (all rows on a file that never had the chain); never rewrites a link. */
function linkUnchained(db: Database.Database): void {
  const anchor = db
    .prepare('SELECT global_position, global_hash FROM events WHERE global_hash IS NOT NULL ORDER BY global_position DESC LIMIT 1')
    .get() as { global_position: number; global_hash: string } | undefined;
  const rows = db
    .prepare('SELECT global_position, metadata, prev_hash, hash FROM events WHERE global_position > ? ORDER BY global_position')
    .all(anchor?.global_position ?? 0) as { global_position: number; metadata: string; prev_hash: string | null; hash: string | null }[];
  const update = db.prepare('UPDATE events SET global_hash = ? WHERE global_position = ?');
  let link = anchor?.global_hash ?? GENESIS;
  for (const row of rows) {
    link = globalChainHash(link, envelope(row.metadata, row.prev_hash, row.hash).hash ?? '');
    update.run(link, row.global_position);
  }
}
