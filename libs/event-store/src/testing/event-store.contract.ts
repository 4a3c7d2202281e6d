import { randomUUID } from 'node:crypto';
import { comparePositions, EventStore, NewEvent, RecordedEvent, VersionConflict } from '../event-store';
import { chainHash, contentOf, GENESIS, globalChainHash, verifyChain, withoutHashes } from '../hash-chain';
import type { SchemaVersions } from '../versioned.event-store';

const newStream = () => `contract-${randomUUID()}`;

export const noteAdded = (text: string, extra: Partial<NewEvent> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'NoteAdded',
  schemaVersion: 2,
  data: { text, nested: { list: [1, 'two', null], flag: true } },
  metadata: {
    actorId: 'actor-1',
    actorRole: 'staff',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: '2026-01-01T00:00:00.000Z',
  },
  ...extra,
});

/**
 * The suite's event types at the schema versions it makes them, and no upcaster: for running it through
 * VersionedEventStore, whose stamps then leave every event as the suite made it.
 */
export const CONTRACT_SCHEMAS: SchemaVersions = { schemaVersionOf: (type) => (type === 'NoteAdded' ? 2 : 1), upcast: (e) => e };

/** The fields an adapter must store and give back untouched (the envelope beside the hashes it adds). */
const stored = (e: NewEvent | RecordedEvent) => ({
  id: e.id,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: withoutHashes(e.metadata),
});

const headPosition = async (store: EventStore) => (await store.head())?.position ?? null;

/**
 * Reads the log from `after` until `stop` (inclusive) in pages of `limit`, keeping only `streams`:
 * a shared ESDB holds other tests' events, so the suite never assumes an empty log.
 */
async function readOurs(store: EventStore, after: string | null, stop: string, limit: number, streams: string[]) {
  const pages: RecordedEvent[][] = [];
  let checkpoint = after;
  while (checkpoint === null || comparePositions(checkpoint, stop) < 0) {
    const page = await store.readAll(checkpoint, limit);
    if (page.length === 0) break;
    expect(page.length).toBeLessThanOrEqual(limit);
    pages.push(page);
    checkpoint = page[page.length - 1].position;
  }
  return { pages, events: pages.flat().filter((e) => streams.includes(e.streamId)) };
}

/** One suite, every adapter (docs/ARCHITECTURE.md, Principles (the ten rules), rule 8). `open` must return a store ready to use. */
export function itBehavesLikeAnEventStore(open: () => Promise<EventStore>) {
  let store: EventStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('reads an unknown stream as empty at version 0', async () => {
    await expect(store.readStream(newStream())).resolves.toEqual({ version: 0, events: [] });
  });

  it('reads appends back in order as versions 1..n with every field intact', async () => {
    const id = newStream();
    const first = [noteAdded('a'), noteAdded('b')];
    const second = [noteAdded('c', { type: 'NoteEdited', schemaVersion: 1, data: { text: 'é ✓ "quoted"' } })];
    await expect(store.appendToStream(id, first, { expectedVersion: 0 })).resolves.toMatchObject({ version: 2 });
    await expect(store.appendToStream(id, second, { expectedVersion: 2 })).resolves.toMatchObject({ version: 3 });

    const read = await store.readStream(id);
    expect(read.version).toBe(3);
    expect(read.events.map((e) => [e.streamId, e.version])).toEqual([
      [id, 1],
      [id, 2],
      [id, 3],
    ]);
    expect(read.events.map(stored)).toEqual([...first, ...second].map(stored));
  });

  it('rejects an append at a stale expected version and writes nothing', async () => {
    const id = newStream();
    await store.appendToStream(id, [noteAdded('a'), noteAdded('b')], { expectedVersion: 0 });
    const err = await store.appendToStream(id, [noteAdded('late')], { expectedVersion: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionConflict);
    expect(err).toMatchObject({ streamId: id, expectedVersion: 1, code: 'stream.version_conflict' });
    await expect(store.appendToStream(id, [noteAdded('ahead')], { expectedVersion: 5 })).rejects.toBeInstanceOf(VersionConflict);
    expect((await store.readStream(id)).events.map((e) => (e.data as { text: string }).text)).toEqual(['a', 'b']);
  });

  it('rejects a second "new stream" append (expected version 0) to a stream that exists', async () => {
    const id = newStream();
    await store.appendToStream(id, [noteAdded('first')], { expectedVersion: 0 });
    await expect(store.appendToStream(id, [noteAdded('again')], { expectedVersion: 0 })).rejects.toBeInstanceOf(VersionConflict);
    expect((await store.readStream(id)).version).toBe(1);
  });

  it('lets exactly one of many concurrent appends at the same expected version win', async () => {
    const id = newStream();
    await store.appendToStream(id, [noteAdded('seed')], { expectedVersion: 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.appendToStream(id, [noteAdded(`racer-${i}`)], { expectedVersion: 1 })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof VersionConflict)).toBe(true);
    expect((await store.readStream(id)).version).toBe(2);
  });

  it('readAll sees every append once, in commit order, with strictly increasing positions, page by page', async () => {
    const before = await headPosition(store);
    const [a, b] = [newStream(), newStream()];
    const appended: NewEvent[] = [];
    const append = async (id: string, events: NewEvent[], expectedVersion: number) => {
      appended.push(...events);
      return store.appendToStream(id, events, { expectedVersion });
    };
    await append(a, [noteAdded('a1'), noteAdded('a2')], 0);
    await append(b, [noteAdded('b1')], 0);
    await append(a, [noteAdded('a3')], 2);
    const last = await append(b, [noteAdded('b2'), noteAdded('b3'), noteAdded('b4')], 1);

    for (const limit of [1, 2, 3, 100]) {
      const { pages, events } = await readOurs(store, before, last.position, limit, [a, b]);
      expect(events.map(stored)).toEqual(appended.map(stored));
      const positions = pages.flat().map((e) => e.position);
      positions.slice(1).forEach((p, i) => expect(comparePositions(positions[i], p)).toBe(-1));
      if (before !== null) expect(comparePositions(before, positions[0])).toBe(-1);
    }
  });

  it('returns from an append the position readAll reports for its last event, and that is the head', async () => {
    const before = await headPosition(store);
    const id = newStream();
    const { position } = await store.appendToStream(id, [noteAdded('x'), noteAdded('y')], { expectedVersion: 0 });
    expect(await headPosition(store)).toBe(position);
    const { events } = await readOurs(store, before, position, 100, [id]);
    expect(events.map((e) => e.position).at(-1)).toBe(position);
    await expect(store.readAll(position, 10)).resolves.toEqual([]);
  });

  it('returns from an append the events as a read of the stream gives them back, hashes included', async () => {
    const id = newStream();
    await store.appendToStream(id, [noteAdded('a')], { expectedVersion: 0 });
    const result = await store.appendToStream(id, [noteAdded('b'), noteAdded('c')], { expectedVersion: 1 });
    expect(result.events.map((e) => [e.streamId, e.version])).toEqual([
      [id, 2],
      [id, 3],
    ]);
    expect(result.events.at(-1)!.position).toBe(result.position);
    // Positions aside: a stream read may not know them (ESDB's index), and an append may know only its last.
    const withoutPosition = ({ position: _, globalHash: __, ...e }: RecordedEvent) => e;
    const read = (await store.readStream(id)).events.slice(1);
    expect(result.events.map(withoutPosition)).toEqual(read.map(withoutPosition));
  });

  it('chains each stream: the first event onto GENESIS, each next one onto the hash of the one before, over its content', async () => {
    const id = newStream();
    await store.appendToStream(id, [noteAdded('a'), noteAdded('b')], { expectedVersion: 0 });
    await store.appendToStream(id, [noteAdded('c')], { expectedVersion: 2 });
    await store.appendToStream(newStream(), [noteAdded('elsewhere')], { expectedVersion: 0 });
    await store.appendToStream(id, [noteAdded('d', { type: 'NoteEdited', schemaVersion: 1 })], { expectedVersion: 3 });

    const { events } = await store.readStream(id);
    expect(events.map((e) => e.metadata.prevHash)).toEqual([GENESIS, ...events.slice(0, -1).map((e) => e.metadata.hash)]);
    for (const e of events) expect(e.metadata.hash).toBe(chainHash(e.metadata.prevHash!, contentOf(e)));
    expect(verifyChain(events)).toEqual({ ok: true });
  });

  it('keeps every stream chained when appends race, and only the winner of a race is chained on', async () => {
    const [a, b] = [newStream(), newStream()];
    await store.appendToStream(a, [noteAdded('seed')], { expectedVersion: 0 });
    await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) => store.appendToStream(a, [noteAdded(`a-racer-${i}`)], { expectedVersion: 1 })),
      store.appendToStream(b, [noteAdded('b1'), noteAdded('b2')], { expectedVersion: 0 }),
      store.appendToStream(b, [noteAdded('b-late')], { expectedVersion: 2 }),
    ]);
    for (const id of [a, b]) expect(verifyChain((await store.readStream(id)).events)).toEqual({ ok: true });
    expect((await store.readStream(a)).version).toBe(2);
  });

  it('links the log in commit order where the adapter keeps the global chain, and head() is its last link (else null)', async () => {
    const before = await store.head();
    const [a, b] = [newStream(), newStream()];
    await store.appendToStream(a, [noteAdded('a1'), noteAdded('a2')], { expectedVersion: 0 });
    await store.appendToStream(b, [noteAdded('b1')], { expectedVersion: 0 });
    const last = await store.appendToStream(a, [noteAdded('a3')], { expectedVersion: 2 });

    // Every event after `before`, others' included: the global chain runs through all of them.
    const { pages } = await readOurs(store, before?.position ?? null, last.position, 100, []);
    const log = pages.flat();
    const head = await store.head();
    expect(head?.position).toBe(last.position);
    if (head?.globalHash === null) {
      expect(log.every((e) => e.globalHash === undefined)).toBe(true);
      return;
    }
    let link = before?.globalHash ?? GENESIS;
    for (const e of log) {
      link = globalChainHash(link, e.metadata.hash!);
      expect(e.globalHash).toBe(link);
    }
    expect(head).toEqual({ position: last.position, globalHash: link });
  });
}
