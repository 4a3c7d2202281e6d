import { GoneException, Injectable, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  Actor,
  EvidencePurpose,
  NotFound,
  applicationDecider,
  applicationStream,
  blindDownloadName,
  subjectStream,
  downloadName,
  evidenceAllowance,
  evidenceType,
  findIndicator,
  rubricByVersion,
} from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { BlobStore } from '@cert/blob-store';
import { SubjectKeys, decryptDocument, emailSubject } from '@cert/privacy';
import { DecideApplicationCommand } from '@cert/commands';
import { ReadDb, getEvidence } from '@cert/projections';
import type { CommandResult, EvidenceResult } from '@cert/contracts';
import { FieldErrors } from '../http/validation';
import type { Grant } from '../auth/access-policy';
import { receiveDocument } from './evidence-upload';

/**
 * Served documents can run nothing in the app's origin: no script, no plugin but the browser's PDF viewer, no form, and
 * an opaque origin (sandbox); images may load their own bytes; only the app itself may frame them for a preview.
 */
const DOCUMENT_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** RFC 6266 with an RFC 8187 UTF-8 name beside a plain ASCII one for old clients; the name is already safe (sanitizeFileName). */
export const contentDisposition = (kind: 'inline' | 'attachment', name: string) => {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

/** 410: the document went with its applicant's personal data; saying so tells the reader it is not a fault. */
const erasedDocument = (erasedAt: string) =>
  new GoneException({
    code: 'evidence.erased',
    message: `This document was erased on ${erasedAt.slice(0, 10)} at ${erasedAt.slice(11, 16)} UTC with its applicant's personal data; its type, size and SHA-256 stay in the record.`,
  });

/** docs/DOMAIN.md, Evidence: uploads, links, removals and downloads of evidence; the controller only routes to these. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly store: EventStore,
    private readonly blobs: BlobStore,
    private readonly keys: SubjectKeys,
    private readonly clock: Clock,
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
  ) {}

  private async state(applicationId: string) {
    const { events } = await this.store.readStream(applicationStream(applicationId));
    const state = events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    if (state.status === 'None') throw new NotFound('application', applicationId);
    return state;
  }

  async upload(
    applicationId: string,
    target: { purpose: EvidencePurpose; indicator: string; replaces?: string },
    actor: Actor,
    request: Request,
    expectedVersion?: number,
  ): Promise<EvidenceResult> {
    const state = await this.state(applicationId);
    if (!findIndicator(rubricByVersion(state.rubricVersion), target.indicator)) {
      throw new FieldErrors([{ field: 'indicator', messages: [`Choose an indicator of the IC Map: ${target.indicator} is not one`] }]);
    }
    // Refused before a byte is read when the draft is closed, the indicator full or the application's total reached.
    const allowance = evidenceAllowance(state, target, { actor, now: this.clock.now().toISOString() });
    const usedBytes = (state.evidence ?? []).reduce((sum, i) => sum + i.size, 0);
    const { document } = await receiveDocument(request, {
      ...allowance,
      usedBytes,
      blobs: this.blobs,
      keys: this.keys,
      subjectId: emailSubject(this.keys, state.applicantEmail),
    });
    try {
      const body = { type: 'AttachEvidenceDocument' as const, data: { ...target, document } };
      const result = await this.commands.execute(new DecideApplicationCommand(applicationId, body, actor, expectedVersion));
      if (target.replaces) await this.blobs.delete(target.replaces);
      return { ...result, evidenceId: document.documentId };
    } catch (error) {
      // Refused after all (the draft closed, or another upload took the room meanwhile): nothing stays stored.
      await this.blobs.delete(document.documentId);
      throw error;
    }
  }

  async remove(applicationId: string, evidenceId: string, actor: Actor, expectedVersion?: number): Promise<CommandResult> {
    const body = { type: 'RemoveEvidence' as const, data: { evidenceId } };
    const result = await this.commands.execute(new DecideApplicationCommand(applicationId, body, actor, expectedVersion));
    // docs/DOMAIN.md, Evidence: a document removed from a draft was never part of the record; its file goes.
    if (result.events.includes('EvidenceRemoved')) await this.blobs.delete(evidenceId);
    return result;
  }

  async open(applicationId: string, evidenceId: string, grant: Grant, download: boolean, response: Response): Promise<StreamableFile> {
    const row = getEvidence(this.readDb.db, applicationId, evidenceId);
    if (!row || row.kind !== 'document' || !row.contentKey || !row.mediaType) throw new NotFound('evidence', evidenceId);
    // A reviewer asked only to confirm a progress update does not read the self-assessment's documents.
    if (grant.standing === 'confirmer' && row.purpose !== 'progress') throw new NotFound('evidence', evidenceId);
    const decipher = await decryptDocument(this.keys, row.contentKey);
    if (!decipher) {
      const erasedAt = await this.erasedAt(applicationId);
      if (erasedAt) throw erasedDocument(erasedAt);
      throw new NotFound('evidence', evidenceId);
    }
    const stored = await this.blobs.get(evidenceId);
    if (!stored) throw new NotFound('evidence', evidenceId);
    const type = evidenceType(row.mediaType);
    const blind = grant.blind && grant.actor.role === 'reviewer';
    const name = blind ? blindDownloadName(row.ordinal, row.indicator, row.mediaType) : downloadName(row.name ?? 'document', row.mediaType);
    const inline = !download && (type?.inline ?? false);
    response.setHeader('Content-Security-Policy', DOCUMENT_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    response.setHeader('Digest', `sha-256=${Buffer.from(row.sha256 ?? '', 'hex').toString('base64')}`);
    const mediaType = row.mediaType.startsWith('text/') ? `${row.mediaType}; charset=utf-8` : row.mediaType;
    stored.on('error', (error) => decipher.destroy(error));
    return new StreamableFile(stored.pipe(decipher), {
      type: mediaType,
      length: row.size ?? undefined,
      disposition: contentDisposition(inline ? 'inline' : 'attachment', name),
    });
  }

  /**
   * When the application's applicant was erased (docs/DOMAIN.md, Erasure), from the log: the subject its events name
   * in their metadata, and that subject's SubjectErased. Null while he is not.
   */
  async erasedAt(applicationId: string): Promise<string | null> {
    const { events } = await this.store.readStream(applicationStream(applicationId));
    const subject = events
      .map((e) => (e.metadata.dataSubjects as { applicant?: string } | undefined)?.applicant)
      .find((s): s is string => typeof s === 'string');
    if (!subject) return null;
    const erased = (await this.store.readStream(subjectStream(subject))).events.find((e) => e.type === 'SubjectErased');
    return erased ? (erased.data as { erasedAt: string }).erasedAt : null;
  }

  usedBytes(applicationId: string) {
    return this.state(applicationId).then((s) => (s.evidence ?? []).reduce((sum, i) => sum + i.size, 0));
  }
}
