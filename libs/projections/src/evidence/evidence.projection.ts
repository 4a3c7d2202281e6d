import type { Database } from 'better-sqlite3';
import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { Projection } from '../projection';

/**
 * docs/DOMAIN.md, Evidence: every document and link given as evidence, one row each, in the order given; a removed or
 * replaced one leaves. `content_key` is the document's key as the event holds it, sealed under the applicant's key
 * (libs/privacy/src/document-cipher.ts): nothing here opens a document without the key store.
 */
export const evidenceProjection: Projection = {
  name: 'evidence',
  version: 1,
  schema: [
    `CREATE TABLE IF NOT EXISTS evidence_item (
      application_id TEXT NOT NULL,
      evidence_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      purpose TEXT NOT NULL,
      indicator TEXT NOT NULL,
      kind TEXT NOT NULL,
      name TEXT,
      url TEXT,
      media_type TEXT,
      size INTEGER,
      sha256 TEXT,
      content_key TEXT,
      attached_at TEXT NOT NULL,
      submitted_at TEXT,
      PRIMARY KEY (application_id, evidence_id)
    )`,
    'CREATE INDEX IF NOT EXISTS evidence_item_order ON evidence_item (application_id, seq)',
  ],
  tables: ['evidence_item'],
  handles: ['EvidenceDocumentAttached', 'EvidenceLinkAdded', 'EvidenceRemoved', 'AssessmentSubmitted', 'ProgressUpdateSubmitted'],
  apply(db: Database, recorded: RecordedEvent) {
    const event = recorded as unknown as ApplicationEvent;
    const id = event.data.applicationId;
    const insert = (row: (string | number | null)[]) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO evidence_item
           (application_id, evidence_id, seq, purpose, indicator, kind, name, url, media_type, size, sha256, content_key, attached_at, submitted_at)
           VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM evidence_item WHERE application_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        )
        .run(id, row[0], id, ...row.slice(1));
    const remove = (evidenceId: string) =>
      db.prepare('DELETE FROM evidence_item WHERE application_id = ? AND evidence_id = ?').run(id, evidenceId);
    const submit = (purpose: string, at: string) =>
      db
        .prepare('UPDATE evidence_item SET submitted_at = ? WHERE application_id = ? AND purpose = ? AND submitted_at IS NULL')
        .run(at, id, purpose);
    switch (event.type) {
      case 'EvidenceDocumentAttached': {
        const { purpose, indicator, document: d, replaces, attachedAt } = event.data;
        if (replaces) remove(replaces);
        insert([d.documentId, purpose, indicator, 'document', d.name, null, d.mediaType, d.size, d.sha256, d.contentKey, attachedAt]);
        return;
      }
      case 'EvidenceLinkAdded': {
        const { purpose, indicator, link, addedAt } = event.data;
        insert([link.linkId, purpose, indicator, 'link', link.title, link.url, null, null, null, null, addedAt]);
        return;
      }
      case 'EvidenceRemoved':
        remove(event.data.evidenceId);
        return;
      case 'AssessmentSubmitted':
        submit('assessment', event.data.submittedAt);
        return;
      case 'ProgressUpdateSubmitted':
        submit('progress', event.data.submittedAt);
        return;
    }
  },
};
