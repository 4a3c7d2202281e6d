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

/** The blob-store contract (docs/ARCHITECTURE.md, Blob store rules): every adapter runs it. */
export function itBehavesLikeABlobStore(open: () => Promise<BlobStore>) {
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

  it('refuses an id that is not a uuid, so no id can name a path', async () => {
    await expect(store.put('../../etc/passwd', Readable.from([Buffer.from('x')]))).rejects.toThrow();
    await expect(store.get('../keys.sqlite')).rejects.toThrow();
  });
}
