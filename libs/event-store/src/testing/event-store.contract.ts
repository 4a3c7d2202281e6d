import { randomUUID } from 'node:crypto';
import { comparePositions, EventStore, NewEvent, RecordedEvent, VersionConflict } from '../event-store';

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
    prevHash: 'p'.repeat(64),
    hash: 'h'.repeat(64),
  },
  ...extra,
});

/** The fields an adapter must store and give back untouched. */
const stored = (e: NewEvent | RecordedEvent) => ({
  id: e.id,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
});

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

/** One suite, every adapter (ARCHITECTURE.md, rule 8). `open` must return a store ready to use. */
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
    expect(read.events.map((e) => [e.streamId, e.version])).toEqual([[id, 1], [id, 2], [id, 3]]);
    expect(read.events.map(stored)).toEqual([...first, ...second].map(stored));
  });

  it('rejects an append at a stale expected version and writes nothing', async () => {
    const id = newStream();
    await store.appendToStream(id, [noteAdded('a'), noteAdded('b')], { expectedVersion: 0 });
    const err = await store.appendToStream(id, [noteAdded('late')], { expectedVersion: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionConflict);
    expect(err).toMatchObject({ streamId: id, expectedVersion: 1, code: 'stream.version_conflict' });
    await expect(store.appendToStream(id, [noteAdded('ahead')], { expectedVersion: 5 })).rejects.toBeInstanceOf(
      VersionConflict,
    );
    expect((await store.readStream(id)).events.map((e) => (e.data as { text: string }).text)).toEqual(['a', 'b']);
  });

  it('rejects a second "new stream" append (expected version 0) to a stream that exists', async () => {
    const id = newStream();
    await store.appendToStream(id, [noteAdded('first')], { expectedVersion: 0 });
    await expect(store.appendToStream(id, [noteAdded('again')], { expectedVersion: 0 })).rejects.toBeInstanceOf(
      VersionConflict,
    );
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
    const before = await store.headPosition();
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
    const before = await store.headPosition();
    const id = newStream();
    const { position } = await store.appendToStream(id, [noteAdded('x'), noteAdded('y')], { expectedVersion: 0 });
    expect(await store.headPosition()).toBe(position);
    const { events } = await readOurs(store, before, position, 100, [id]);
    expect(events.map((e) => e.position).at(-1)).toBe(position);
    await expect(store.readAll(position, 10)).resolves.toEqual([]);
  });
}
