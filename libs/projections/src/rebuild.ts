import Database from 'better-sqlite3';
import { EventStore } from '@cert/event-store';
import { Projection, applyEvent, createSchema } from './projection';
import { prepareSchema, saveCheckpoint } from './projection-state';
import { cacheStatements } from './statement-cache';

/** Events read from the log per page, by a rebuild and by the log runner alike. */
export const PAGE_SIZE = 500;

import type { RebuildReport, TableDifference } from '@cert/contracts';

type Row = Record<string, unknown>;

const columnsOf = (db: Database.Database, table: string) =>
  db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[];

const rowsOf = (db: Database.Database, table: string, columns: string[]): Row[] =>
  db
    .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${columns.map((c) => `"${c}"`).join(', ')}`)
    .all() as Row[];

/** Rows matched by primary key: absent live = missing, only live = extra, same key but other values = changed. */
const compareTable = (fresh: Database.Database, live: Database.Database, table: string): TableDifference => {
  const info = columnsOf(fresh, table);
  const columns = info.map((c) => c.name);
  const keyColumns = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  const keyOf = (r: Row) => JSON.stringify((keyColumns.length ? keyColumns : columns).map((c) => r[c]));
  const index = (rows: Row[]) => new Map(rows.map((r) => [keyOf(r), JSON.stringify(columns.map((c) => r[c]))]));
  const expected = index(rowsOf(fresh, table, columns));
  const actual = columnsOf(live, table).length ? index(rowsOf(live, table, columns)) : new Map<string, string>();
  const difference = { table, missing: 0, extra: 0, changed: 0 };
  for (const [key, row] of expected) {
    if (!actual.has(key)) difference.missing++;
    else if (actual.get(key) !== row) difference.changed++;
  }
  for (const key of actual.keys()) if (!expected.has(key)) difference.extra++;
  return difference;
};

/** Replaces the live tables with the rebuilt ones and moves the checkpoint to what was replayed, atomically. */
const swapInto = (fresh: Database.Database, live: Database.Database, projections: Projection[], head: string | null) => {
  // Brings the live schema to the code's versions first (drops tables of a changed version), so the copy fits.
  prepareSchema(live, projections);
  live
    .transaction(() => {
      createSchema(live, projections);
      for (const table of projections.flatMap((p) => p.tables)) {
        const columns = columnsOf(fresh, table).map((c) => c.name);
        const quoted = columns.map((c) => `"${c}"`).join(', ');
        const insert = live.prepare(`INSERT INTO "${table}" (${quoted}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
        live.prepare(`DELETE FROM "${table}"`).run();
        for (const row of fresh.prepare(`SELECT ${quoted} FROM "${table}"`).all() as Row[]) insert.run(row);
      }
      saveCheckpoint(live, projections, head);
    })
    .immediate();
};

/**
 * docs/DOMAIN.md, What auditors need: every read model rebuilt from the log and compared with the live one. Replays
 * the whole log into a scratch in-memory database, compares each projection table with the live one and, with `swap`,
 * replaces the live tables by the rebuilt ones. For an exact comparison the live runner should be caught up (and
 * quiet) while this runs; otherwise events appended meanwhile show up as differences.
 */
export async function rebuildAndCompare(
  store: EventStore,
  projections: Projection[],
  live: Database.Database,
  opts: { onProgress?: (applied: number) => void; swap?: boolean } = {},
): Promise<RebuildReport> {
  const fresh = cacheStatements(new Database(':memory:'));
  try {
    createSchema(fresh, projections);
    let head: string | null = null;
    let events = 0;
    for (;;) {
      const page = await store.readAll(head, PAGE_SIZE, { links: false });
      if (page.length === 0) break;
      fresh.transaction(() => page.forEach((event) => applyEvent(fresh, projections, event)))();
      head = page[page.length - 1].position;
      events += page.length;
      opts.onProgress?.(events);
      if (page.length < PAGE_SIZE) break;
    }
    const differences = projections
      .flatMap((p) => p.tables)
      .map((table) => compareTable(fresh, live, table))
      .filter((d) => d.missing + d.extra + d.changed > 0);
    if (opts.swap) swapInto(fresh, live, projections, head);
    return { events, differences };
  } finally {
    fresh.close();
  }
}
