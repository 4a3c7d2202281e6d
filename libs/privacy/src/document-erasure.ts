import type { BlobStore } from '@cert/blob-store';
import type { EventStore } from '@cert/event-store';
import type { DataSubjects } from './private.event-store';

/**
 * docs/DOMAIN.md, Erasure: the documents whose content key was sealed under one of these subjects' keys. The key is
 * gone once they are erased, so the content is unreadable already; deleting the files too leaves nothing of it on disk.
 * Found from the log (each attaching event names its applicant's subject in its metadata), so a repeat finds them again.
 */
export async function documentsOf(store: EventStore, subjects: readonly string[]): Promise<string[]> {
  const wanted = new Set(subjects);
  const found: string[] = [];
  let checkpoint: string | null = null;
  for (;;) {
    const page = await store.readAll(checkpoint, 1000, { links: false });
    for (const e of page) {
      if (e.type !== 'EvidenceDocumentAttached') continue;
      const subject = (e.metadata.dataSubjects as DataSubjects | undefined)?.applicant;
      if (subject && wanted.has(subject)) found.push((e.data as { document: { documentId: string } }).document.documentId);
    }
    if (page.length < 1000) return found;
    checkpoint = page[page.length - 1].position;
  }
}

/** Deletes the stored files of those documents; returns how many were still there. */
export async function deleteDocumentsOf(store: EventStore, blobs: BlobStore, subjects: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const id of await documentsOf(store, subjects)) if (await blobs.delete(id)) deleted++;
  return deleted;
}
