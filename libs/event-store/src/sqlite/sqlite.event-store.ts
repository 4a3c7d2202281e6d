import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStore, NewEvent, RecordedEvent, VersionConflict } from '../event-store';

type Row = {
  global_position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
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
    UNIQUE (stream_id, version)
  )`;

const toRecorded = (r: Row): RecordedEvent => ({
  id: r.event_id,
  streamId: r.stream_id,
  version: r.version,
  position: String(r.global_position),
  type: r.type,
  schemaVersion: r.schema_version,
  data: JSON.parse(r.data),
  metadata: JSON.parse(r.metadata),
});

/**
 * The embedded log: one SQLite file, safe for several processes (ARCHITECTURE.md, Event store rules).
 * global_position is a gap-safe checkpoint: it is assigned inside the write lock, so a higher position
 * never becomes visible before a lower one (unlike a Postgres sequence).
 * The driver is synchronous, so every method has done its work before its promise settles.
 */
export class SqliteEventStore extends EventStore {
  private readonly readStreamStmt;
  private readonly versionStmt;
  private readonly insertStmt;
  private readonly readAllStmt;
  private readonly headStmt;
  private readonly appendTx;

  private constructor(private readonly db: Database.Database) {
    super();
    this.readStreamStmt = db.prepare<[string], Row>('SELECT * FROM events WHERE stream_id = ? ORDER BY version');
    this.versionStmt = db
      .prepare<[string], number>('SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?')
      .pluck();
    this.insertStmt = db.prepare(
      `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.readAllStmt = db.prepare<[bigint, number], Row>(
      'SELECT * FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?',
    );
    this.headStmt = db.prepare<[], number | null>('SELECT MAX(global_position) FROM events').pluck();
    this.appendTx = db.transaction((streamId: string, events: NewEvent[], expectedVersion: number) => {
      // Checked inside the write lock: a version read before BEGIN IMMEDIATE could be stale by now.
      const current = this.versionStmt.get(streamId) as number;
      if (current !== expectedVersion) throw new VersionConflict(streamId, expectedVersion, current);
      let position = 0n;
      events.forEach((e, i) => {
        const { lastInsertRowid } = this.insertStmt.run(
          e.id, streamId, current + i + 1, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata),
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
    return new SqliteEventStore(db);
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
