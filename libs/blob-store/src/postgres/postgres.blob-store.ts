import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Pool, PoolClient } from 'pg';
import { BLOB_ID, BlobExists, BlobStore, ListedBlob, StoredBlob } from '../blob-store';

/**
 * A blob is its row in `blobs` and its bytes in `blob_chunks`, numbered from 0. The row is inserted first, in the
 * put's own transaction: a second put of the id conflicts on its key (waiting, if the first is still under way, to
 * see whether it commits), and no reader or listing sees the blob before that transaction commits whole.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS blobs (
    id uuid PRIMARY KEY,
    size bigint NOT NULL,
    sha256 text NOT NULL,
    chunks integer NOT NULL,
    stored_at timestamptz NOT NULL
  );
  CREATE TABLE IF NOT EXISTS blob_chunks (
    blob_id uuid NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    seq integer NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (blob_id, seq)
  );`;

/** Taken while the schema is created, so processes starting together do not race on it; one number per lock on the database (docs/ARCHITECTURE.md, Distributed). */
const SCHEMA_LOCK = 7_362_204;

/** Bytes per chunk row: a put holds one chunk in memory at a time, and a read fetches one at a time. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Evidence documents in PostgreSQL (BLOB_STORE=postgres, in the log's database, DATABASE_URL), for processes on
 * several machines. They arrive encrypted under their owner's key (docs/ARCHITECTURE.md, Blob store rules), so the
 * log's database and its backups hold no readable document. A put streams its chunks into one transaction, which
 * holds one connection for as long as the upload lasts; a blob's `stored_at` is the engine's clock at its put, so
 * the orphan sweep measures its grace by the same clock as every deadline.
 */
export class PostgresBlobStore extends BlobStore {
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly pool: Pool,
    private readonly now: () => Date,
  ) {
    super();
  }

  /** Connects and creates the tables if they are not there yet. */
  static async connect(url: string, now: () => Date = () => new Date(), opts: { max?: number } = {}): Promise<PostgresBlobStore> {
    const pool = new Pool({ connectionString: url, max: opts.max ?? 5 });
    // An idle client's error (the server restarted) must not crash the process: the pool drops that client.
    pool.on('error', () => {});
    try {
      await transaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
      });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresBlobStore(pool, now);
  }

  async put(id: string, content: Readable): Promise<StoredBlob> {
    checkId(id);
    return transaction(this.pool, async (client) => {
      const claimed = await client.query(
        "INSERT INTO blobs (id, size, sha256, chunks, stored_at) VALUES ($1, 0, '', 0, now()) ON CONFLICT DO NOTHING",
        [id],
      );
      if (claimed.rowCount !== 1) {
        content.destroy();
        throw new BlobExists(id);
      }
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        const bytes = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await client.query('INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES ($1, $2, $3)', [id, seq++, bytes]);
      };
      // A stream that fails throws here, and the transaction is rolled back: nothing of the blob is kept.
      for await (const chunk of content) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        hash.update(bytes);
        size += bytes.length;
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      if (pendingBytes > 0) await flush();
      const sha256 = hash.digest('hex');
      await client.query('UPDATE blobs SET size = $2, sha256 = $3, chunks = $4, stored_at = $5 WHERE id = $1', [
        id,
        size,
        sha256,
        seq,
        this.now().toISOString(),
      ]);
      return { size, sha256 };
    });
  }

  async get(id: string): Promise<Readable | null> {
    checkId(id);
    const { rows } = await this.pool.query<{ chunks: number }>('SELECT chunks FROM blobs WHERE id = $1', [id]);
    if (rows.length === 0) return null;
    const { pool } = this;
    const chunks = rows[0].chunks;
    // One chunk fetched at a time, as the reader takes them; deleted meanwhile, the stream errors, as a read cut off would.
    async function* read() {
      for (let seq = 0; seq < chunks; seq++) {
        const found = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM blob_chunks WHERE blob_id = $1 AND seq = $2', [id, seq]);
        if (found.rows.length === 0) throw new Error(`blob ${id} was deleted while it was read`);
        yield found.rows[0].bytes;
      }
    }
    return Readable.from(read(), { objectMode: false });
  }

  async exists(id: string): Promise<boolean> {
    checkId(id);
    const { rowCount } = await this.pool.query('SELECT 1 FROM blobs WHERE id = $1', [id]);
    return rowCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    checkId(id);
    const { rowCount } = await this.pool.query('DELETE FROM blobs WHERE id = $1', [id]);
    return rowCount === 1;
  }

  async *list(): AsyncIterable<ListedBlob> {
    // Pages in id order, so a long listing holds neither a connection nor every id at once.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await this.pool.query<{ id: string; stored_at: Date }>(
        'SELECT id, stored_at FROM blobs WHERE id > $1 ORDER BY id LIMIT 1000',
        [after],
      );
      for (const row of rows) yield { id: row.id, storedAt: row.stored_at.toISOString() };
      if (rows.length < 1000) return;
      after = rows[rows.length - 1].id;
    }
  }

  close(): Promise<void> {
    // Idempotent: a pool refuses a second end().
    return (this.closing ??= this.pool.end());
  }
}

function checkId(id: string): void {
  if (!BLOB_ID.test(id)) throw new Error(`not a blob id: ${JSON.stringify(id)}`);
}

async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (err) {
    // A connection that cannot roll back is not given back to the pool.
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    throw err;
  }
}
