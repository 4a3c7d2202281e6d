import { createHmac, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Clock, SystemClock } from '@cert/config';
import { SubjectKeys } from './subject-keys';

/**
 * The partial unique index is what makes a subject's first key one key: two processes creating it at once both
 * insert, and the second insert waits for the first and then does nothing (ON CONFLICT), whatever machine it is on.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS key_store_secret (name text PRIMARY KEY, value bytea NOT NULL);
  CREATE TABLE IF NOT EXISTS subject_keys (
    key_id text PRIMARY KEY,
    subject_id text NOT NULL,
    key bytea,
    created_at timestamptz NOT NULL,
    destroyed_at timestamptz
  );
  CREATE UNIQUE INDEX IF NOT EXISTS subject_keys_live ON subject_keys (subject_id) WHERE key IS NOT NULL;`;

/** Taken while the schema is created, so processes starting together do not race on it; one number per lock on the database (docs/ARCHITECTURE.md, Distributed). */
const SCHEMA_LOCK = 7_362_206;

/**
 * The shared key store (KEYS_DATABASE_URL): a PostgreSQL database of its own, never the log's, so no backup of the
 * log holds a key. Every process on every machine uses the same pseudonym secret and the same keys, and nothing live
 * is remembered between calls: a key destroyed anywhere is null everywhere once destroy has returned.
 *
 * Unlike SQLite's secure_delete, PostgreSQL does not overwrite a destroyed key's bytes at once: the old row version
 * stays on its page until vacuum prunes it, and in the WAL and any base backup of this database until they are
 * recycled. The key is gone for every reader at once, and from the disk as those age out: keep this database's WAL
 * archive and backups on a short retention, and replay erasures after a restore (`privacy:reconcile`).
 */
export class PostgresSubjectKeys extends SubjectKeys {
  private constructor(
    private readonly pool: Pool,
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** Connects, creates the schema if it is not there yet, and reads the pseudonym secret (made here if none is). */
  static async connect(url: string, clock: Clock = new SystemClock(), opts: { max?: number } = {}): Promise<PostgresSubjectKeys> {
    const pool = new Pool({ connectionString: url, max: opts.max ?? 5 });
    // An idle client's error (the server restarted) must not crash the process: the pool drops that client.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
      // The first process to get here makes the secret; every other one, on any machine, reads that one.
      await pool.query("INSERT INTO key_store_secret (name, value) VALUES ('subject-id', $1) ON CONFLICT DO NOTHING", [randomBytes(32)]);
      const { rows } = await pool.query<{ value: Buffer }>("SELECT value FROM key_store_secret WHERE name = 'subject-id'");
      return new PostgresSubjectKeys(pool, rows[0].value, clock);
    } catch (err) {
      await pool.end();
      throw err;
    }
  }

  subjectOf(handle: string): string {
    return createHmac('sha256', this.secret).update(handle).digest('hex').slice(0, 32);
  }

  async keyFor(subjectId: string): Promise<{ keyId: string; key: Buffer }> {
    for (;;) {
      const live = await this.live(subjectId);
      if (live) return live;
      const created = { keyId: randomBytes(16).toString('hex'), key: randomBytes(32) };
      const { rowCount } = await this.pool.query(
        `INSERT INTO subject_keys (key_id, subject_id, key, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (subject_id) WHERE key IS NOT NULL DO NOTHING`,
        [created.keyId, subjectId, created.key, this.clock.now().toISOString()],
      );
      if (rowCount === 1) return created;
      // Another process created it first: read again, in a statement that sees its commit. Destroyed meanwhile: a new one.
    }
  }

  private async live(subjectId: string): Promise<{ keyId: string; key: Buffer } | null> {
    const { rows } = await this.pool.query<{ keyId: string; key: Buffer }>(
      'SELECT key_id AS "keyId", key FROM subject_keys WHERE subject_id = $1 AND key IS NOT NULL',
      [subjectId],
    );
    return rows[0] ?? null;
  }

  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    const found = new Map<string, Buffer | null>(keyIds.map((id) => [id, null]));
    if (keyIds.length === 0) return found;
    const { rows } = await this.pool.query<{ key_id: string; key: Buffer | null }>(
      'SELECT key_id, key FROM subject_keys WHERE key_id = ANY($1::text[])',
      [[...new Set(keyIds)]],
    );
    for (const row of rows) found.set(row.key_id, row.key);
    return found;
  }

  async destroy(subjectIds: readonly string[], createdBy?: string): Promise<number> {
    if (subjectIds.length === 0) return 0;
    const { rowCount } = await this.pool.query(
      `UPDATE subject_keys SET key = NULL, destroyed_at = $1
       WHERE subject_id = ANY($2::text[]) AND key IS NOT NULL AND ($3::timestamptz IS NULL OR created_at <= $3::timestamptz)`,
      [this.clock.now().toISOString(), [...subjectIds], createdBy ?? null],
    );
    return rowCount ?? 0;
  }

  private closing: Promise<void> | null = null;

  close(): Promise<void> {
    // Idempotent, as the SQLite adapter's: a pool refuses a second end().
    return (this.closing ??= this.pool.end());
  }
}
