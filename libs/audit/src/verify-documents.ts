import { createHash } from 'node:crypto';
import type { BlobStore } from '@cert/blob-store';
import type { EventLog, RecordedEvent } from '@cert/event-store';
import type { DocumentProblem, DocumentsVerdict } from '@cert/contracts';

const PAGE = 1000;

type Attached = {
  documentId: string;
  applicationId: string;
  indicator: string;
  stored: { size: number; sha256: string };
  subject: string | null;
  event: RecordedEvent;
};

const hashOf = async (stream: NodeJS.ReadableStream): Promise<{ size: number; sha256: string }> => {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
};

/**
 * docs/DOMAIN.md, What auditors need: every evidence document the log still holds is in the blob store, byte for byte
 * as stored, so the hash chain (which covers each document's stored hash and size) covers the documents too. Reads the
 * log as stored and the blobs as stored: no key is needed. A document removed from a draft, or whose applicant was
 * erased after it was attached, is expected to be gone. With `streamId`, only that application's documents.
 */
export async function verifyDocuments(log: EventLog, blobs: BlobStore, streamId?: string): Promise<DocumentsVerdict> {
  const attached = new Map<string, Attached>();
  const removed = new Set<string>();
  const erasedAfter = new Map<string, string>(); // document id → the erasure's position
  let checkpoint: string | null = null;
  for (;;) {
    const page = await log.readAll(checkpoint, PAGE, { links: false });
    for (const e of page) {
      const data = e.data as Record<string, unknown>;
      if (e.type === 'EvidenceDocumentAttached' && (!streamId || e.streamId === streamId)) {
        const d = data.document as { documentId: string; stored: { size: number; sha256: string } };
        const subject = (e.metadata.dataSubjects as { applicant?: string } | undefined)?.applicant ?? null;
        attached.set(d.documentId, {
          documentId: d.documentId,
          applicationId: String(data.applicationId),
          indicator: String(data.indicator),
          stored: d.stored,
          subject,
          event: e,
        });
        if (typeof data.replaces === 'string') removed.add(data.replaces);
      } else if (e.type === 'EvidenceRemoved') {
        removed.add(String(data.evidenceId));
      } else if (e.type === 'SubjectErased') {
        const subjects = new Set(data.subjects as string[]);
        for (const doc of attached.values()) if (doc.subject && subjects.has(doc.subject)) erasedAfter.set(doc.documentId, e.position);
      }
    }
    if (page.length < PAGE) break;
    checkpoint = page[page.length - 1].position;
  }

  const problems: DocumentProblem[] = [];
  let checked = 0;
  let erased = 0;
  for (const doc of attached.values()) {
    if (removed.has(doc.documentId)) continue;
    if (erasedAfter.has(doc.documentId)) {
      erased++;
      continue;
    }
    checked++;
    const where = {
      documentId: doc.documentId,
      applicationId: doc.applicationId,
      indicator: doc.indicator,
      position: doc.event.position,
      eventId: doc.event.id,
    };
    const stream = await blobs.get(doc.documentId).catch(() => null);
    if (!stream) {
      problems.push({ ...where, reason: 'missing', detail: `the stored file of document ${doc.documentId} (${doc.indicator}) is missing` });
      continue;
    }
    const found = await hashOf(stream);
    if (found.sha256 !== doc.stored.sha256 || found.size !== doc.stored.size) {
      problems.push({
        ...where,
        reason: 'changed',
        detail: `the stored file of document ${doc.documentId} (${doc.indicator}) no longer matches the hash its event records: ${found.size} bytes with SHA-256 ${found.sha256}, recorded ${doc.stored.size} bytes with ${doc.stored.sha256}`,
      });
    }
  }
  return { ok: problems.length === 0, checked, erased, problems };
}
