import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { itBehavesLikeABlobStore } from '../testing/blob-store.contract';
import { FileBlobStore } from './file.blob-store';

describe('FileBlobStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blobs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itBehavesLikeABlobStore((now) => FileBlobStore.open(dir, now));

  it('leaves no temporary file behind, whether a put succeeds or fails', async () => {
    const store = await FileBlobStore.open(dir);
    await store.put(randomUUID(), Readable.from([Buffer.from('kept')]));
    const broken = new Readable({
      read() {
        this.destroy(new Error('cut'));
      },
    });
    await expect(store.put(randomUUID(), broken)).rejects.toThrow('cut');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });
});
