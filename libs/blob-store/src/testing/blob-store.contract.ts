import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobExists, BlobStore } from '../blob-store';

const read = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A stream that gives some bytes, then fails: an upload cut off half way. */
const failing = (bytes: Buffer) =>
  new Readable({
    read() {
      this.push(bytes);
      this.destroy(new Error('connection lost'));
    },
  });

const listed = async (store: BlobStore, ids: string[]) => {
  const found: { id: string; storedAt: string }[] = [];
  for await (const blob of store.list()) if (ids.includes(blob.id)) found.push(blob);
  return found.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
};

/**
 * The blob-store contract (docs/ARCHITECTURE.md, Blob store rules): every adapter runs it. `open` takes the clock the
 * store stamps its puts with (a store shared between tests may hold other blobs: the listing specs look at their own).
 */
export function itBehavesLikeABlobStore(open: (now?: () => Date) => Promise<BlobStore>) {
  let store: BlobStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  it('stores a stream and gives back the same bytes, with their size and SHA-256', async () => {
    const id = randomUUID();
    const bytes = randomBytes(300_000);
    expect(await store.put(id, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]))).toEqual({
      size: bytes.length,
      sha256: sha(bytes),
    });
    expect(await store.exists(id)).toBe(true);
    expect(await read((await store.get(id))!)).toEqual(bytes);
  });

  it('answers null and false for an id it does not hold', async () => {
    const id = randomUUID();
    expect(await store.get(id)).toBeNull();
    expect(await store.exists(id)).toBe(false);
    expect(await store.delete(id)).toBe(false);
  });

  it('deletes, once', async () => {
    const id = randomUUID();
    await store.put(id, Readable.from([Buffer.from('minutes')]));
    expect(await store.delete(id)).toBe(true);
    expect(await store.exists(id)).toBe(false);
    expect(await store.get(id)).toBeNull();
    expect(await store.delete(id)).toBe(false);
  });

  it('keeps nothing of a stream that fails half way', async () => {
    const id = randomUUID();
    await expect(store.put(id, failing(randomBytes(10_000)))).rejects.toThrow('connection lost');
    expect(await store.exists(id)).toBe(false);
    expect(await store.get(id)).toBeNull();
  });

  it('refuses a second put of an id it holds, and keeps the first', async () => {
    const id = randomUUID();
    await store.put(id, Readable.from([Buffer.from('first')]));
    await expect(store.put(id, Readable.from([Buffer.from('second')]))).rejects.toBeInstanceOf(BlobExists);
    expect((await read((await store.get(id))!)).toString()).toBe('first');
  });

  it('stores an empty stream as an empty blob', async () => {
    const id = randomUUID();
    expect(await store.put(id, Readable.from([]))).toEqual({ size: 0, sha256: sha(Buffer.alloc(0)) });
    expect(await read((await store.get(id))!)).toEqual(Buffer.alloc(0));
  });

  it('lists every whole blob with the time of its put by its clock, and forgets a deleted one', async () => {
    let now = new Date('2026-03-02T09:00:00.000Z');
    const clocked = await open(() => now);
    const [first, second] = [randomUUID(), randomUUID()];
    await clocked.put(first, Readable.from([Buffer.from('minutes')]));
    now = new Date('2026-03-04T17:30:00.000Z');
    await clocked.put(second, Readable.from([Buffer.from('survey')]));
    await expect(clocked.put(randomUUID(), failing(randomBytes(100)))).rejects.toThrow();
    expect(await listed(clocked, [first, second])).toEqual([
      { id: first, storedAt: '2026-03-02T09:00:00.000Z' },
      { id: second, storedAt: '2026-03-04T17:30:00.000Z' },
    ]);
    await clocked.delete(first);
    expect(await listed(clocked, [first, second])).toEqual([{ id: second, storedAt: '2026-03-04T17:30:00.000Z' }]);
    await clocked.close();
  });

  it('refuses an id that is not a uuid, so no id can name a path', async () => {
    await expect(store.put('../../etc/passwd', Readable.from([Buffer.from('x')]))).rejects.toThrow();
    await expect(store.get('../keys.sqlite')).rejects.toThrow();
  });
}
