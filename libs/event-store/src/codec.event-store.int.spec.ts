import { CodecEventStore, EventCodec } from './codec.event-store';
import { handle } from './handle';
import { verifyChain } from './hash-chain';
import { SqliteEventStore } from './sqlite/sqlite.event-store';

/** A toy codec: stores `text` reversed and at schema version 2, reads it back the right way round. */
const reversing: EventCodec = {
  seal: async ({ events }) => events.map((e) => ({ type: e.type, schemaVersion: 2, data: { text: [...(e.data as { text: string }).text].reverse().join('') }, metadata: { sealed: true } })),
  open: async (events) => events.map((e) => ({ ...e, data: { text: [...(e.data as { text: string }).text].reverse().join('') } })),
};
type Noted = { type: 'Noted'; data: { text: string } };
const noter = { initialState: () => [] as string[], evolve: (s: string[], e: Noted) => [...s, e.data.text], decide: (c: string): Noted[] => [{ type: 'Noted', data: { text: c } }] };
const ctx = { actorId: 'u-1', actorRole: 'staff', now: '2026-03-01T00:00:00.000Z' };

describe('CodecEventStore', () => {
  it('seals in handle() before hashing, opens on every read, and gives the stored form to hash checks', async () => {
    const stored = SqliteEventStore.open(':memory:');
    const store = new CodecEventStore(stored, reversing);
    const first = await handle(store, 'note-1', noter, 'hello', ctx);
    const second = await handle(store, 'note-1', noter, 'world', ctx);

    expect(first.events[0].data).toEqual({ text: 'hello' });
    expect(second.state).toEqual(['hello', 'world']);
    const raw = (await stored.readStream('note-1')).events;
    expect(raw.map((e) => [e.data, e.schemaVersion, e.metadata.sealed])).toEqual([[{ text: 'olleh' }, 2, true], [{ text: 'dlrow' }, 2, true]]);
    expect(verifyChain(raw)).toEqual({ ok: true });
    expect(store.asStored()).toBe(stored);
    expect((await store.readAll(null, 10)).map((e) => e.data)).toEqual([{ text: 'hello' }, { text: 'world' }]);
    // What a reader gets is not what the hashes cover: checking them needs the stored form.
    expect(verifyChain((await store.readStream('note-1')).events)).toEqual(expect.objectContaining({ ok: false }));
    expect(await store.head()).toEqual(await stored.head());
    await store.close();
  });
});
