import type { EvidencePurpose } from '@cert/domain';

/**
 * One document or link given as evidence for an indicator (docs/DOMAIN.md, Evidence), as the caller may see it. Under
 * blind review a reviewer gets no file name: `name` is null and `label` reads "Document 2 for EC1.Leaders3 (PDF, 1.2 MB)".
 */
export type EvidenceItemView = {
  id: string;
  kind: 'document' | 'link';
  purpose: EvidencePurpose;
  indicator: string;
  /** Its place among the indicator's documents (or links) of the same submission, from 1. */
  ordinal: number;
  /** What to show: the file name, the link's title (or its address), or the blind label. */
  label: string;
  /** The file name as uploaded (made safe); null for links and for a blind reviewer. */
  name: string | null;
  /** Documents: the type decided from the content, what people call it, its size and SHA-256. Null for links. */
  mediaType: string | null;
  typeLabel: string | null;
  size: number | null;
  sha256: string | null;
  /** Documents: shown in the browser (PDF, images) rather than only downloaded. */
  inline: boolean;
  /** Links: the address. */
  url: string | null;
  attachedAt: string;
  /** When the assessment or progress update it went with was submitted; null while it is being prepared. */
  submittedAt: string | null;
  /** Documents: where to open it (`?download=1` to save it instead); null once erased. */
  href: string | null;
  /**
   * When the applicant's personal data was erased, taking this document's content and name (or this link) with it;
   * its type, size and SHA-256 stay in the record. Null while it reads.
   */
  erasedAt: string | null;
};

/** What the upload form says before anything is sent: the limits in force and what reviewers will see. */
export type EvidencePolicyView = {
  version: string;
  maxFileBytes: number;
  maxApplicationBytes: number;
  maxItemsPerIndicator: number;
  /** Bytes the application's documents hold now, of `maxApplicationBytes`. */
  usedBytes: number;
  types: { mediaType: string; label: string; extensions: string[] }[];
  /** The cycle is reviewed blind: reviewers see the documents as uploaded, contents included, but not their file names. */
  blindReview: boolean;
};

/** A link to add as evidence. */
export type AddEvidenceLinkRequest = { purpose: EvidencePurpose; indicator: string; url: string; title?: string };

/** An evidence document or link added: the write's result, and the id it was given. */
export type EvidenceResult = { applicationId: string; version: number; position: string | null; events: string[]; evidenceId: string };
