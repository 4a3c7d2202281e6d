import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, LogHead, RecordedEvent } from '../event-store';
import { GENESIS, globalChainHash } from '../hash-chain';
import { noteAdded } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite.event-store';

/** The head computed by walking the log and chaining every event's own hash: the reference the stored chain must equal. */
async function walkedHead(store: EventStore): Promise<LogHead | null> {
  const log = await store.readAll(null, 1000);
  const globalHash = log.reduce((link, e) => globalChainHash(link, e.metadata.hash ?? ''), GENESIS);
  return log.length === 0 ? null : { position: log[log.length - 1].position, globalHash };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'global-chain-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite global chain', () => {
  it('has no head while empty, and chains every append in commit order across streams', async () => {
    const store = SqliteEventStore.open(':memory:');
    await expect(store.head()).resolves.toBeNull();
    await store.appendToStream('a-1', [noteAdded('1'), noteAdded('2')], { expectedVersion: 0 });
    await store.appendToStream('b-1', [noteAdded('3')], { expectedVersion: 0 });
    await store.appendToStream('a-1', [noteAdded('4')], { expectedVersion: 2 });

    const all = await store.readAll(null, 10);
    let link = GENESIS;
    for (const e of all) {
      link = globalChainHash(link, e.metadata.hash!);
      expect(e.globalHash).toBe(link);
    }
    expect(await store.head()).toEqual({ position: all[3].position, globalHash: link });
    expect(await walkedHead(store)).toEqual(await store.head());
    await store.close();
  });

  it("leaves the chains (global links, each event's own hashes) out of a log read that asks so, and nothing else", async () => {
    const store = SqliteEventStore.open(':memory:');
    await store.appendToStream('a-1', [noteAdded('1'), noteAdded('2')], { expectedVersion: 0 });
    await store.appendToStream('b-1', [noteAdded('3')], { expectedVersion: 0 });

    const linked = await store.readAll(null, 10);
    const unlinked = await store.readAll('1', 10, { links: false });
    const sha256 = /^[0-9a-f]{64}$/;
    const chained = (e: RecordedEvent) =>
      typeof e.globalHash === 'string' && sha256.test(e.metadata.hash!) && sha256.test(e.metadata.prevHash!);
    expect(linked.every(chained)).toBe(true);
    expect(unlinked.some((e) => 'globalHash' in e || 'hash' in e.metadata || 'prevHash' in e.metadata)).toBe(false);
    expect(unlinked).toEqual(
      linked.slice(1).map(({ globalHash: _link, metadata: { prevHash: _prev, hash: _hash, ...metadata }, ...e }) => ({ ...e, metadata })),
    );
    expect(await store.readAll(null, 10, { links: true })).toEqual(linked);
    await store.close();
  });

  it('keeps positions consecutive after a refused append, so a gap in the log means an event was removed', async () => {
    const store = SqliteEventStore.open(':memory:');
    await store.appendToStream('a-1', [noteAdded('1')], { expectedVersion: 0 });
    await expect(store.appendToStream('a-1', [noteAdded('late')], { expectedVersion: 0 })).rejects.toThrow();
    await store.appendToStream('b-1', [noteAdded('2')], { expectedVersion: 0 });
    expect((await store.readAll(null, 10)).map((e) => e.position)).toEqual(['1', '2']);
    await store.close();
  });

  it('chains a file written before the chain existed when it is opened, and a tail appended by an older process', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE events (
      global_position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT UNIQUE NOT NULL, stream_id TEXT NOT NULL,
      version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
      UNIQUE (stream_id, version))`);
    const insert = (n: number, stream: string, version: number) => {
      const e = noteAdded(String(n));
      const metadata = { ...e.metadata, hash: `${n}`.repeat(64).slice(0, 64) };
      old
        .prepare('INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(e.id, stream, version, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(metadata));
    };
    insert(1, 'a-1', 1);
    insert(2, 'b-1', 1);
    old.close();

    const store = SqliteEventStore.open(file);
    expect(await store.head()).toEqual(await walkedHead(store));
    expect((await store.readAll(null, 10)).every((e) => typeof e.globalHash === 'string')).toBe(true);

    // An older process still running writes a row without a link; the next append chains it first.
    const raw = new Database(file);
    raw
      .prepare(
        "INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata) VALUES ('x', 'c-1', 1, 'NoteAdded', 1, '{}', ?)",
      )
      .run(JSON.stringify({ ...noteAdded('').metadata, hash: '3'.repeat(64) }));
    raw.close();
    await store.appendToStream('a-1', [noteAdded('4')], { expectedVersion: 1 });
    expect(await store.head()).toEqual(await walkedHead(store));
    await store.close();
  });
});

describe('the SQLite hash columns', () => {
  it('moves the hashes of a file written with them inside the metadata into the columns when it is opened, changing no event', async () => {
    const file = join(dir, 'hashes-in-metadata.sqlite');
    const store = SqliteEventStore.open(file);
    await store.appendToStream('a-1', [noteAdded('1'), noteAdded('2')], { expectedVersion: 0 });
    await store.appendToStream('b-1', [noteAdded('3')], { expectedVersion: 0 });
    const before = { log: await store.readAll(null, 10), stream: await store.readStream('a-1'), head: await store.head() };
    await store.close();
    // The layout before the columns: the hashes inside the metadata JSON.
    const raw = new Database(file);
    raw.exec(`UPDATE events SET metadata = json_set(metadata, '$.prevHash', prev_hash, '$.hash', hash);
      ALTER TABLE events DROP COLUMN prev_hash; ALTER TABLE events DROP COLUMN hash`);
    raw.close();

    const progress: string[] = [];
    const reopened = SqliteEventStore.open(file, { progress: (m) => progress.push(m) });
    expect(progress).toEqual(['moving the event hashes of 3 events into their own columns (once)', 'event hashes moved: 3/3']);
    expect(await reopened.readAll(null, 10)).toEqual(before.log);
    expect(await reopened.readStream('a-1')).toEqual(before.stream);
    expect(await reopened.head()).toEqual(before.head);
    await reopened.close();
    const check = new Database(file, { readonly: true });
    const rows = check.prepare('SELECT metadata, prev_hash, hash FROM events').all() as {
      metadata: string;
      prev_hash: string;
      hash: string;
    }[];
    check.close();
    expect(rows.map((r) => [JSON.parse(r.metadata).hash, JSON.parse(r.metadata).prevHash, r.prev_hash, r.hash])).toEqual(
      before.log.map((e) => [undefined, undefined, e.metadata.prevHash, e.metadata.hash]),
    );
    // Opened again: nothing left to move, nothing said.
    await SqliteEventStore.open(file, { progress: (m) => progress.push(m) }).close();
    expect(progress).toHaveLength(2);
  });

  it('reads and chains a row appended by an older process with its hashes inside the metadata', async () => {
    const file = join(dir, 'older-writer.sqlite');
    const store = SqliteEventStore.open(file);
    await store.appendToStream('a-1', [noteAdded('1')], { expectedVersion: 0 });
    const older = noteAdded('2');
    const olderMetadata = { ...older.metadata, prevHash: 'q'.repeat(64), hash: '2'.repeat(64) };
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata) VALUES (?, ?, 1, ?, ?, ?, ?)')
      .run(older.id, 'b-1', older.type, older.schemaVersion, JSON.stringify(older.data), JSON.stringify(olderMetadata));
    raw.close();

    expect((await store.readStream('b-1')).events[0].metadata).toEqual(olderMetadata);
    await store.appendToStream('a-1', [noteAdded('3')], { expectedVersion: 1 });
    const log = await store.readAll(null, 10);
    expect(log[1].globalHash).toBe(globalChainHash(log[0].globalHash!, '2'.repeat(64)));
    expect(await store.head()).toEqual(await walkedHead(store));
    // Its stream's next event chains onto the hash inside that row's metadata.
    await store.appendToStream('b-1', [noteAdded('4')], { expectedVersion: 1 });
    expect((await store.readStream('b-1')).events[1].metadata.prevHash).toBe('2'.repeat(64));
    await store.close();
  });
});
