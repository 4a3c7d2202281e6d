import type { Readable } from 'node:stream';

/** What a put stored: the bytes as kept, counted and hashed while they streamed through. */
export type StoredBlob = { size: number; sha256: string };

/** A blob as a listing names it: its id, and when it was stored by the engine's clock (ISO-8601 UTC). */
export type ListedBlob = { id: string; storedAt: string };

/**
 * Large binary content kept beside the log (docs/ARCHITECTURE.md, Blob store rules): evidence documents, already
 * encrypted by their owner's key when they arrive here. Addressed by an id the caller chooses (a document id), so the
 * log's event names its blob and nothing is shared between owners. An abstract class so it doubles as the DI token.
 *
 * The contract (testing/blob-store.contract.ts): a put is all or nothing (a failed or aborted stream leaves no blob,
 * and a reader never sees half a blob); a second put of an id that exists is refused; get of an unknown id is null;
 * delete is idempotent; list names every whole blob with the time of its put (by the clock the store was opened with).
 */
export abstract class BlobStore {
  /** Streams `content` in under `id`; rejects, keeping nothing, when the stream fails or the id is taken. */
  abstract put(id: string, content: Readable): Promise<StoredBlob>;
  /** The stored bytes, or null when there is no blob by that id. */
  abstract get(id: string): Promise<Readable | null>;
  abstract exists(id: string): Promise<boolean>;
  /** Removes the blob; true when there was one. */
  abstract delete(id: string): Promise<boolean>;
  /** Every whole blob, in no particular order (a put under way is not listed): for the orphan sweep. */
  abstract list(): AsyncIterable<ListedBlob>;
  abstract close(): Promise<void>;
}

/** Blob ids are chosen by the engine (uuids); anything else would be a path in some adapter. */
export const BLOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class BlobExists extends Error {
  constructor(readonly id: string) {
    super(`a blob ${id} is already stored`);
  }
}
