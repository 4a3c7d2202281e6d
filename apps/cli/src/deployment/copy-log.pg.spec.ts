import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@cert/event-store';
import { PostgresEventStore } from '../../../../libs/event-store/src/postgres/postgres.event-store';
import { noteAdded } from '../../../../libs/event-store/src/testing/event-store.contract';
import { freshDatabase } from '../../../../libs/event-store/src/testing/postgres-test-db';
import { CopyMismatch, copyLog } from './copy-log';

describe('copying an embedded log into PostgreSQL', () => {
  let dir: string;
  let source: SqliteEventStore;
  let db: { url: string; drop: () => Promise<void> };
  let target: PostgresEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'iasl-copy-'));
    source = SqliteEventStore.open(join(dir, 'events.sqlite'));
    db = await freshDatabase('copy_log');
    target = await PostgresEventStore.connect(db.url);
  });
  afterEach(async () => {
    await target.close();
    await db.drop();
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same events, positions and chains, with the same head', async () => {
    // given streams interleaved in commit order, some appends of several events
    await source.appendToStream('a', [noteAdded('a1'), noteAdded('a2')], { expectedVersion: 0 });
    await source.appendToStream('b', [noteAdded('b1')], { expectedVersion: 0 });
    await source.appendToStream('a', [noteAdded('a3')], { expectedVersion: 2 });
    await source.appendToStream('c', [noteAdded('c1 é ✓'), noteAdded('c2')], { expectedVersion: 0 });
    const seen: number[] = [];

    // when
    const report = await copyLog(source, target, (n) => seen.push(n));

    // then
    expect(report).toEqual({ events: 6, streams: 3 });
    expect(seen).toEqual([6]);
    expect(await target.head()).toEqual(await source.head());
    const strip = (e: { position: string; streamId: string; version: number; id: string; globalHash?: string; metadata: object }) => [
      e.position,
      e.streamId,
      e.version,
      e.id,
      e.globalHash,
      e.metadata,
    ];
    expect((await target.readAll(null, 100)).map(strip)).toEqual((await source.readAll(null, 100)).map(strip));
  });

  it('refuses a target that already holds events, and writes nothing more to it', async () => {
    await source.appendToStream('a', [noteAdded('a1')], { expectedVersion: 0 });
    await target.appendToStream('other', [noteAdded('x')], { expectedVersion: 0 });
    const before = await target.head();

    await expect(copyLog(source, target)).rejects.toThrow(CopyMismatch);
    await expect(copyLog(source, target)).rejects.toThrow(/not empty/);
    expect(await target.head()).toEqual(before);
  });
});
