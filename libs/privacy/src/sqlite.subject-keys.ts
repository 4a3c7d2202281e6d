import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Clock, SystemClock } from '@cert/config';
import { SubjectKeys } from './subject-keys';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS key_store_secret (name TEXT PRIMARY KEY, value BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS subject_keys (
    key_id TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL,
    key BLOB,
    created_at TEXT NOT NULL,
    destroyed_at TEXT
  );
  CREATE INDEX IF NOT EXISTS subject_keys_live ON subject_keys (subject_id, destroyed_at);`;

/**
 * The embedded key store: its own SQLite file (KEYS_DB_PATH, default DATA_DIR/keys.sqlite), never the log's.
 * No email is stored here, only keyed hashes of them. A destroyed key is overwritten in place (secure_delete), and
 * the WAL is truncated after, so its bytes are on no page of either file.
 */
export class SqliteSubjectKeys extends SubjectKeys {
  private readonly secret: Buffer;
  // Prepared once: every stream read looks keys up, and preparing was measured to cost more than the look-up.
  private readonly liveStmt;
  private readonly keyByIdStmt;

  private constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    super();
    this.liveStmt = db.prepare<[string], { keyId: string; key: Buffer }>(
      'SELECT key_id AS keyId, key FROM subject_keys WHERE subject_id = ? AND key IS NOT NULL ORDER BY created_at DESC, key_id LIMIT 1',
    );
    this.keyByIdStmt = db.prepare<[string], Buffer | null>('SELECT key FROM subject_keys WHERE key_id = ?').pluck();
    this.secret = db
      .transaction(() => {
        const found = db.prepare("SELECT value FROM key_store_secret WHERE name = 'subject-id'").pluck().get() as Buffer | undefined;
        if (found) return found;
        const fresh = randomBytes(32);
        db.prepare("INSERT INTO key_store_secret (name, value) VALUES ('subject-id', ?)").run(fresh);
        return fresh;
      })
      .immediate();
  }

  static open(path: string, clock: Clock = new SystemClock()): SqliteSubjectKeys {
    if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    // A lost key is lost data: FULL, as the log.
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    return new SqliteSubjectKeys(db, clock);
  }

  subjectOf(handle: string): string {
    return createHmac('sha256', this.secret).update(handle).digest('hex').slice(0, 32);
  }

  async keyFor(subjectId: string): Promise<{ keyId: string; key: Buffer }> {
    const live = () => this.liveStmt.get(subjectId);
    const found = live();
    if (found) return found;
    // Checked again under the write lock: two processes may create the first key of the same person at once.
    return this.db
      .transaction(() => {
        const raced = live();
        if (raced) return raced;
        const created = { keyId: randomBytes(16).toString('hex'), key: randomBytes(32) };
        this.db
          .prepare('INSERT INTO subject_keys (key_id, subject_id, key, created_at) VALUES (?, ?, ?, ?)')
          .run(created.keyId, subjectId, created.key, this.clock.now().toISOString());
        return created;
      })
      .immediate();
  }

  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    return new Map(keyIds.map((id) => [id, this.keyByIdStmt.get(id) ?? null]));
  }

  async destroy(subjectIds: readonly string[], createdBy?: string): Promise<number> {
    if (subjectIds.length === 0) return 0;
    const marks = subjectIds.map(() => '?').join(', ');
    const destroyed = this.db
      .prepare(
        `UPDATE subject_keys SET key = NULL, destroyed_at = ? WHERE subject_id IN (${marks}) AND key IS NOT NULL AND created_at <= ?`,
      )
      .run(this.clock.now().toISOString(), ...subjectIds, createdBy ?? '9999').changes;
    // The pages that held the keys are in the WAL until a checkpoint copies them back; truncating it drops those frames.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return destroyed;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
