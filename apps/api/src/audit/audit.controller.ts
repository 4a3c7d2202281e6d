import { Controller, Get, HttpCode, Optional, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { Metrics } from '@cert/metrics';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { applicationStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventLog, EventStore, RecordedEvent } from '@cert/event-store';
import { BlobStore } from '@cert/blob-store';
import { IdentityStore, accountNames } from '@cert/identity';
import { recordOfReasons } from '@cert/privacy';
import {
  ALL_PROJECTIONS,
  LogRunner,
  ReadDb,
  applicationReferences,
  leaderNameByEmail,
  listAwardCycles,
  rebuildAndCompare,
} from '@cert/projections';
import {
  CheckpointSigner,
  Naming,
  Witness,
  checkpointsInLog,
  decisionReport,
  latestCheckpoint,
  decisionReportPdf,
  eventsBetween,
  eventsCsv,
  exportDocument,
  formatHead,
  historyEntries,
  leaderIn,
  loadCycleHistory,
  loadHistory,
  loadLinkedHistory,
  loadStoredHistory,
  parseHead,
  reproduceDecision,
  reviewerView,
  stateAsOf,
  verifyLog,
  verifyStream,
  isCheckpointShape,
} from '@cert/audit';
import type { CheckpointsView } from '@cert/contracts';
import { Allow } from '../auth/access.decorators';
import { FieldErrors } from '../http/validation';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { ExportRangeQueryDto, StateQueryDto, VerifyQueryDto } from './audit.query';

const file = (content: Buffer | string, type: string, name: string) =>
  new StreamableFile(Buffer.isBuffer(content) ? content : Buffer.from(content), { type, disposition: `attachment; filename="${name}"` });

/**
 * docs/DOMAIN.md, Who uses it: the auditor replays any application's history, checks it, recomputes decisions and
 * exports; read-only, they change nothing.
 * Every read here goes to the log itself, not the read models, so what an auditor sees is the source of truth:
 * `store` as the engine reads it (opened, current schema), `log` exactly as stored, for whatever checks hashes.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Allow('auditor')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly store: EventStore,
    private readonly log: EventLog,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
    private readonly runner: LogRunner,
    private readonly blobs: BlobStore,
    private readonly identity: IdentityStore,
    private readonly signer: CheckpointSigner,
    private readonly witness: Witness,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  /** Each verification counted for operators, by scope and result. */
  private counted<V extends { ok: boolean }>(scope: 'log' | 'stream', verdict: V): V {
    this.metrics?.verifications.inc({ scope, result: verdict.ok ? 'intact' : 'tampered' });
    return verdict;
  }

  /**
   * The head to publish (e.g. on a designation certificate); anyone holding it can later check the history up to it.
   * A store that keeps no global chain (ESDB) names a position only, and `text` is null: verify computes the head.
   */
  @Get('head')
  @Operation('The head of the log to publish', 'AuditHeadView')
  async head(@Query() _query: ReadQueryDto) {
    const head = await this.log.head();
    return { head, text: head?.globalHash ? formatHead(head) : null };
  }

  /** docs/DOMAIN.md, What auditors need: against every signed checkpoint in the witness and the log, too. */
  @Get('verify')
  @Operation('Verify the whole log against its signed checkpoints, optionally up to a head published earlier', 'LogVerdict')
  async verify(@Query() query: VerifyQueryDto) {
    const head = query.head ? parseHead(query.head) : null;
    return this.counted('log', await verifyLog(this.log, head, this.blobs, { key: this.signer, witness: this.witness }));
  }

  /**
   * Every checkpoint, newest first, as the witness holds it (and any the log holds that the witness lacks), with the
   * public key: anyone can check the signatures offline and compare them with the log.
   */
  @Get('checkpoints')
  @Allow('auditor', 'operator')
  @Operation('The signed checkpoints of the log and the public key that checks them', 'CheckpointsView')
  async checkpoints(@Query() _query: ReadQueryDto): Promise<CheckpointsView> {
    const inWitness = (await this.witness.read()).flatMap((e) =>
      'checkpoint' in e ? [{ ...e.checkpoint, source: 'witness' as const }] : [],
    );
    const seen = new Set(inWitness.map((c) => c.signature));
    const onlyInLog = (await checkpointsInLog(this.log)).flatMap(({ checkpoint }) =>
      isCheckpointShape(checkpoint) && !seen.has(checkpoint.signature) ? [{ ...checkpoint, source: 'log' as const }] : [],
    );
    const checkpoints = [...inWitness, ...onlyInLog].sort((a, b) =>
      BigInt(b.position) > BigInt(a.position) ? 1 : BigInt(b.position) < BigInt(a.position) ? -1 : 0,
    );
    return { algorithm: 'Ed25519', keyId: this.signer.keyId, publicKeyPem: this.signer.publicKeyPem, checkpoints };
  }

  @Get('applications/:id/verify')
  @Operation("Verify an application's stream", 'StreamVerdict')
  async verifyApplication(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    return this.counted('stream', await verifyStream(this.log, applicationStream(id), this.blobs));
  }

  /**
   * The application's events and, marked with their streams, those of its linked streams (directory listing, award
   * cycles) that concern it, in commit order. The read model only names which yearly cycles exist; every event shown
   * is read from the log.
   */
  @Get('applications/:id/history')
  @Operation("An application's events and those of its linked streams, from the log", ['HistoryEntry'], {
    refuses: ['application.not_found'],
  })
  async history(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    await this.runner.catchUp();
    const awardYears = listAwardCycles(this.readDb.db).map((c) => c.year);
    const events = await loadLinkedHistory(this.store, id, awardYears);
    return historyEntries(events, await this.naming(events));
  }

  @Get('applications/:id/state')
  @Operation('The state of an application as of an instant or a log position', 'StateAsOf', { refuses: ['application.not_found'] })
  async state(@Param('id', ParseUUIDPipe) id: string, @Query() query: StateQueryDto) {
    if (query.asOf && query.position) throw new FieldErrors([{ field: 'asOf', messages: ['give asOf or position, not both'] }]);
    const events = await loadHistory(this.store, id);
    return stateAsOf(events, { asOf: query.asOf, position: query.position }, await this.naming(events));
  }

  @Get('applications/:id/decision/reproduce')
  @Operation("Recompute an application's recommendation and decision from the log", 'Reproduction', {
    refuses: ['application.not_found', 'recommendation.not_found'],
  })
  async reproduce(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const events = await loadHistory(this.store, id);
    return reproduceDecision(id, events, await this.naming(events));
  }

  @Get('applications/:id/reviewer-view/:reviewerId')
  @Operation('What a reviewer was shown when they scored, and what blind review withheld', 'AuditReviewerView', {
    refuses: ['application.not_found', 'assignment.not_found'],
  })
  async reviewerView(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reviewerId', ParseUUIDPipe) reviewerId: string,
    @Query() _query: ReadQueryDto,
  ) {
    const events = await loadHistory(this.store, id);
    return reviewerView(id, reviewerId, events, await loadCycleHistory(this.store, events), await this.naming(events));
  }

  /**
   * docs/DOMAIN.md, Personal data and the record of reasons: every reason of the application, whose keys seal it and
   * how it reads now, and what is kept until when, and why.
   */
  @Get('applications/:id/record-of-reasons')
  @Operation("An application's record of reasons: what is kept, until when and why", 'RecordOfReasonsView', {
    refuses: ['application.not_found'],
  })
  async recordOfReasons(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    return recordOfReasons(id, await loadHistory(this.store, id));
  }

  @Get('applications/:id/report')
  @Operation('The decision report', 'DecisionReport', { refuses: ['application.not_found'] })
  report(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    return this.buildReport(id);
  }

  @Get('applications/:id/report.pdf')
  @Operation('The decision report as PDF', { file: 'application/pdf' }, { refuses: ['application.not_found'] })
  async reportPdf(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const report = await this.buildReport(id);
    return file(await decisionReportPdf(report), 'application/pdf', `decision-report-${report.application.reference}.pdf`);
  }

  /** As stored (personal fields sealed; the hashes recheck from the file alone), with the same events readable beside them. */
  @Get('applications/:id/export.json')
  @Operation("Export an application's events as stored, with a readable copy", 'AuditExport', { refuses: ['application.not_found'] })
  async exportJson(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const stored = await loadStoredHistory(this.log, id);
    const events = await loadHistory(this.store, id);
    return exportDocument({ applicationId: id }, stored, events, await this.log.head(), this.now(), await this.naming(events));
  }

  @Get('applications/:id/export.csv')
  @Operation("Export an application's events as CSV", { file: 'text/csv' }, { refuses: ['application.not_found'] })
  async exportCsv(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const events = await loadHistory(this.store, id);
    return file(eventsCsv(events, await this.naming(events)), 'text/csv; charset=utf-8', `application-${id}.csv`);
  }

  /** A whole cycle: every event that occurred in [from, to), across all applications. */
  @Get('export.json')
  @Operation('Export every event of a period as stored, with a readable copy', 'AuditExport')
  async exportRange(@Query() query: ExportRangeQueryDto) {
    const [from, to] = [query.from ?? null, query.to ?? null];
    const stored = await eventsBetween(this.log, from, to);
    return exportDocument(
      { from, to },
      stored,
      await eventsBetween(this.store, from, to),
      await this.log.head(),
      this.now(),
      await this.naming(),
    );
  }

  @Get('export.csv')
  @Operation('Export every event of a period as CSV', { file: 'text/csv' })
  async exportRangeCsv(@Query() query: ExportRangeQueryDto) {
    const [from, to] = [query.from ?? null, query.to ?? null];
    const name = `events-${from ?? 'start'}-${to ?? 'now'}.csv`.replace(/:/g, '');
    return file(eventsCsv(await eventsBetween(this.store, from, to), await this.naming()), 'text/csv; charset=utf-8', name);
  }

  /**
   * docs/DOMAIN.md, What auditors need: replay the log into fresh read models and compare them with the live ones. Compares only;
   * swapping stays with the operator's CLI (`projections:rebuild --swap`). A POST because it is work, not a lookup.
   */
  @Post('rebuild-check')
  @HttpCode(200)
  @Allow('auditor', 'operator')
  @Operation('Rebuild every read model from the log and compare it with the live one', 'RebuildCheckView')
  async rebuildCheck() {
    await this.runner.catchUp();
    const head = (await this.log.head())?.position ?? null;
    const report = await rebuildAndCompare(this.store, ALL_PROJECTIONS, this.readDb.db);
    return { checkedAt: this.now(), head, matches: report.differences.length === 0, ...report };
  }

  private async buildReport(id: string) {
    const events = await loadHistory(this.store, id);
    const verification = await verifyStream(this.log, applicationStream(id));
    const decided = events.some((e) => e.type === 'RecommendationComputed');
    const { reasons: _each, ...record } = recordOfReasons(id, events);
    const naming = await this.naming(events);
    const reproduction = decided ? reproduceDecision(id, events, naming) : null;
    const cycle = await loadCycleHistory(this.store, events);
    return decisionReport(events, {
      generatedAt: this.now(),
      verification,
      reproduction,
      cycle,
      naming,
      recordOfReasons: record,
      checkpoint: await latestCheckpoint(this.log, this.witness, this.signer),
    });
  }

  /**
   * docs/DOMAIN.md, Names: people by the names their accounts have now (the leader of `events` by their survey's; with
   * no one application, leaders by their latest application's), and other applications by reference. The read model
   * gives labels beside ids here, never a fact an audit checks.
   */
  private async naming(events?: readonly RecordedEvent[]): Promise<Naming> {
    const leader = events ? leaderIn(events) : leaderNameByEmail(this.readDb.db);
    return { names: await accountNames(this.identity, leader), references: applicationReferences(this.readDb.db) };
  }

  private now() {
    return this.clock.now().toISOString();
  }
}
