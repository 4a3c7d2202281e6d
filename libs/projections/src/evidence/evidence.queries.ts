import type { Database } from 'better-sqlite3';
import { EvidencePurpose } from '@cert/domain';

/** A row of the evidence read model, as the api shapes it for each reader (apps/api/src/evidence). */
export type EvidenceRow = {
  applicationId: string;
  evidenceId: string;
  purpose: EvidencePurpose;
  indicator: string;
  kind: 'document' | 'link';
  /** The file name, or the link's title. */
  name: string | null;
  url: string | null;
  mediaType: string | null;
  size: number | null;
  sha256: string | null;
  contentKey: string | null;
  attachedAt: string;
  submittedAt: string | null;
  /** Its place among the same indicator's items of its kind in the same submission (or draft), from 1. */
  ordinal: number;
};

const SELECT = `SELECT application_id AS applicationId, evidence_id AS evidenceId, purpose, indicator, kind, name, url,
  media_type AS mediaType, size, sha256, content_key AS contentKey, attached_at AS attachedAt, submitted_at AS submittedAt,
  ROW_NUMBER() OVER (PARTITION BY application_id, purpose, indicator, kind, COALESCE(submitted_at, '') ORDER BY seq) AS ordinal
  FROM evidence_item WHERE application_id = ?`;

/** Every document and link of an application, in the order given. */
export const listEvidence = (db: Database, applicationId: string): EvidenceRow[] =>
  db.prepare(`${SELECT} ORDER BY seq`).all(applicationId) as EvidenceRow[];

export const getEvidence = (db: Database, applicationId: string, evidenceId: string): EvidenceRow | null =>
  listEvidence(db, applicationId).find((r) => r.evidenceId === evidenceId) ?? null;

/** Bytes the application's documents hold now: what counts against its total. */
export const evidenceBytes = (db: Database, applicationId: string): number =>
  (db.prepare('SELECT COALESCE(SUM(size), 0) FROM evidence_item WHERE application_id = ?').pluck().get(applicationId) as number) ?? 0;
