import type { Database } from 'better-sqlite3';
import { Projection, createSchema } from './projection';

/** The runner's own row; projections each get a row with their code version. */
export const RUNNER = 'log-runner';
const RUNNER_VERSION = 1;

const STATE_SCHEMA = 'CREATE TABLE IF NOT EXISTS projection_state (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT)';

export const readCheckpoint = (db: Database): string | null => {
  const row = db.prepare('SELECT position FROM projection_state WHERE name = ?').get(RUNNER) as { position: string | null } | undefined;
  return row?.position ?? null;
};

/** Records where the runner and every projection stand; called inside the transaction that applied the page. */
export const saveCheckpoint = (db: Database, projections: Projection[], position: string | null): void => {
  const upsert = db.prepare(
    'INSERT INTO projection_state (name, version, position) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position',
  );
  upsert.run(RUNNER, RUNNER_VERSION, position);
  for (const p of projections) upsert.run(p.name, p.version, position);
};

/**
 * Creates the tables. When any projection's recorded version differs from its code version (or it is new
 * while the runner has already moved), every projection table is dropped and the checkpoint reset, so the
 * whole log is replayed: simplest correct, since read tables are rebuildable (docs/ARCHITECTURE.md, Read side).
 * Returns true when it reset.
 */
export const prepareSchema = (db: Database, projections: Projection[]): boolean => {
  db.exec(STATE_SCHEMA);
  const recorded = new Map(
    (db.prepare('SELECT name, version FROM projection_state').all() as { name: string; version: number }[]).map((r) => [r.name, r.version]),
  );
  const hasRun = recorded.has(RUNNER);
  const stale = projections.some((p) => recorded.get(p.name) !== p.version);
  const reset = hasRun && stale;
  db.transaction(() => {
    if (reset) for (const p of projections) for (const table of p.tables) db.exec(`DROP TABLE IF EXISTS "${table}"`);
    createSchema(db, projections);
    if (reset || !hasRun) {
      db.prepare('DELETE FROM projection_state').run();
      saveCheckpoint(db, projections, null);
    }
  })();
  return reset;
};
