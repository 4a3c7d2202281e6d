import { CommandMeta } from '../../decider';
import { InvalidState, NotFound, RuleViolation, TooLarge, UnsupportedType } from '../../errors';
import { CURRENT_EVIDENCE_POLICY, allowedTypesInWords, evidenceType, limitInWords, sizeInWords } from '../../evidence/evidence-policy';
import { findIndicator, rubricByVersion } from '../../rubric/rubric-catalog';
import { AddEvidenceLink, AttachEvidenceDocument, RemoveEvidence } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, EvidenceItem, OpenApplication } from '../application.state';
import { EvidencePurpose } from '../application.types';
import { requireBeforeDeadline } from './assessment';
import { pins, requireApplicant, requireOpen, requireStatus } from './guards';
import { requireProgressWindow } from './progress';
import { preparing } from './submitted-evidence';

const policy = CURRENT_EVIDENCE_POLICY;

/** Evidence is added and removed while its assessment or update is being prepared, by the leader, under the same rules as its draft. */
const requirePreparing = (app: OpenApplication, purpose: EvidencePurpose, meta: CommandMeta) => {
  requireApplicant(meta.actor, app);
  if (purpose === 'assessment') {
    requireStatus(app, ['AwaitingAssessment'], 'assessment.not_open');
    requireBeforeDeadline(app, meta.now);
  } else {
    requireProgressWindow(app, meta.now);
  }
};

const requireIndicator = (app: OpenApplication, indicator: string) => {
  if (!findIndicator(rubricByVersion(app.rubricVersion), indicator))
    throw new RuleViolation('evidence.unknown_indicator', `${indicator} is not an indicator of ${app.rubricVersion}`, { indicator });
};

/**
 * docs/DOMAIN.md, Evidence: how many bytes one more document for this indicator may hold, or the refusal that stops it
 * before any byte is read. The upload streams against this limit; the decider checks it again when the document is
 * attached, so two uploads at once cannot both slip under it.
 */
export const evidenceAllowance = (
  state: Application,
  request: { purpose: EvidencePurpose; indicator: string; replaces?: string },
  meta: CommandMeta,
): { maxBytes: number; limitedBy: 'file' | 'application' } => {
  const app = requireOpen(state);
  requirePreparing(app, request.purpose, meta);
  requireIndicator(app, request.indicator);
  const replaced = request.replaces ? requireReplaceable(app, request.purpose, request.replaces) : undefined;
  const onIndicator = preparing(app, request.purpose).filter((i) => i.indicator === request.indicator && i.id !== replaced?.id);
  if (onIndicator.length >= policy.maxItemsPerIndicator) {
    throw new RuleViolation(
      'evidence.too_many_items',
      `${request.indicator} already has ${policy.maxItemsPerIndicator} documents and links, the most one indicator may have: remove one first`,
      { indicator: request.indicator, limit: policy.maxItemsPerIndicator },
    );
  }
  const used = (app.evidence ?? []).filter((i) => i.id !== replaced?.id).reduce((sum, i) => sum + i.size, 0);
  const left = policy.maxApplicationBytes - used;
  if (left <= 0) throw applicationFull(used);
  return left < policy.maxFileBytes ? { maxBytes: left, limitedBy: 'application' } : { maxBytes: policy.maxFileBytes, limitedBy: 'file' };
};

/** The refusal of a document over the application's total (413). */
export const applicationFull = (used: number) =>
  new TooLarge(
    'evidence.application_full',
    `this application's documents may hold ${limitInWords(policy.maxApplicationBytes)} together and already hold ${sizeInWords(used)}: remove or replace a document, or upload a smaller file`,
    { limit: policy.maxApplicationBytes, used },
  );

/** The refusal of a file over the limit for one file (413). */
export const fileTooLarge = () =>
  new TooLarge(
    'evidence.file_too_large',
    `a file may be at most ${limitInWords(policy.maxFileBytes)}: upload a smaller file, or split it`,
    {
      limit: policy.maxFileBytes,
    },
  );

/** The refusal of content whose bytes are not of an allowed type (415), whatever its name or declared type. */
export const typeNotAllowed = (detected: string | null) =>
  new UnsupportedType(
    'evidence.type_not_allowed',
    `${detected ? `this file is ${detected}, which` : 'the type of this file'} cannot be attached as evidence: upload one of ${allowedTypesInWords(policy)} (the type is read from the file's contents, not its name)`,
    { detected, allowed: policy.types.map((t) => t.mediaType) },
  );

const requireReplaceable = (app: OpenApplication, purpose: EvidencePurpose, id: string): EvidenceItem => {
  const item = (app.evidence ?? []).find((i) => i.id === id);
  if (!item) throw new NotFound('evidence', id);
  if (item.submitted || item.purpose !== purpose) {
    throw new InvalidState(
      'evidence.already_submitted',
      app.status,
      { evidenceId: id },
      'this evidence was submitted and is part of the record',
    );
  }
  return item;
};

export const attachEvidenceDocument = ({ data, metadata }: AttachEvidenceDocument, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  const { document, purpose, indicator, replaces } = data;
  if ((app.evidence ?? []).some((i) => i.id === document.documentId)) return [];
  const { maxBytes, limitedBy } = evidenceAllowance(app, { purpose, indicator, replaces }, metadata);
  if (!evidenceType(document.mediaType, policy)) throw typeNotAllowed(document.mediaType);
  if (document.size <= 0) throw new RuleViolation('evidence.empty_file', 'the file is empty: choose the file again, or another one');
  if (document.size > maxBytes) {
    throw limitedBy === 'file' ? fileTooLarge() : applicationFull(policy.maxApplicationBytes - maxBytes);
  }
  const event = {
    ...pins(app),
    purpose,
    indicator,
    document: { ...document, policyVersion: policy.version },
    ...(replaces ? { replaces } : {}),
    attachedBy: metadata.actor.id,
    attachedAt: metadata.now,
  };
  return [{ type: 'EvidenceDocumentAttached', data: event }];
};

const LINK = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

export const addEvidenceLink = ({ data, metadata }: AddEvidenceLink, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  const { purpose, indicator } = data;
  if ((app.evidence ?? []).some((i) => i.id === data.link.linkId)) return [];
  evidenceAllowance(app, { purpose, indicator }, metadata);
  const url = data.link.url.trim();
  const title = data.link.title.trim();
  if (!LINK.test(url) || url.length > policy.maxLinkLength) {
    throw new RuleViolation(
      'evidence.invalid_link',
      `enter a web address that starts with https:// or http://, at most ${policy.maxLinkLength} characters`,
      {},
    );
  }
  if (title.length > policy.maxLinkTitleLength) {
    throw new RuleViolation('evidence.invalid_link', `a link's title may be at most ${policy.maxLinkTitleLength} characters`, {});
  }
  const link = { linkId: data.link.linkId, url, title };
  return [
    { type: 'EvidenceLinkAdded', data: { ...pins(app), purpose, indicator, link, addedBy: metadata.actor.id, addedAt: metadata.now } },
  ];
};

export const removeEvidence = ({ data, metadata }: RemoveEvidence, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  const item = (app.evidence ?? []).find((i) => i.id === data.evidenceId);
  // Removed already (a repeated request), or never there: nothing to do either way, and nothing to tell apart.
  if (!item) return [];
  requireReplaceable(app, item.purpose, item.id);
  requirePreparing(app, item.purpose, metadata);
  const removed = { purpose: item.purpose, indicator: item.indicator, evidenceId: item.id, kind: item.kind };
  return [{ type: 'EvidenceRemoved', data: { ...pins(app), ...removed, removedBy: metadata.actor.id, removedAt: metadata.now } }];
};
