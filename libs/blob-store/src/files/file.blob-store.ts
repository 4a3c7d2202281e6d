import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BLOB_ID, BlobExists, BlobStore, ListedBlob, StoredBlob } from '../blob-store';

/**
 * The embedded adapter: one file per blob under a directory (BLOB_DIR, by default `documents` under DATA_DIR), in
 * folders named by the id's first two characters so no folder grows past a few thousand files. A put writes a
 * temporary file, fsyncs it and renames it into place (a reader sees a whole blob or none), so a crash mid-put leaves
 * only a temporary file, removed at the next open. A blob's modification time is set to the engine's clock at its put,
 * so the orphan sweep measures its grace by the same clock as every deadline.
 */
export class FileBlobStore extends BlobStore {
  private constructor(
    private readonly dir: string,
    private readonly now: () => Date,
  ) {
    super();
  }

  static async open(dir: string, now: () => Date = () => new Date()): Promise<FileBlobStore> {
    await fs.mkdir(join(dir, 'tmp'), { recursive: true });
    for (const name of await fs.readdir(join(dir, 'tmp'))) await fs.rm(join(dir, 'tmp', name), { force: true });
    return new FileBlobStore(dir, now);
  }

  private pathOf(id: string): string {
    if (!BLOB_ID.test(id)) throw new Error(`not a blob id: ${JSON.stringify(id)}`);
    return join(this.dir, id.slice(0, 2), id);
  }

  async put(id: string, content: Readable): Promise<StoredBlob> {
    const target = this.pathOf(id);
    if (await this.exists(id)) {
      content.destroy();
      throw new BlobExists(id);
    }
    const temporary = join(this.dir, 'tmp', `${id}.${randomUUID()}`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, measure, createWriteStream(temporary, { flags: 'wx' }));
      const handle = await fs.open(temporary, 'r+');
      const storedAt = this.now();
      await handle
        .utimes(storedAt, storedAt)
        .then(() => handle.sync())
        .finally(() => handle.close());
      await fs.mkdir(join(this.dir, id.slice(0, 2)), { recursive: true });
      // link() refuses an existing target, where rename() would replace it: two puts of one id cannot both win.
      await fs.link(temporary, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new BlobExists(id) : error;
      });
    } finally {
      await fs.rm(temporary, { force: true });
    }
    return { size, sha256: hash.digest('hex') };
  }

  async get(id: string): Promise<Readable | null> {
    const path = this.pathOf(id);
    if (!(await this.exists(id))) return null;
    // Deleted between the check and the open: the stream errors, as a read cut off would.
    return createReadStream(path);
  }

  async exists(id: string): Promise<boolean> {
    return fs.access(this.pathOf(id)).then(
      () => true,
      () => false,
    );
  }

  async delete(id: string): Promise<boolean> {
    try {
      await fs.unlink(this.pathOf(id));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<ListedBlob> {
    for (const folder of await fs.readdir(this.dir, { withFileTypes: true })) {
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
      for (const name of await fs.readdir(join(this.dir, folder.name)).catch(() => [] as string[])) {
        if (!BLOB_ID.test(name)) continue;
        // Deleted since the folder was read: not there, so not listed.
        const stat = await fs.stat(join(this.dir, folder.name, name)).catch(() => null);
        if (stat) yield { id: name, storedAt: stat.mtime.toISOString() };
      }
    }
  }

  async close(): Promise<void> {}
}
