import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VersionConflict } from '../event-store';
import { startChild, waitForLines } from '../testing/children';
import { verifyChain } from '../hash-chain';
import { CONTRACT_SCHEMAS, itBehavesLikeAnEventStore, noteAdded } from '../testing/event-store.contract';
import { VersionedEventStore } from '../versioned.event-store';
import { SqliteEventStore } from './sqlite.event-store';

const fixture = (name: string) => join(__dirname, '..', 'testing', 'fixtures', name);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'event-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshFile = () => join(dir, `nested-${++files}`, 'events.sqlite');

describe('SqliteEventStore on :memory:', () => {
  itBehavesLikeAnEventStore(async () => SqliteEventStore.open(':memory:'));

  describe('through VersionedEventStore', () => {
    itBehavesLikeAnEventStore(async () => new VersionedEventStore(SqliteEventStore.open(':memory:'), CONTRACT_SCHEMAS));
  });

  it("tells its onAppend listeners of each of this process's appends once committed, not of a refused one", async () => {
    const store = SqliteEventStore.open(':memory:');
    const heard: (string | null)[] = [];
    const unsubscribe = store.onAppend(() => void store.head().then((h) => heard.push(h?.position ?? null)));
    await store.appendToStream('note-1', [noteAdded('a')], { expectedVersion: 0 });
    await expect(store.appendToStream('note-1', [noteAdded('b')], { expectedVersion: 0 })).rejects.toBeInstanceOf(VersionConflict);
    unsubscribe();
    await store.appendToStream('note-1', [noteAdded('c')], { expectedVersion: 1 });
    expect(heard).toEqual(['1']);
    await store.close();
  });

  it('group-commits concurrent appends: a conflicting one fails alone, the others are all in the log', async () => {
    const store = SqliteEventStore.open(':memory:');
    await store.appendToStream('group-taken', [noteAdded('first')], { expectedVersion: 0 });
    const streams = Array.from({ length: 10 }, (_, i) => `group-${i}`);
    const results = await Promise.allSettled([
      ...streams.slice(0, 5).map((id) => store.appendToStream(id, [noteAdded(id)], { expectedVersion: 0 })),
      store.appendToStream('group-taken', [noteAdded('stale')], { expectedVersion: 0 }),
      ...streams.slice(5).map((id) => store.appendToStream(id, [noteAdded(id), noteAdded(`${id}-2`)], { expectedVersion: 0 })),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected', ...Array(5).fill('fulfilled')]);
    expect((results[5] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict);
    for (const [i, id] of streams.entries()) expect((await store.readStream(id)).version).toBe(i < 5 ? 1 : 2);
    expect((await store.readStream('group-taken')).events.map((e) => (e.data as { text: string }).text)).toEqual(['first']);
    // Commit order is call order, and the global chain runs through the group without a gap.
    const all = await store.readAll(null, 100);
    expect(all.map((e) => e.streamId)).toEqual(['group-taken', ...streams.slice(0, 5), ...streams.slice(5).flatMap((id) => [id, id])]);
    await expect(store.head()).resolves.toEqual({ position: all.at(-1)!.position, globalHash: all.at(-1)!.globalHash });
    for (const id of streams) expect(verifyChain((await store.readStream(id)).events)).toEqual({ ok: true });
    await store.close();
  });

  it('chains two appends to one stream in one group commit, the second onto the first', async () => {
    const store = SqliteEventStore.open(':memory:');
    const [first, second, stale] = await Promise.allSettled([
      store.appendToStream('twice', [noteAdded('1'), noteAdded('2')], { expectedVersion: 0 }),
      store.appendToStream('twice', [noteAdded('3')], { expectedVersion: 2 }),
      store.appendToStream('twice', [noteAdded('stale')], { expectedVersion: 2 }),
    ]);
    expect([first.status, second.status, stale.status]).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((stale as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict);
    const { events } = await store.readStream('twice');
    expect(events.map((e) => (e.data as { text: string }).text)).toEqual(['1', '2', '3']);
    expect(events[2].metadata.prevHash).toBe(events[1].metadata.hash);
    expect(verifyChain(events)).toEqual({ ok: true });
    await store.close();
  });

  it('reads a stream with an append waiting for the group commit only after that commit, and others at once', async () => {
    const store = SqliteEventStore.open(':memory:');
    await store.appendToStream('other', [noteAdded('o')], { expectedVersion: 0 });
    const append = store.appendToStream('waiting', [noteAdded('w')], { expectedVersion: 0 });
    const order: string[] = [];
    const reads = [
      store.readStream('waiting').then((r) => (order.push('waiting'), r.version)),
      store.readStream('other').then((r) => (order.push('other'), r.version)),
      append.then(() => order.push('append')),
    ];
    // Without the wait, the read would see version 0 and a command decided on it would conflict.
    expect(await Promise.all(reads)).toEqual([1, 1, expect.anything()]);
    expect(order).toEqual(['other', 'append', 'waiting']);
    await store.close();
  });

  it('hashes what the chains always covered: fixed events get the hashes and links they always got', async () => {
    const store = SqliteEventStore.open(':memory:');
    const metadata = {
      dataSubjects: { applicant: 'abc' },
      actorId: 'user-1',
      actorRole: 'staff',
      correlationId: 'corr-1',
      causationId: null,
      occurredAt: '2026-03-01T10:00:00.000Z',
    };
    const fixed = (n: number) => ({ ...noteAdded('é ✓'), id: `00000000-0000-4000-8000-00000000000${n}`, metadata });
    await store.appendToStream('application-golden', [fixed(1), fixed(2)], { expectedVersion: 0 });
    // The hashes logs already hold for these events: hashing must give them unchanged, whoever computes it.
    const { events } = await store.readStream('application-golden');
    expect(events.map((e) => e.metadata.hash)).toEqual([
      'a1c74ce2a3810a7058f11c1250763c57baedb63d422d70dd3a4ff4a522248028',
      '0664e71e9f841a87e687e710fafece8ce02ee9b39f1cb460a5ff338237f8e6aa',
    ]);
    expect((await store.head())?.globalHash).toBe('da7313910a29b58169c0c76d8545c3771e4277250ffb25f089525f551fe199c6');
    await store.close();
  });

  it('has no head while empty', async () => {
    const store = SqliteEventStore.open(':memory:');
    await expect(store.head()).resolves.toBeNull();
    await expect(store.readAll(null, 10)).resolves.toEqual([]);
    await store.close();
  });
});

describe('SqliteEventStore on a file', () => {
  itBehavesLikeAnEventStore(async () => SqliteEventStore.open(freshFile()));

  it('keeps the log across close and reopen, in WAL mode with synchronous=FULL', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file);
    await store.appendToStream('application-1', [noteAdded('kept')], { expectedVersion: 0 });
    await store.close();
    const reopened = SqliteEventStore.open(file);
    await expect(reopened.readStream('application-1')).resolves.toMatchObject({ version: 1 });
    await reopened.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

const start = (script: string, args: string[]) => startChild(fixture(script), args);
const waitFor = waitForLines;

describe('SqliteEventStore across processes', () => {
  it('two processes racing on the same 50 streams never fork a stream and lose no append', async () => {
    const file = freshFile();
    await SqliteEventStore.open(file).close(); // create the schema once, before the racers open the file
    const streams = Array.from({ length: 50 }, (_, i) => `application-race-${i}`);
    const rounds = 10;
    const racers = ['left', 'right'].map((name) => start('race-child.mjs', [file, name, String(rounds), ...streams]));
    await Promise.all(racers.map((r) => waitFor(r, (lines) => lines.includes('ready'))));
    racers.forEach((r) => r.proc.stdin.end('go\n'));
    expect(await Promise.all(racers.map((r) => r.exited))).toEqual([0, 0]);

    const tallies = racers.map((r) => JSON.parse(r.lines.at(-1)!) as { appended: number; conflicts: number });
    const total = 2 * rounds * streams.length;
    expect(tallies[0].appended + tallies[1].appended).toBe(total);
    // Without a single conflict the racers never overlapped and the test proved nothing.
    expect(tallies[0].conflicts + tallies[1].conflicts).toBeGreaterThan(0);

    const store = SqliteEventStore.open(file);
    for (const id of streams) {
      const { version, events } = await store.readStream(id);
      expect(version).toBe(2 * rounds);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: 2 * rounds }, (_, i) => i + 1));
      // Each racer's append chained onto the stream's last hash as it found it under the lock, never a stale one.
      expect(verifyChain(events)).toEqual({ ok: true });
    }
    expect(await store.readAll(null, total + 10)).toHaveLength(total);
    await store.close();
    console.info(`race: ${total} appends, conflicts left=${tallies[0].conflicts} right=${tallies[1].conflicts}`);
  }, 60_000);

  it.each([
    ['one append at a time', 'sequential'],
    ['seven concurrent appends per group commit', 'concurrent'],
  ])(
    'finds every acknowledged event after the writer is killed with SIGKILL mid-stream (%s)',
    async (_name, mode) => {
      const file = freshFile();
      const acks = 400;
      const writer = start('append-child.mjs', [file, 'FULL', mode]);
      await waitFor(writer, (lines) => lines.length >= acks);
      writer.proc.kill('SIGKILL');
      await writer.exited;

      const acked = writer.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '));
      expect(acked.length).toBeGreaterThanOrEqual(acks);
      const store = SqliteEventStore.open(file);
      for (const [, streamId, version, id] of acked) {
        const { events } = await store.readStream(streamId);
        expect(events[Number(version) - 1]?.id).toBe(id);
      }
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      console.info(`kill -9 (${mode}): ${acked.length} acknowledged, all found after reopen`);
    },
    60_000,
  );
});
