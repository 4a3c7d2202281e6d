import Database from 'better-sqlite3';
import { GENESIS, chainHash, globalChainHash, withoutHashes } from '@cert/event-store';

/**
 * Edits event `p` and recomputes its hash (the log keeps each event's hashes in the prev_hash and hash columns); with
 * `everything`, also every later stream link and the whole global chain.
 */
export function rewrite(db: Database.Database, p: number, everything: boolean) {
  const rows = db.prepare('SELECT * FROM events ORDER BY global_position').all() as Record<string, string | number>[];
  const lastHash = new Map<string, string>();
  let link = GENESIS;
  const update = db.prepare('UPDATE events SET data = ?, metadata = ?, prev_hash = ?, hash = ?, global_hash = ? WHERE global_position = ?');
  for (const row of rows) {
    const position = row.global_position as number;
    const edited = position === p;
    if (position < p || (!edited && !everything)) {
      lastHash.set(row.stream_id as string, row.hash as string);
      link = row.global_hash as string;
      continue;
    }
    const data = edited ? { ...JSON.parse(row.data as string), forged: true } : JSON.parse(row.data as string);
    const meta = JSON.parse(row.metadata as string);
    const prevHash = lastHash.get(row.stream_id as string) ?? GENESIS;
    const content = {
      id: row.event_id as string,
      streamId: row.stream_id as string,
      version: row.version as number,
      type: row.type as string,
      schemaVersion: row.schema_version as number,
      data,
      metadataWithoutHashes: withoutHashes(meta),
    };
    const hash = chainHash(prevHash, content);
    lastHash.set(row.stream_id as string, hash);
    link = everything ? globalChainHash(link, hash) : (row.global_hash as string);
    update.run(JSON.stringify(data), JSON.stringify(meta), prevHash, hash, link, position);
  }
}
