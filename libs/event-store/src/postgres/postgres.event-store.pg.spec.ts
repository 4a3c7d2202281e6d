import { Test } from '@nestjs/testing';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '@cert/config';
import { EventLog, VersionConflict } from '../event-store';
import { EventStoreModule } from '../event-store.module';
import { verifyChain } from '../hash-chain';
import { startChild, waitForLines } from '../testing/children';
import { CONTRACT_SCHEMAS, itBehavesLikeAnEventStore, noteAdded } from '../testing/event-store.contract';
import { freshDatabase } from '../testing/postgres-test-db';
import { VersionedEventStore } from '../versioned.event-store';
import { PostgresEventStore } from './postgres.event-store';

const fixture = (name: string) => join(__dirname, '..', 'testing', 'fixtures', name);

/** A database of this describe's own, dropped after it. */
function withDatabase(label: string) {
  const db = { url: '', drop: async () => {} };
  beforeAll(async () => Object.assign(db, await freshDatabase(label)));
  afterAll(() => db.drop());
  return db;
}

describe('PostgresEventStore', () => {
  const db = withDatabase('contract');
  itBehavesLikeAnEventStore(() => PostgresEventStore.connect(db.url));

  describe('through VersionedEventStore', () => {
    itBehavesLikeAnEventStore(async () => new VersionedEventStore(await PostgresEventStore.connect(db.url), CONTRACT_SCHEMAS));
  });
});

describe('PostgresEventStore on a database of its own', () => {
  const db = withDatabase('own');
  let store: PostgresEventStore;
  beforeEach(async () => {
    // Each case starts from an empty log.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('DROP TABLE IF EXISTS events, log_head');
    await client.end();
    store = await PostgresEventStore.connect(db.url);
  });
  afterEach(() => store.close());

  it('has no head while empty', async () => {
    await expect(store.head()).resolves.toBeNull();
    await expect(store.readAll(null, 10)).resolves.toEqual([]);
  });

  it('hashes what the chains always covered: fixed events get the hashes and links they get on SQLite', async () => {
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
    const { events } = await store.readStream('application-golden');
    expect(events.map((e) => e.metadata.hash)).toEqual([
      'a1c74ce2a3810a7058f11c1250763c57baedb63d422d70dd3a4ff4a522248028',
      '0664e71e9f841a87e687e710fafece8ce02ee9b39f1cb460a5ff338237f8e6aa',
    ]);
    expect((await store.head())?.globalHash).toBe('da7313910a29b58169c0c76d8545c3771e4277250ffb25f089525f551fe199c6');
  });

  it('gives data back exactly as appended: key order, numbers and escapes as hashed', async () => {
    const data = { z: 1, a: [1.5, -0, 1e21, 'line\nbreak', '\u0000nul', '\u2028'], nested: { b: null, a: true } };
    await store.appendToStream('exact', [noteAdded('x', { data })], { expectedVersion: 0 });
    const [event] = (await store.readStream('exact')).events;
    expect(JSON.stringify(event.data)).toBe(JSON.stringify(data));
    expect(verifyChain([event])).toEqual({ ok: true });
  });

  it('group-commits concurrent appends: a conflicting one fails alone, the others are all in the log in call order', async () => {
    await store.appendToStream('group-taken', [noteAdded('first')], { expectedVersion: 0 });
    const streams = Array.from({ length: 10 }, (_, i) => `group-${i}`);
    const results = await Promise.allSettled([
      ...streams.slice(0, 5).map((id) => store.appendToStream(id, [noteAdded(id)], { expectedVersion: 0 })),
      store.appendToStream('group-taken', [noteAdded('stale')], { expectedVersion: 0 }),
      ...streams.slice(5).map((id) => store.appendToStream(id, [noteAdded(id), noteAdded(`${id}-2`)], { expectedVersion: 0 })),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected', ...Array(5).fill('fulfilled')]);
    expect((results[5] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict);
    const all = await store.readAll(null, 100);
    expect(all.map((e) => e.streamId)).toEqual(['group-taken', ...streams.slice(0, 5), ...streams.slice(5).flatMap((id) => [id, id])]);
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => String(i + 1)));
    await expect(store.head()).resolves.toEqual({ position: all.at(-1)!.position, globalHash: all.at(-1)!.globalHash });
  });

  it('chains two appends to one stream in one group commit, the second onto the first', async () => {
    const [first, second, stale] = await Promise.allSettled([
      store.appendToStream('twice', [noteAdded('1'), noteAdded('2')], { expectedVersion: 0 }),
      store.appendToStream('twice', [noteAdded('3')], { expectedVersion: 2 }),
      store.appendToStream('twice', [noteAdded('stale')], { expectedVersion: 2 }),
    ]);
    expect([first.status, second.status, stale.status]).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const { events } = await store.readStream('twice');
    expect(events.map((e) => (e.data as { text: string }).text)).toEqual(['1', '2', '3']);
    expect(verifyChain(events)).toEqual({ ok: true });
  });

  it('reads a stream with an append waiting for the group commit only after that commit', async () => {
    const append = store.appendToStream('waiting', [noteAdded('w')], { expectedVersion: 0 });
    await expect(store.readStream('waiting')).resolves.toMatchObject({ version: 1 });
    await append;
  });

  it('keeps positions gap-free and in commit order while two stores on one database append together', async () => {
    const other = await PostgresEventStore.connect(db.url);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? store : other).appendToStream(`pair-${i}`, [noteAdded(String(i)), noteAdded(`${i}b`)], { expectedVersion: 0 }),
      ),
    );
    await other.close();
    const all = await store.readAll(null, 1000);
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => String(i + 1)));
    expect(new Set(all.map((e) => e.streamId)).size).toBe(40);
    // Each stream's two events are adjacent: an append is one transaction, never interleaved with another.
    for (let i = 0; i < all.length; i += 2) expect(all[i + 1].streamId).toBe(all[i].streamId);
  });
});

describe('EventStoreModule with EVENT_STORE=postgres', () => {
  const db = withDatabase('module');

  it('provides the PostgreSQL store, creating its tables, and closes it on shutdown', async () => {
    const config = { eventStore: 'postgres', databaseUrl: db.url } as AppConfig;
    const app = await Test.createTestingModule({ imports: [EventStoreModule.forRoot(config)] }).compile();
    const store = app.get(EventLog);
    expect(store).toBeInstanceOf(PostgresEventStore);
    await expect(store.head()).resolves.toBeNull();
    await app.close();
    await expect(store.head()).rejects.toThrow(/pool after calling end/);
  });
});

describe('PostgresEventStore across processes', () => {
  const db = withDatabase('processes');

  it('two processes racing on the same 50 streams never fork a stream and lose no append', async () => {
    await (await PostgresEventStore.connect(db.url)).close();
    const streams = Array.from({ length: 50 }, (_, i) => `application-race-${i}`);
    const rounds = 10;
    const racers = ['left', 'right'].map((name) => startChild(fixture('race-child.mjs'), [db.url, name, String(rounds), ...streams]));
    await Promise.all(racers.map((r) => waitForLines(r, (lines) => lines.includes('ready'))));
    racers.forEach((r) => r.proc.stdin.end('go\n'));
    expect(await Promise.all(racers.map((r) => r.exited))).toEqual([0, 0]);

    const tallies = racers.map((r) => JSON.parse(r.lines.at(-1)!) as { appended: number; conflicts: number });
    const total = 2 * rounds * streams.length;
    expect(tallies[0].appended + tallies[1].appended).toBe(total);
    expect(tallies[0].conflicts + tallies[1].conflicts).toBeGreaterThan(0);

    const store = await PostgresEventStore.connect(db.url);
    for (const id of streams) {
      const { version, events } = await store.readStream(id);
      expect(version).toBe(2 * rounds);
      expect(verifyChain(events)).toEqual({ ok: true });
    }
    const all = await store.readAll(null, total + 10);
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => String(i + 1)));
    await store.close();
    console.info(`race: ${total} appends, conflicts left=${tallies[0].conflicts} right=${tallies[1].conflicts}`);
  }, 60_000);

  it.each([
    ['one append at a time', 'sequential'],
    ['seven concurrent appends per group commit', 'concurrent'],
  ])(
    'finds every acknowledged event after the writer is killed with SIGKILL mid-stream (%s)',
    async (_name, mode) => {
      const before = await PostgresEventStore.connect(db.url);
      const start = Number((await before.head())?.position ?? 0);
      await before.close();
      const acks = 400;
      const writer = startChild(fixture('append-child.mjs'), [db.url, 'FULL', mode, `${mode}-`]);
      await waitForLines(writer, (lines) => lines.length >= acks);
      writer.proc.kill('SIGKILL');
      await writer.exited;

      const acked = writer.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '));
      expect(acked.length).toBeGreaterThanOrEqual(acks);
      const store = await PostgresEventStore.connect(db.url);
      for (const [, streamId, version, id] of acked) {
        const { events } = await store.readStream(streamId);
        expect(events[Number(version) - 1]?.id).toBe(id);
      }
      // Nothing half-written: positions run on without a gap and the head is the last row.
      const written = await store.readAll(String(start), 100_000);
      expect(written.map((e) => Number(e.position))).toEqual(written.map((_, i) => start + i + 1));
      expect((await store.head())?.position).toBe(written.at(-1)!.position);
      await store.close();
      console.info(`kill -9 (${mode}): ${acked.length} acknowledged, all found`);
    },
    60_000,
  );
});
