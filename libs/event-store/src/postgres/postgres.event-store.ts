import { Client, Pool, PoolClient, QueryResult } from 'pg';
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
 * data and metadata are `json`, not `jsonb`: json keeps the text exactly as written (jsonb reorders keys and
 * normalises numbers), so an event reads back as the value that was hashed. The envelope's own hashes have columns
 * of their own, as on SQLite, so a log read for the projections never builds them (ReadAllOptions).
 * log_head is one row: every append locks it first, which serialises appends across every process and connection,
 * so positions are handed out in commit order with no gap, and a reader can never see a position before a lower
 * one that commits late (the failure a sequence has). Its global_hash is the chain's last link, so head() is one read.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    global_position bigint PRIMARY KEY,
    event_id text NOT NULL,
    stream_id text NOT NULL,
    version integer NOT NULL,
    type text NOT NULL,
    schema_version integer NOT NULL,
    data json NOT NULL,
    metadata json NOT NULL,
    global_hash text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    UNIQUE (stream_id, version)
  );
  CREATE TABLE IF NOT EXISTS log_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    position bigint NOT NULL,
    global_hash text NOT NULL
  );
  INSERT INTO log_head (position, global_hash) VALUES (0, '${GENESIS}') ON CONFLICT DO NOTHING;`;

/** Taken while the schema is created, so processes starting together do not race on it; one number per lock on the database (docs/ARCHITECTURE.md, Distributed). */
const SCHEMA_LOCK = 7_362_201;

/**
 * Notified inside every append's transaction, so PostgreSQL delivers it at COMMIT and never for a rollback
 * (https://www.postgresql.org/docs/15/sql-notify.html). The payload is the new head's position; listeners need none.
 */
export const APPEND_CHANNEL = 'iasl_log_appended';
/** How long the listening connection waits before connecting again after it dropped or failed to connect. */
const RELISTEN_MS = 1000;

const COLUMNS = 'global_position, event_id, stream_id, version, type, schema_version, data, metadata, global_hash, prev_hash, hash';
const UNLINKED_COLUMNS = 'global_position, event_id, stream_id, version, type, schema_version, data, metadata';
const STREAM_COLUMNS = 'global_position, event_id, version, type, schema_version, data, metadata, prev_hash, hash';

type Row = {
  /** bigint arrives from the driver as a decimal string, which is what positions are everywhere (comparePositions). */
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  global_hash?: string;
  prev_hash?: string;
  hash?: string;
};

const toRecorded = (r: Row, streamId = r.stream_id): RecordedEvent => {
  const metadata = r.metadata;
  if (r.prev_hash !== undefined) metadata.prevHash = r.prev_hash;
  if (r.hash !== undefined) metadata.hash = r.hash;
  const e: RecordedEvent = {
    id: r.event_id,
    streamId,
    version: r.version,
    position: r.global_position,
    type: r.type,
    schemaVersion: r.schema_version,
    data: r.data,
    metadata,
  };
  if (r.global_hash !== undefined) e.globalHash = r.global_hash;
  return e;
};

type QueuedAppend = {
  streamId: string;
  events: NewEvent[];
  expectedVersion: number;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
  /** Settles (never rejects) once the append is committed or refused. */
  settled: Promise<void>;
};

/**
 * The shared log on PostgreSQL (docs/ARCHITECTURE.md, Event store rules), for the shape with several processes.
 * Appends are group-committed: those made while a commit is in flight wait for it and then go together in ONE
 * transaction, which locks the head row, reads the last version and hash of every stream the group touches, decides
 * each append's expected version in order (a conflicting one is refused alone), inserts every accepted event with
 * its stream link and global link in one statement, moves the head and commits. Each caller's promise settles only
 * after that COMMIT has returned (synchronous_commit: the WAL is flushed), so nothing is acknowledged before it is
 * durable.
 */
export class PostgresEventStore extends EventLog {
  private queued: QueuedAppend[] = [];
  private inFlight: QueuedAppend[] = [];
  private flushing: Promise<void> | null = null;

  private readonly appended = new AppendListeners();
  /** The LISTEN connection, opened with the first subscriber; null while down (a reconnect is then scheduled). */
  private listener: Client | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly url: string,
  ) {
    super();
  }

  /** Connects and creates the schema if it is not there yet. */
  static async connect(url: string, opts: { max?: number } = {}): Promise<PostgresEventStore> {
    const pool = new Pool({ connectionString: url, max: opts.max ?? 10 });
    // An idle client's error (the server restarted) must not crash the process: the pool drops that client.
    pool.on('error', () => {});
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
      await pool.end();
      throw err;
    }
    client.release();
    return new PostgresEventStore(pool, url);
  }

  async readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }> {
    // As on SQLite: a stream with an append in the group being committed is read after that commit, or a command
    // would be decided on a version about to be stale.
    const pending = [...this.inFlight, ...this.queued].filter((a) => a.streamId === streamId);
    if (pending.length > 0) await Promise.all(pending.map((a) => a.settled));
    const { rows } = await this.pool.query<Row>(`SELECT ${STREAM_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY version`, [streamId]);
    const events = rows.map((r) => toRecorded(r, streamId));
    return { version: events.at(-1)?.version ?? 0, events };
  }

  appendToStream(streamId: string, events: NewEvent[], { expectedVersion }: { expectedVersion: number }): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('appendToStream needs at least one event'));
    let settle!: Pick<QueuedAppend, 'resolve' | 'reject'>;
    const result = new Promise<AppendResult>((resolve, reject) => (settle = { resolve, reject }));
    const settled = result.then(
      () => {},
      () => {},
    );
    this.queued.push({ streamId, events, expectedVersion, ...settle, settled });
    // The first append of a turn schedules the group; the others made in the same turn, or while it commits, join.
    this.flushing ??= new Promise((done) => setImmediate(done)).then(() => this.flush());
    return result;
  }

  /** Commits the queued appends group after group until none is left. */
  private async flush(): Promise<void> {
    while (this.queued.length > 0) {
      this.inFlight = this.queued;
      this.queued = [];
      await this.commitGroup(this.inFlight);
    }
    this.inFlight = [];
    this.flushing = null;
  }

  private async commitGroup(group: QueuedAppend[]): Promise<void> {
    let client: PoolClient | undefined;
    const outcomes: ({ ok: true; value: AppendResult } | { ok: false; error: unknown })[] = [];
    try {
      client = await this.pool.connect();
      const c = client;
      const streams = [...new Set(group.map((a) => a.streamId))];
      // Two round trips per group, each a multi-statement simple query with the values escaped by the driver:
      // the head lock and the streams' last versions and hashes, then the rows, the head and the COMMIT.
      const [, locked, found] = (await c.query(
        `BEGIN; SELECT position, global_hash FROM log_head FOR UPDATE;
         SELECT DISTINCT ON (stream_id) stream_id, version, hash FROM events
         WHERE stream_id IN (${streams.map((id) => c.escapeLiteral(id)).join(', ')}) ORDER BY stream_id, version DESC`,
      )) as unknown as [
        unknown,
        QueryResult<{ position: string; global_hash: string }>,
        QueryResult<{ stream_id: string; version: number; hash: string }>,
      ];
      const head = locked.rows[0];
      const last = new Map<string, { version: number; hash: string }>();
      for (const r of found.rows) last.set(r.stream_id, { version: r.version, hash: r.hash });

      let position = BigInt(head.position);
      let link = head.global_hash;
      const lit = (text: string) => c.escapeLiteral(text);
      // One VALUES tuple per event, in the order of COLUMNS.
      const rows: string[] = [];
      for (const a of group) {
        const stream = last.get(a.streamId) ?? { version: 0, hash: GENESIS };
        if (stream.version !== a.expectedVersion) {
          outcomes.push({ ok: false, error: new VersionConflict(a.streamId, a.expectedVersion, stream.version) });
          continue;
        }
        let prevHash = stream.hash;
        const appended = a.events.map((e, i): RecordedEvent => {
          const version = stream.version + i + 1;
          const { envelope, hash } = linkNewEvent(prevHash, a.streamId, version, e);
          link = globalChainHash(link, hash);
          position += 1n;
          rows.push(
            `(${integer(position)}, ${lit(e.id)}, ${lit(a.streamId)}, ${integer(version)}, ${lit(e.type)}, ${integer(e.schemaVersion)}, ` +
              `${lit(JSON.stringify(e.data))}::json, ${lit(JSON.stringify(envelope))}::json, ${lit(link)}, ${lit(prevHash)}, ${lit(hash)})`,
          );
          const metadata = { ...envelope, prevHash, hash } as EventMetadata;
          prevHash = hash;
          const { id, type, schemaVersion, data } = e;
          return { id, streamId: a.streamId, version, position: String(position), type, schemaVersion, data, metadata };
        });
        last.set(a.streamId, { version: stream.version + a.events.length, hash: prevHash });
        outcomes.push({ ok: true, value: { version: stream.version + a.events.length, position: String(position), events: appended } });
      }
      await c.query(
        rows.length === 0
          ? 'COMMIT'
          : `INSERT INTO events (${COLUMNS}) VALUES ${rows.join(', ')};
             UPDATE log_head SET position = ${integer(position)}, global_hash = ${lit(link)};
             SELECT pg_notify('${APPEND_CHANNEL}', '${integer(position)}'); COMMIT`,
      );
    } catch (error) {
      // Nothing of the group is in the log: BEGIN, an insert or the COMMIT failed (the server went away, a unique
      // violation should another writer ever bypass the head lock).
      await client?.query('ROLLBACK').catch(() => {});
      client?.release(error instanceof Error);
      client = undefined;
      const refused = isUniqueViolation(error);
      for (const a of group) a.reject(refused ? new VersionConflict(a.streamId, a.expectedVersion, null) : error);
      return;
    } finally {
      client?.release();
    }
    outcomes.forEach((o, i) => (o.ok ? group[i].resolve(o.value) : group[i].reject(o.error)));
  }

  async readAll(checkpoint: string | null, limit: number, { links = true }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${links ? COLUMNS : UNLINKED_COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [checkpoint ?? '0', limit],
    );
    return rows.map((r) => toRecorded(r));
  }

  /** One read: the head row. */
  async head(): Promise<LogHead | null> {
    const { rows } = await this.pool.query<{ position: string; global_hash: string }>('SELECT position, global_hash FROM log_head');
    const head = rows[0];
    return !head || head.position === '0' ? null : { position: head.position, globalHash: head.global_hash };
  }

  /**
   * Hears every append to this database, from any process, on one LISTEN connection of its own. When that connection
   * drops it connects again every RELISTEN_MS, and wakes the listeners once it is back: what was appended while it
   * was down was not heard. Meanwhile the listeners' own polling is what delivers.
   */
  override onAppend(listener: () => void): () => void {
    const unsubscribe = this.appended.add(listener);
    if (!this.listener && !this.relisten) this.listen();
    return unsubscribe;
  }

  private listen(): void {
    this.relisten = null;
    if (this.closed || this.appended.size === 0) return;
    const client = new Client({ connectionString: this.url });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      this.relisten ??= setTimeout(() => this.listen(), RELISTEN_MS);
      this.relisten.unref();
    };
    this.listener = client;
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.appended.notify());
    client
      .connect()
      .then(() => client.query(`LISTEN ${APPEND_CHANNEL}`))
      .then(() => {
        if (this.listener === client) this.appended.notify();
      }, lost);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.relisten) clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    // Appends already made are committed (and acknowledged) before the pool goes.
    while (this.flushing) await this.flushing;
    await this.pool.end();
  }
}

/** An integer written into SQL text: only digits (and a sign) ever reach it. */
const integer = (value: unknown): string => {
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw new Error(`not an integer: ${text}`);
  return text;
};

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';
