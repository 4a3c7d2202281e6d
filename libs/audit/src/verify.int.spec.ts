import { EventLog, EventStore, GENESIS, NewEvent, RecordedEvent, SqliteEventStore, handle, linkNewEvent } from '@cert/event-store';
import { parseHead, verifyLog, verifyStream } from './verify';

/** A log that chains each stream but stores no global chain, like ESDB: verify must compute it from commit order. */
class PlainLog extends EventLog {
  events: RecordedEvent[] = [];
  async readStream(streamId: string) {
    const events = this.events.filter((e) => e.streamId === streamId);
    return { version: events.at(-1)?.version ?? 0, events };
  }
  async appendToStream(streamId: string, events: NewEvent[], { expectedVersion }: { expectedVersion: number }) {
    let prevHash = (await this.readStream(streamId)).events.at(-1)?.metadata.hash ?? GENESIS;
    const appended = events.map((e, i) => {
      const { envelope, hash } = linkNewEvent(prevHash, streamId, expectedVersion + i + 1, e);
      const metadata = { ...envelope, prevHash, hash } as RecordedEvent['metadata'];
      prevHash = hash;
      return { ...e, metadata, streamId, version: expectedVersion + i + 1, position: String(100 * (this.events.length + i + 1)) };
    });
    this.events.push(...appended);
    return { version: expectedVersion + events.length, position: this.events.at(-1)!.position, events: appended };
  }
  async readAll(checkpoint: string | null, limit: number) {
    return this.events.filter((e) => checkpoint === null || BigInt(e.position) > BigInt(checkpoint)).slice(0, limit);
  }
  async head() {
    const last = this.events.at(-1);
    return last ? { position: last.position, globalHash: null } : null;
  }
  async close() {}
}

const counter = {
  initialState: () => 0,
  evolve: (n: number) => n + 1,
  decide: (c: { by: number }) => Array.from({ length: c.by }, (_, i) => ({ type: 'Counted', data: { i } })),
};
const ctx = { actorId: 'u-1', actorRole: 'staff', now: '2026-03-01T00:00:00.000Z' };

async function fill(store: EventStore) {
  for (const stream of ['a-1', 'b-1', 'a-1', 'c-1']) await handle(store, stream, counter, { by: 2 }, ctx);
}

describe('verify', () => {
  it('reads a published head, and refuses anything else', () => {
    expect(parseHead(`12:${'ab'.repeat(32)}`)).toEqual({ position: '12', globalHash: 'ab'.repeat(32) });
    expect(() => parseHead('12:xyz')).toThrow(/position/);
  });

  it('passes an empty log, and a log against its own head', async () => {
    const store = SqliteEventStore.open(':memory:');
    expect(await verifyLog(store)).toEqual(expect.objectContaining({ ok: true, events: 0, head: null }));
    await fill(store);
    const head = await store.head();
    expect(head?.globalHash).toEqual(expect.any(String));
    expect(await verifyLog(store, head as { position: string; globalHash: string })).toEqual(
      expect.objectContaining({ ok: true, events: 8, streams: 3, head, globalChain: 'stored' }),
    );
    expect(await verifyStream(store, 'a-1')).toEqual(expect.objectContaining({ ok: true, events: 4 }));
    await store.close();
  });

  it('computes the global chain where the store keeps none (ESDB), so the published head still proves the history', async () => {
    const log = new PlainLog();
    await fill(log);
    // The store names its newest position only; verify computes the link there, to publish.
    expect(await log.head()).toEqual({ position: '800', globalHash: null });
    const { head, globalChain } = await verifyLog(log);
    expect(head).toEqual({ position: '800', globalHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(globalChain).toBe('computed');
    expect(await verifyLog(log, head)).toEqual(expect.objectContaining({ ok: true, head }));

    const cut = log.events.splice(6);
    expect((await verifyLog(log, head)).problem).toEqual(expect.objectContaining({ reason: 'truncated', position: null }));
    log.events.push(...cut);

    // Without a stored chain, a removed event shows as its stream's gap.
    log.events.splice(4, 1);
    expect((await verifyLog(log, head)).problem).toEqual(expect.objectContaining({ reason: 'missing', streamId: 'a-1', version: 3 }));
  });

  it('names the first broken event of one stream', async () => {
    const log = new PlainLog();
    await fill(log);
    const [a1, a2] = log.events.filter((e) => e.streamId === 'a-1');
    a2.data = { i: 99 };
    expect((await verifyStream(log, 'a-1')).problem).toEqual(
      expect.objectContaining({ reason: 'changed', version: 2, eventId: a2.id, position: a2.position }),
    );
    log.events.splice(log.events.indexOf(a1), 1);
    expect((await verifyStream(log, 'a-1')).problem).toEqual(expect.objectContaining({ reason: 'missing', version: 1, eventId: null }));
  });
});
