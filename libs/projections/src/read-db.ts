import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { cacheStatements } from './statement-cache';

/** The local read-model database. An abstract class so it doubles as the Nest DI token (docs/ARCHITECTURE.md, Event store rules). */
export abstract class ReadDb {
  abstract readonly db: Database.Database;

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export class SqliteReadDb extends ReadDb {
  private constructor(readonly db: Database.Database) {
    super();
  }

  static open(path: string): SqliteReadDb {
    if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
    // timeout = busy_timeout: a second process sharing the file waits for the write lock instead of failing.
    const db = new Database(path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    // NORMAL, not FULL: read tables are rebuildable from the log (docs/ARCHITECTURE.md, Read side), so a commit
    // lost in a power cut is simply re-applied from the checkpoint saved with it.
    db.pragma('synchronous = NORMAL');
    // Rows rewritten after an erasure must not survive as freed bytes in the file.
    db.pragma('secure_delete = ON');
    return new SqliteReadDb(cacheStatements(db));
  }
}
