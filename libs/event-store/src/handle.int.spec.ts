import { EventStore, NewEvent, VersionConflict } from './event-store';
import { Decider, handle, HandleContext } from './handle';
import { GENESIS, verifyChain } from './hash-chain';
import { SqliteEventStore } from './sqlite/sqlite.event-store';
import { VersionedEventStore } from './versioned.event-store';

type Counter = { total: number; closed: boolean };
type CounterCommand = { type: 'Add'; by: number[] } | { type: 'Close' };
type CounterEvent = { type: 'Added'; data: { by: number } } | { type: 'Closed'; data: { at: number } };

class CounterClosed extends Error {}

const counter: Decider<Counter, CounterCommand, CounterEvent> = {
  initialState: () => ({ total: 0, closed: false }),
  evolve: (s, e) => (e.type === 'Added' ? { ...s, total: s.total + e.data.by } : { ...s, closed: true }),
  decide: (c, s) => {
    if (s.closed) throw new CounterClosed('closed');
    if (c.type === 'Close') return [{ type: 'Closed', data: { at: s.total } }];
    return c.by.map((by) => ({ type: 'Added', data: { by } }));
  },
};

const ctx: HandleContext = { actorId: 'user-1', actorRole: 'staff', now: '2026-03-01T10:00:00.000Z' };
const add = (...by: number[]): CounterCommand => ({ type: 'Add', by });

/** Delegates to a real store, but lets a test run another writer just before chosen appends. */
class InterferingStore extends EventStore {
  appends = 0;
  constructor(
    private readonly inner: EventStore,
    private readonly before: (attempt: number) => Promise<void>,
  ) {
    super();
  }
  readStream(id: string) {
    return this.inner.readStream(id);
  }
  async appendToStream(id: string, events: NewEvent[], opts: { expectedVersion: number }) {
    await this.before(++this.appends);
    return this.inner.appendToStream(id, events, opts);
  }
  readAll(checkpoint: string | null, limit: number) {
    return this.inner.readAll(checkpoint, limit);
  }
  head() {
    return this.inner.head();
  }
  close() {
    return this.inner.close();
  }
}

describe('handle', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('appends the decided events with envelope metadata, chained by the store, and returns what it appended', async () => {
    const versioned = new VersionedEventStore(store, { schemaVersionOf: () => 4, upcast: (e) => e });
    const first = await handle(versioned, 'counter-1', counter, add(2, 3), { ...ctx, correlationId: 'corr-1', causationId: 'cmd-1' });
    expect(first).toMatchObject({ version: 2, state: { total: 5, closed: false } });
    expect(first.position).toBe((await store.head())?.position);

    const second = await handle(store, 'counter-1', counter, { type: 'Close' }, ctx);
    expect(second).toMatchObject({ version: 3, state: { total: 5, closed: true } });

    // The events handle() returns are those a read of the stream gives back, hashes and positions included.
    const { events } = await store.readStream('counter-1');
    expect(events).toEqual([...first.events, ...second.events]);
    expect(second.position).toBe(events[2].position);
    expect(events[0]).toMatchObject({
      type: 'Added',
      data: { by: 2 },
      schemaVersion: 4,
      metadata: {
        actorId: 'user-1',
        actorRole: 'staff',
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        occurredAt: ctx.now,
        prevHash: GENESIS,
      },
    });
    expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
    expect(events[2].metadata.prevHash).toBe(events[1].metadata.hash);
    expect(events[2].metadata).toMatchObject({ causationId: null, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(events[2].schemaVersion).toBe(1);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(verifyChain(events)).toEqual({ ok: true });
  });

  it('appends nothing when the decider answers []', async () => {
    await handle(store, 'counter-1', counter, add(1), ctx);
    const result = await handle(store, 'counter-1', counter, add(), ctx);
    expect(result).toEqual({ version: 1, position: null, events: [], state: { total: 1, closed: false } });
    expect((await store.readStream('counter-1')).version).toBe(1);
  });

  it('lets a refusal propagate untouched and appends nothing', async () => {
    await handle(store, 'counter-1', counter, { type: 'Close' }, ctx);
    await expect(handle(store, 'counter-1', counter, add(1), ctx)).rejects.toBeInstanceOf(CounterClosed);
    expect((await store.readStream('counter-1')).version).toBe(1);
  });

  it('retries from a fresh read when another writer moved the stream in between', async () => {
    await handle(store, 'counter-1', counter, add(1), ctx);
    const racing = new InterferingStore(store, async (attempt) => {
      if (attempt === 1) await handle(store, 'counter-1', counter, add(10), ctx);
    });
    const result = await handle(racing, 'counter-1', counter, add(100), ctx);
    expect(result).toMatchObject({ version: 3, state: { total: 111 } });
    expect(racing.appends).toBe(2);
    expect(verifyChain((await store.readStream('counter-1')).events)).toEqual({ ok: true });
  });

  it('gives up with VersionConflict after two retries', async () => {
    const alwaysBeaten = new InterferingStore(store, () => handle(store, 'counter-1', counter, add(10), ctx).then(() => undefined));
    await expect(handle(alwaysBeaten, 'counter-1', counter, add(1), ctx)).rejects.toBeInstanceOf(VersionConflict);
    expect(alwaysBeaten.appends).toBe(3);
    expect((await store.readStream('counter-1')).events.map((e) => e.data)).toEqual([{ by: 10 }, { by: 10 }, { by: 10 }]);
  });

  it('fails a stale If-Match at once, without retrying or appending', async () => {
    await handle(store, 'counter-1', counter, add(1), ctx);
    await handle(store, 'counter-1', counter, add(2), ctx);
    const spy = new InterferingStore(store, async () => undefined);
    const err = await handle(spy, 'counter-1', counter, add(5), { ...ctx, expectedVersion: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionConflict);
    expect(err).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect(spy.appends).toBe(0);
    await expect(handle(store, 'counter-1', counter, add(5), { ...ctx, expectedVersion: 2 })).resolves.toMatchObject({ version: 3 });
  });

  it('reports a stale If-Match as VersionConflict even when decide would now refuse', async () => {
    await handle(store, 'counter-1', counter, { type: 'Close' }, ctx);
    await expect(handle(store, 'counter-1', counter, add(1), { ...ctx, expectedVersion: 0 })).rejects.toBeInstanceOf(VersionConflict);
  });

  it('does not retry a conflict at append time when the client named the expected version', async () => {
    await handle(store, 'counter-1', counter, add(1), ctx);
    const racing = new InterferingStore(store, () => handle(store, 'counter-1', counter, add(10), ctx).then(() => undefined));
    await expect(handle(racing, 'counter-1', counter, add(5), { ...ctx, expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflict);
    expect(racing.appends).toBe(1);
    expect((await store.readStream('counter-1')).version).toBe(2);
  });
});
