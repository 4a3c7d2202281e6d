import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStore, LogHead, NewEvent, RecordedEvent, VersionConflict } from '../event-store';
import { GENESIS, globalChainHash } from '../hash-chain';

type Row = {
  global_position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  global_hash: string | null;
};

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT UNIQUE NOT NULL,
    stream_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    global_hash TEXT,
    UNIQUE (stream_id, version)
  )`;

const eventHash = (metadata: string): string => (JSON.parse(metadata) as { hash?: string }).hash ?? '';

const toRecorded = (r: Row): RecordedEvent => ({
  id: r.event_id,
  streamId: r.stream_id,
  version: r.version,
  position: String(r.global_position),
  type: r.type,
  schemaVersion: r.schema_version,
  data: JSON.parse(r.data),
  metadata: JSON.parse(r.metadata),
  ...(r.global_hash === null ? {} : { globalHash: r.global_hash }),
});

/**
 * The embedded log: one SQLite file, safe for several processes (ARCHITECTURE.md, Event store rules).
 * global_position is a gap-safe checkpoint: it is assigned inside the write lock, so a higher position
 * never becomes visible before a lower one (unlike a Postgres sequence).
 * The driver is synchronous, so every method has done its work before its promise settles.
 * global_hash chains every event onto the one before it in the log (issue 5); it is computed inside the same
 * write lock, so the chain follows commit order exactly and the last row's link is the head to publish.
 */
export class SqliteEventStore extends EventStore {
  private readonly readStreamStmt;
  private readonly versionStmt;
  private readonly insertStmt;
  private readonly readAllStmt;
  private readonly headStmt;
  private readonly lastLinkStmt;
  private readonly appendTx;

  private constructor(private readonly db: Database.Database) {
    super();
    this.readStreamStmt = db.prepare<[string], Row>('SELECT * FROM events WHERE stream_id = ? ORDER BY version');
    this.versionStmt = db
      .prepare<[string], number>('SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?')
      .pluck();
    this.insertStmt = db.prepare(
      `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, global_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.readAllStmt = db.prepare<[bigint, number], Row>(
      'SELECT * FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?',
    );
    this.headStmt = db.prepare<[], number | null>('SELECT MAX(global_position) FROM events').pluck();
    this.lastLinkStmt = db.prepare<[], { global_position: number; global_hash: string | null }>(
      'SELECT global_position, global_hash FROM events ORDER BY global_position DESC LIMIT 1',
    );
    this.appendTx = db.transaction((streamId: string, events: NewEvent[], expectedVersion: number) => {
      // Checked inside the write lock: a version read before BEGIN IMMEDIATE could be stale by now.
      const current = this.versionStmt.get(streamId) as number;
      if (current !== expectedVersion) throw new VersionConflict(streamId, expectedVersion, current);
      let link = this.lastLink();
      let position = 0n;
      events.forEach((e, i) => {
        link = globalChainHash(link, e.metadata.hash ?? '');
        const { lastInsertRowid } = this.insertStmt.run(
          e.id, streamId, current + i + 1, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), link,
        );
        position = BigInt(lastInsertRowid);
      });
      return { version: current + events.length, position: String(position) };
    });
  }

  static open(path: string, opts: { synchronous?: 'FULL' | 'NORMAL' } = {}): SqliteEventStore {
    if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
    // busy_timeout: a second process waits for the write lock instead of failing with SQLITE_BUSY.
    const db = new Database(path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    // FULL by default: an acknowledged certification event must survive a power cut (AppConfig.sqliteSynchronous).
    db.pragma(`synchronous = ${opts.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.exec(SCHEMA);
    SqliteEventStore.addGlobalChain(db);
    return new SqliteEventStore(db);
  }

  /** Files written before the global chain existed get the column, and their rows are chained in log order. */
  private static addGlobalChain(db: Database.Database): void {
    const chained = () => (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).some((c) => c.name === 'global_hash');
    if (chained()) return;
    // Checked again under the write lock: another process may be migrating the same file right now.
    db.transaction(() => {
      if (chained()) return;
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
    const events = this.readStreamStmt.all(streamId).map(toRecorded);
    return { version: events.at(-1)?.version ?? 0, events };
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    { expectedVersion }: { expectedVersion: number },
  ): Promise<{ version: number; position: string }> {
    // An empty append has no position to return; handle() never makes one.
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    try {
      // .immediate(): BEGIN IMMEDIATE takes the write lock before the version check, so two
      // processes cannot both see version n and both append n+1.
      return this.appendTx.immediate(streamId, events, expectedVersion);
    } catch (err) {
      // UNIQUE(stream_id, version) is the backstop should the check above ever be bypassed.
      if (err instanceof Database.SqliteError && /events\.stream_id, events\.version/.test(err.message)) {
        throw new VersionConflict(streamId, expectedVersion, null);
      }
      throw err;
    }
  }

  async readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]> {
    return this.readAllStmt.all(BigInt(checkpoint ?? 0), limit).map(toRecorded);
  }

  async headPosition(): Promise<string | null> {
    const head = this.headStmt.get();
    return head == null ? null : String(head);
  }

  override async head(): Promise<LogHead | null> {
    const last = this.lastLinkStmt.get();
    if (!last) return null;
    if (last.global_hash !== null) return { position: String(last.global_position), globalHash: last.global_hash };
    // A tail appended by an older process: chain it under the write lock, as an append would.
    return this.db.transaction(() => ({ position: String(this.lastLinkStmt.get()!.global_position), globalHash: this.lastLink() })).immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Chains the rows after the newest chained one (all rows on a file that never had the chain); never rewrites a link. */
function linkUnchained(db: Database.Database): void {
  const anchor = db
    .prepare('SELECT global_position, global_hash FROM events WHERE global_hash IS NOT NULL ORDER BY global_position DESC LIMIT 1')
    .get() as { global_position: number; global_hash: string } | undefined;
  const rows = db
    .prepare('SELECT global_position, metadata FROM events WHERE global_position > ? ORDER BY global_position')
    .all(anchor?.global_position ?? 0) as { global_position: number; metadata: string }[];
  const update = db.prepare('UPDATE events SET global_hash = ? WHERE global_position = ?');
  let link = anchor?.global_hash ?? GENESIS;
  for (const row of rows) {
    link = globalChainHash(link, eventHash(row.metadata));
    update.run(link, row.global_position);
  }
}
