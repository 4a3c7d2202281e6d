import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { NewEvent, SqliteEventStore } from '@cert/event-store';

/**
 * How long an existing log takes to open the first time after the hash columns arrived (SqliteEventStore.addHashColumns:
 * one transaction that moves every event's hashes out of its metadata JSON). Writes N events (default 1M) in streams of
 * 10, puts the file back into the older layout with SQLite's own JSON functions, then times the open.
 * Usage: node dist/bench/tools/hash-columns-migration.js [N] [file]
 */
const n = Number(process.argv[2] ?? 1_000_000);
const file = process.argv[3] ?? '/tmp/hash-columns-migration.sqlite';
const perStream = 10;
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

// The store chains them as it appends them.
const streamOf = (): NewEvent[] =>
  Array.from({ length: perStream }, (_, v) => {
    const metadata = {
      actorId: randomUUID(),
      actorRole: 'reviewer',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    };
    return {
      id: randomUUID(),
      type: 'ScoreRecorded',
      schemaVersion: 1,
      data: { criterion: `c${v}`, score: v % 4, note: 'x'.repeat(40) },
      metadata,
    };
  });

async function main() {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  let t = Date.now();
  const store = SqliteEventStore.open(file, { synchronous: 'NORMAL' });
  for (let s = 0; s < n / perStream; s++) await store.appendToStream(`application-${s}`, streamOf(), { expectedVersion: 0 });
  await store.close();
  console.error(`${n} events written in ${seconds(t)} s`);

  t = Date.now();
  const raw = new Database(file);
  raw.exec(`UPDATE events SET metadata = json_set(metadata, '$.prevHash', prev_hash, '$.hash', hash);
    ALTER TABLE events DROP COLUMN prev_hash; ALTER TABLE events DROP COLUMN hash`);
  raw.close();
  console.error(`older layout restored in ${seconds(t)} s`);

  t = Date.now();
  const reopened = SqliteEventStore.open(file, { progress: (m) => console.error(`${seconds(t)} s: ${m}`) });
  console.log(`first open of ${n} events (the migration, synchronous = FULL): ${seconds(t)} s`);
  await reopened.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
