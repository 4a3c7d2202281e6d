/**
 * docs/DOMAIN.md, Evidence: what an applicant may attach as evidence, as data. A change of a number is a new version of
 * this table; the version in force is recorded on every document event, so a refusal can be explained later.
 */
export type EvidenceType = {
  /** The media type the content is served with, decided from the file's bytes, never from its name. */
  mediaType: string;
  /** What people call it: "PDF", "Word document". */
  label: string;
  /** File name endings that belong to it; the first is added to a download name that has none of them. */
  extensions: readonly string[];
  /** Shown in the browser (PDF and images); everything else is offered as a download. */
  inline: boolean;
};

export type EvidencePolicy = {
  version: string;
  /** Bytes a single file may hold. */
  maxFileBytes: number;
  /** Bytes all the documents of one application may hold together, every year's progress updates included. */
  maxApplicationBytes: number;
  /** Documents and links together, per indicator, in one assessment or progress update. */
  maxItemsPerIndicator: number;
  /** Characters of a file name, after it is made safe; longer names are shortened, keeping their ending. */
  maxNameLength: number;
  maxLinkLength: number;
  maxLinkTitleLength: number;
  /** The allow-list: anything whose bytes say otherwise is refused (SVG, HTML, scripts, archives, executables). */
  types: readonly EvidenceType[];
  /**
   * Hours a stored file that no event names is kept before the work side's sweep deletes it: long enough for any
   * upload still streaming to reach its event, short enough that a crash between file and event leaves nothing for long.
   */
  orphanGraceHours: number;
};

const MB = 1024 * 1024;

export const evidencePolicyV1: EvidencePolicy = {
  version: 'evidence-policy.v1',
  maxFileBytes: 20 * MB,
  maxApplicationBytes: 200 * MB,
  maxItemsPerIndicator: 20,
  orphanGraceHours: 24,
  maxNameLength: 120,
  maxLinkLength: 2000,
  maxLinkTitleLength: 200,
  types: [
    { mediaType: 'application/pdf', label: 'PDF', extensions: ['.pdf'], inline: true },
    { mediaType: 'image/png', label: 'PNG image', extensions: ['.png'], inline: true },
    { mediaType: 'image/jpeg', label: 'JPEG image', extensions: ['.jpg', '.jpeg'], inline: true },
    { mediaType: 'image/gif', label: 'GIF image', extensions: ['.gif'], inline: true },
    { mediaType: 'image/webp', label: 'WebP image', extensions: ['.webp'], inline: true },
    {
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      label: 'Word document',
      extensions: ['.docx'],
      inline: false,
    },
    {
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      label: 'Excel spreadsheet',
      extensions: ['.xlsx'],
      inline: false,
    },
    {
      mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      label: 'PowerPoint presentation',
      extensions: ['.pptx'],
      inline: false,
    },
    { mediaType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument text', extensions: ['.odt'], inline: false },
    { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument spreadsheet', extensions: ['.ods'], inline: false },
    {
      mediaType: 'application/vnd.oasis.opendocument.presentation',
      label: 'OpenDocument presentation',
      extensions: ['.odp'],
      inline: false,
    },
    { mediaType: 'text/plain', label: 'text file', extensions: ['.txt'], inline: false },
    { mediaType: 'text/csv', label: 'CSV file', extensions: ['.csv'], inline: false },
  ],
};

export const EVIDENCE_POLICIES: Readonly<Record<string, EvidencePolicy>> = { [evidencePolicyV1.version]: evidencePolicyV1 };
export const CURRENT_EVIDENCE_POLICY = evidencePolicyV1;

export const evidenceType = (mediaType: string, policy: EvidencePolicy = CURRENT_EVIDENCE_POLICY): EvidenceType | undefined =>
  policy.types.find((t) => t.mediaType === mediaType);

/** "what you may upload" in one line, for refusals and the upload form: "PDF, PNG image, …, CSV file". */
export const allowedTypesInWords = (policy: EvidencePolicy = CURRENT_EVIDENCE_POLICY) => policy.types.map((t) => t.label).join(', ');

const UNITS = ['kB', 'MB', 'GB'] as const;

/**
 * "1.2 MB", "340 kB", "12 bytes": sizes as people read them, in binary units (1 kB = 1024 bytes) like the policy's
 * limits, so a file of exactly the limit reads "20 MB" in the refusal and the list alike; one decimal under 10. The unit
 * is chosen after rounding, so 1,048,575 bytes read "1 MB", never "1024 kB".
 */
export const sizeInWords = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  let value = bytes / 1024;
  for (const [i, unit] of UNITS.entries()) {
    const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
    if (rounded < 1024 || i === UNITS.length - 1) return `${rounded} ${unit}`;
    value /= 1024;
  }
  return `${bytes} bytes`;
};

/** A policy's byte limits as people read them ("20 MB"): the same binary units as every other size. */
export const limitInWords = (bytes: number): string => sizeInWords(bytes);
