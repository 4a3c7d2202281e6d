import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { Client } from 'pg';
import { freshDatabase } from '../../../event-store/src/testing/postgres-test-db';
import { BlobExists } from '../blob-store';
import { itBehavesLikeABlobStore } from '../testing/blob-store.contract';
import { PostgresBlobStore } from './postgres.blob-store';

describe('PostgresBlobStore', () => {
  const db = { url: '', drop: async () => {} };
  beforeAll(async () => Object.assign(db, await freshDatabase('blobs')));
  afterAll(() => db.drop());

  itBehavesLikeABlobStore((now) => PostgresBlobStore.connect(db.url, now));

  it('keeps a large blob in chunks and shows no reader, listing or other store any of it before its put commits', async () => {
    const [writer, other] = [await PostgresBlobStore.connect(db.url), await PostgresBlobStore.connect(db.url)];
    const id = randomUUID();
    const bytes = randomBytes(1_100_000);
    const upload = new PassThrough();
    const put = writer.put(id, upload);
    upload.write(bytes.subarray(0, 700_000));
    // Once the put has read what was sent, it has claimed the id and written chunks, all inside its transaction.
    while (upload.readableLength > 0 || upload.writableLength > 0) await new Promise((resolve) => setImmediate(resolve));
    expect(await other.exists(id)).toBe(false);
    expect(await other.get(id)).toBeNull();
    const listed: string[] = [];
    for await (const blob of other.list()) listed.push(blob.id);
    expect(listed).not.toContain(id);
    // A second put of the id, from another machine, waits for the first and is refused once it commits.
    const second = other.put(id, Readable.from([Buffer.from('second')]));
    upload.end(bytes.subarray(700_000));
    await put;
    await expect(second).rejects.toBeInstanceOf(BlobExists);

    const chunks: Buffer[] = [];
    for await (const chunk of (await other.get(id))!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM blob_chunks WHERE blob_id = $1', [id]);
    await client.end();
    expect(Number(rows[0].n)).toBeGreaterThan(1);
    await Promise.all([writer.close(), other.close()]);
  });
});
