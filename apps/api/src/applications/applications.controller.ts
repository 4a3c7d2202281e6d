import { Body, Controller, Get, Header, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { IdentityStore, accountNames } from '@cert/identity';
import { DecideApplicationCommand, SubmitSurveyCommand } from '@cert/commands';
import {
  ReadDb,
  getApplication,
  getAssessment,
  getGrowthReport,
  getTimeline,
  listApplicationsForApplicant,
  nominatedAt,
  possibleDuplicates,
  staffQueue,
} from '@cert/projections';
import { Access } from '../auth/access.decorators';
import type { Grant } from '../auth/access-policy';
import { CurrentGrant } from '../auth/grant.decorator';
import { CurrentActor } from '../auth/actor.decorator';
import { ExpectedVersion, versionTag } from '../http/expected-version.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { AssessmentDraftDto, ExtendDeadlineDto, RejectSurveyDto, SubmitAssessmentDto } from './assessment.dto';
import { ListApplicationsQueryDto } from './list-applications.query';
import { DismissDuplicateDto, SubmitSurveyDto, SurveyAnswersDto, surveyOf } from './survey.dto';
import {
  acknowledgement,
  applicantTimeline,
  applicantView,
  leaderOf,
  reviewerAssessment,
  reviewerTimeline,
  reviewerView,
  withReviewerNames,
} from './application.views';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
  ) {}

  @Post()
  @Access('applications.submit')
  @Operation('Submit an intake survey, for yourself or nominating a leader', 'SurveyResult')
  submitSurvey(@Body() { asNominator, ...survey }: SubmitSurveyDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(new SubmitSurveyCommand(survey, asNominator ?? false, actor));
  }

  @Get()
  @Access('applications.list')
  @Operation("List applications: an applicant's own, or the staff queue with counts by status", 'ApplicationList')
  async list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor) {
    if (actor.role === 'applicant') {
      return listApplicationsForApplicant(this.readDb.db, actor.email ?? '', actor.id).map((item) =>
        item.role === 'applicant' ? { role: item.role, application: applicantView(item.application) } : item,
      );
    }
    const queue = staffQueue(this.readDb.db, {
      status: query.status,
      q: query.q,
      needsReviewers: query.needsReviewers === 'true',
      limit: query.limit,
      offset: query.offset,
    });
    const names = await accountNames(this.identity);
    return { ...queue, items: queue.items.map((app) => withReviewerNames(app, names)) };
  }

  @Get(':id')
  @Access('application.read')
  @Operation('Read an application as the caller may see it', 'ApplicationReadView')
  // The body depends on who asks and on names, not on the version alone: no shared or revalidated copy.
  @Header('Cache-Control', 'private, no-store')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() _query: ReadQueryDto,
    @CurrentGrant() grant: Grant,
    @Res({ passthrough: true }) res: Response,
  ) {
    // Read again: the guard decided before `?after=` had the read models catch up with the caller's last write.
    const app = getApplication(this.readDb.db, id) ?? grant.application!;
    if (grant.standing === 'acknowledgement') return acknowledgement(app, nominatedAt(this.readDb.db, id, grant.actor.id));
    // The version this read shows, in the form If-Match takes back (a nominator writes nothing on the stream, so gets none).
    res.setHeader('ETag', versionTag(app.version));
    if (grant.standing === 'review') return reviewerView(app, grant);
    if (grant.actor.role === 'applicant') return applicantView(app);
    const named = withReviewerNames(app, await accountNames(this.identity, leaderOf(app)));
    return grant.actor.role === 'staff' ? { ...named, possibleDuplicates: possibleDuplicates(this.readDb.db, app) } : named;
  }

  @Get(':id/timeline')
  @Access('application.timeline')
  @Operation("Read an application's timeline", 'TimelineView')
  async timeline(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentGrant() grant: Grant) {
    const entries = getTimeline(this.readDb.db, id, await accountNames(this.identity, leaderOf(grant.application!)));
    if (grant.standing === 'review') return reviewerTimeline(grant.application!, entries, grant);
    return grant.actor.role === 'applicant' ? applicantTimeline(entries) : entries;
  }

  @Get(':id/assessment')
  @Access('application.assessment.read')
  @Operation('Read the self-assessment', ['AssessmentItemView'])
  assessment(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentGrant() grant: Grant) {
    const items = getAssessment(this.readDb.db, id);
    return grant.standing === 'review' ? reviewerAssessment(grant.application!, items, grant) : items;
  }

  @Put(':id/assessment/draft')
  @Access('application.assessment.write')
  @Operation('Save a self-assessment draft', 'CommandResult')
  saveDraft(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssessmentDraftDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(
      new DecideApplicationCommand(id, { type: 'SaveAssessmentDraft', data: { ratings: dto.ratings } }, actor, v),
    );
  }

  @Post(':id/assessment')
  @Access('application.assessment.write')
  @Operation('Submit the self-assessment', 'CommandResult')
  submitAssessment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitAssessmentDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SubmitAssessment', data: { ratings: dto.ratings } }, actor, v));
  }

  /**
   * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: PUT, as the answers replace the
   * survey whole and the same answers again change nothing.
   */
  @Put(':id/survey')
  @HttpCode(200)
  @Access('application.survey.amend')
  @Operation('Change your survey answers, until staff screen it', 'CommandResult')
  amendSurvey(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SurveyAnswersDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'AmendSurvey', data: { survey: surveyOf(dto) } }, actor, v));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Access('application.nomination.claim')
  @Operation('Claim a nomination that names you, with your own survey answers', 'CommandResult')
  claimNomination(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SurveyAnswersDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'ClaimNomination', data: { survey: surveyOf(dto) } }, actor, v));
  }

  /** docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: flagged, checked, never merged. */
  @Post(':id/not-duplicates')
  @HttpCode(200)
  @Access('application.duplicate.dismiss')
  @Operation('Record that a possible duplicate is not one: the flag goes from both applications', 'CommandResult')
  dismissDuplicate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DismissDuplicateDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(
      new DecideApplicationCommand(id, { type: 'DismissDuplicate', data: { otherApplicationId: dto.otherApplicationId } }, actor, v),
    );
  }

  @Post(':id/screening/accept')
  @HttpCode(200)
  @Access('application.screen')
  @Operation('Accept the intake survey: the self-assessment opens', 'CommandResult')
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'AcceptSurvey', data: {} }, actor, v));
  }

  @Post(':id/screening/reject')
  @HttpCode(200)
  @Access('application.screen')
  @Operation('Reject the intake survey, with a reason', 'CommandResult')
  reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RejectSurveyDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'RejectSurvey', data: { reason: dto.reason } }, actor, v));
  }

  @Post(':id/deadline-extensions')
  @Access('application.deadline.extend')
  @Operation('Extend the self-assessment deadline, or reopen a lapsed one', 'CommandResult')
  extend(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExtendDeadlineDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(
      new DecideApplicationCommand(id, { type: 'ExtendAssessmentDeadline', data: { dueAt: dto.dueAt, reason: dto.reason } }, actor, v),
    );
  }

  /** docs/DOMAIN.md, Yearly progress: the leader re-rates every indicator; a late update reinstates a suspended standing. */
  @Post(':id/progress-updates')
  @Access('application.progress.write')
  @Operation('Submit the yearly progress update of a designation', 'CommandResult')
  submitProgress(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitAssessmentDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(
      new DecideApplicationCommand(id, { type: 'SubmitProgressUpdate', data: { ratings: dto.ratings } }, actor, v),
    );
  }

  @Get(':id/growth-report')
  @Access('application.growth-report')
  @Operation('Read the growth report issued with the decision', 'GrowthReportView')
  growthReport(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const report = getGrowthReport(this.readDb.db, id);
    if (!report) throw new NotFoundException('no growth report yet: it comes with the board decision');
    return report;
  }
}
