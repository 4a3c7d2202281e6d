import { EvidencePolicy, CURRENT_EVIDENCE_POLICY, evidenceType, sizeInWords } from './evidence-policy';

// Bidirectional overrides and isolates, and the marks that steer them: "report\u202Efdp.exe" shows as "reportexe.pdf".
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Control and format characters other than the bidi ones (zero-width joiners, byte-order marks, C0/C1 controls).
const CONTROLS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// Characters no common file system takes in a name, and quotes that would end a header's quoted string.
const RESERVED = /["*:<>?|\\/]/g;

/**
 * docs/DOMAIN.md, Evidence: a file name as given by a browser or a client, made safe to store, show and send back in a
 * Content-Disposition header: only its last path segment, no control or direction-changing characters, no characters
 * file systems refuse, no leading dots (hidden files, `..`), at most `maxNameLength` characters with its ending kept.
 * Never empty: a name with nothing left reads "document".
 */
export function sanitizeFileName(raw: string, policy: EvidencePolicy = CURRENT_EVIDENCE_POLICY): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(BIDI, '')
    .replace(CONTROLS, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const name = cleaned || 'document';
  const chars = [...name];
  if (chars.length <= policy.maxNameLength) return name;
  const dot = name.lastIndexOf('.');
  const ending = dot > 0 && name.length - dot <= 10 ? [...name.slice(dot)] : [];
  return (
    chars
      .slice(0, policy.maxNameLength - ending.length)
      .join('')
      .trimEnd() + ending.join('')
  ).trim();
}

/** The name a download is offered under: the stored name, with the ending of its real type added when it has none of them. */
export function downloadName(name: string, mediaType: string, policy: EvidencePolicy = CURRENT_EVIDENCE_POLICY): string {
  const type = evidenceType(mediaType, policy);
  if (!type) return name;
  const lower = name.toLowerCase();
  return type.extensions.some((e) => lower.endsWith(e)) ? name : `${name}${type.extensions[0]}`;
}

/**
 * docs/DOMAIN.md, Blind review: what a reviewer of a blind cycle reads instead of a file name, "Document 2 for
 * EC1.Leaders3 (PDF, 1.2 MB)", and the name its download is offered under.
 */
export function blindDocumentLabel(ordinal: number, indicator: string, mediaType: string, size: number): string {
  return `Document ${ordinal} for ${indicator} (${evidenceType(mediaType)?.label ?? mediaType}, ${sizeInWords(size)})`;
}

export function blindDownloadName(ordinal: number, indicator: string, mediaType: string): string {
  return downloadName(`${indicator} document ${ordinal}`, mediaType);
}
