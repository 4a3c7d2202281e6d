import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Actor, CURRENT_EVIDENCE_POLICY, ERASED, cycleOf } from '@cert/domain';
import { DecideApplicationCommand } from '@cert/commands';
import { CommandBus } from '@nestjs/cqrs';
import { ReadDb, getApplication, isBlindReview, listEvidence } from '@cert/projections';
import type { EvidencePolicyView } from '@cert/contracts';
import { Access } from '../auth/access.decorators';
import type { Grant } from '../auth/access-policy';
import { CurrentActor } from '../auth/actor.decorator';
import { CurrentGrant } from '../auth/grant.decorator';
import { ExpectedVersion } from '../http/expected-version.decorator';
import { Operation } from '../http/operation.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { AddEvidenceLinkDto, DocumentQueryDto, EvidenceUploadQueryDto } from './evidence.dto';
import { EvidenceService } from './evidence.service';
import { evidenceView } from './evidence.views';

/** docs/DOMAIN.md, Evidence: documents and links per indicator, for the self-assessment and the yearly progress update. */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('applications/:id/evidence')
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
  ) {}

  @Get()
  @Access('application.evidence.read')
  @Operation(
    'List the evidence documents and links per indicator (file names withheld from reviewers of a blind cycle; erased ones say when)',
    ['EvidenceItemView'],
  )
  async list(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentGrant() grant: Grant) {
    const app = getApplication(this.readDb.db, id) ?? grant.application!;
    const blindFor = grant.blind && grant.actor.role === 'reviewer' ? app : null;
    const rows = listEvidence(this.readDb.db, id);
    // Only a list with an erased name or link asks the log when the erasure was.
    const erasedAt = rows.some((r) => r.name === ERASED || r.url === ERASED) ? await this.evidence.erasedAt(id) : null;
    return rows.map((row) => evidenceView(row, blindFor, erasedAt));
  }

  @Get('policy')
  @Access('application.evidence.write')
  @Operation('What may be uploaded as evidence, how much room is left, and what reviewers will see', 'EvidencePolicyView')
  async policy(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() _query: ReadQueryDto,
    @CurrentGrant() grant: Grant,
  ): Promise<EvidencePolicyView> {
    const p = CURRENT_EVIDENCE_POLICY;
    return {
      version: p.version,
      maxFileBytes: p.maxFileBytes,
      maxApplicationBytes: p.maxApplicationBytes,
      maxItemsPerIndicator: p.maxItemsPerIndicator,
      usedBytes: await this.evidence.usedBytes(id),
      types: p.types.map((t) => ({ mediaType: t.mediaType, label: t.label, extensions: [...t.extensions] })),
      blindReview: isBlindReview(this.readDb.db, cycleOf(grant.application!.submittedAt)),
    };
  }

  @Post('documents')
  @Access('application.evidence.write')
  @ApiConsumes('multipart/form-data')
  @Operation('Upload a document as evidence for an indicator (multipart, one part named "file"), or replace one', 'EvidenceResult')
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: EvidenceUploadQueryDto,
    @Req() request: Request,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.evidence.upload(id, { purpose: query.purpose, indicator: query.indicator, replaces: query.replaces }, actor, request, v);
  }

  @Post('links')
  @Access('application.evidence.write')
  @Operation('Add a link as evidence for an indicator', 'EvidenceResult')
  async addLink(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddEvidenceLinkDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    const link = { linkId: randomUUID(), url: dto.url, title: dto.title ?? '' };
    const body = { type: 'AddEvidenceLink' as const, data: { purpose: dto.purpose, indicator: dto.indicator, link } };
    const result = await this.commands.execute(new DecideApplicationCommand(id, body, actor, v));
    return { ...result, evidenceId: link.linkId };
  }

  @Delete(':evidenceId')
  @HttpCode(200)
  @Access('application.evidence.write')
  @Operation('Remove a document or link from the evidence being prepared', 'CommandResult')
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.evidence.remove(id, evidenceId, actor, v);
  }

  @Get(':evidenceId')
  @Access('application.evidence.read')
  @Operation('Open a document: PDF and images in the browser, the rest (or with ?download=1 all) as a download', {
    file: 'application/octet-stream',
  })
  open(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
    @Query() query: DocumentQueryDto,
    @CurrentGrant() grant: Grant,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.evidence.open(id, evidenceId, grant, query.download !== undefined, response);
  }
}
