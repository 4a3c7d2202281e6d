import { ERASED, blindDocumentLabel, evidenceType } from '@cert/domain';
import type { ApplicationSummaryView, EvidenceItemView } from '@cert/contracts';
import type { EvidenceRow } from '@cert/projections';
import { identityRedactor } from '../applications/application.views';

/**
 * docs/DOMAIN.md, Blind review: a reviewer of a blind cycle sees each document as uploaded, contents included, but not
 * its file name; a link's title and address pass through the same redaction as the evidence text.
 */
export function evidenceView(row: EvidenceRow, blindFor: ApplicationSummaryView | null, erasedAt: string | null = null): EvidenceItemView {
  const base = {
    id: row.evidenceId,
    kind: row.kind,
    purpose: row.purpose,
    indicator: row.indicator,
    ordinal: row.ordinal,
    attachedAt: row.attachedAt,
    submittedAt: row.submittedAt,
    erasedAt: null,
  };
  // docs/DOMAIN.md, Erasure: the applicant's name for a file and a link went with him; what the record hashed stays.
  if (erasedAt && (row.name === ERASED || row.url === ERASED)) {
    const type = evidenceType(row.mediaType ?? '');
    return {
      ...base,
      label:
        row.kind === 'link'
          ? `Link ${row.ordinal} for ${row.indicator}`
          : blindDocumentLabel(row.ordinal, row.indicator, row.mediaType ?? '', row.size ?? 0),
      name: null,
      url: null,
      mediaType: row.mediaType,
      typeLabel: type?.label ?? row.mediaType,
      size: row.size,
      sha256: row.sha256,
      inline: false,
      href: null,
      erasedAt,
    };
  }
  if (row.kind === 'link') {
    const redact = blindFor ? identityRedactor(blindFor) : (text: string) => text;
    const url = redact(row.url ?? '');
    const title = redact(row.name ?? '');
    return {
      ...base,
      label: title || url,
      name: null,
      url,
      mediaType: null,
      typeLabel: null,
      size: null,
      sha256: null,
      inline: false,
      href: null,
    };
  }
  const type = evidenceType(row.mediaType ?? '');
  return {
    ...base,
    label: blindFor ? blindDocumentLabel(row.ordinal, row.indicator, row.mediaType ?? '', row.size ?? 0) : (row.name ?? ''),
    name: blindFor ? null : row.name,
    url: null,
    mediaType: row.mediaType,
    typeLabel: type?.label ?? row.mediaType,
    size: row.size,
    sha256: row.sha256,
    inline: type?.inline ?? false,
    href: `/applications/${row.applicationId}/evidence/${row.evidenceId}`,
  };
}
