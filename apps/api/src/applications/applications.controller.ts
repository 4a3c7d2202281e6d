import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { DecideApplicationCommand, SubmitSurveyCommand } from '@cert/commands';
import { ReadDb, getApplication, getAssessment, getGrowthReport, getTimeline, listApplicationsForApplicant, staffQueue } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import type { Grant } from '../auth/access-policy';
import { CurrentGrant } from '../auth/grant.decorator';
import { CurrentActor } from '../auth/actor.decorator';
import { ExpectedVersion } from '../http/expected-version.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { AssessmentDraftDto, ExtendDeadlineDto, RejectSurveyDto, SubmitAssessmentDto } from './assessment.dto';
import { ListApplicationsQueryDto } from './list-applications.query';
import { SubmitSurveyDto } from './survey.dto';
import { acknowledgement, applicantTimeline, applicantView, reviewerAssessment, reviewerTimeline, reviewerView } from './application.views';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
  ) {}

  @Post()
  @Access('applications.submit')
  submitSurvey(@Body() { asNominator, ...survey }: SubmitSurveyDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(new SubmitSurveyCommand(survey, asNominator ?? false, actor));
  }

  @Get()
  @Access('applications.list')
  list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor) {
    if (actor.role === 'applicant') {
      return listApplicationsForApplicant(this.readDb.db, actor.email ?? '', actor.id).map((item) =>
        item.role === 'applicant' ? { role: item.role, application: applicantView(item.application) } : item,
      );
    }
    return staffQueue(this.readDb.db, { status: query.status, limit: query.limit, offset: query.offset });
  }

  @Get(':id')
  @Access('application.read')
  get(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentGrant() grant: Grant) {
    // Read again: the guard decided before `?after=` had the read models catch up with the caller's last write.
    const app = getApplication(this.readDb.db, id) ?? grant.application!;
    if (grant.standing === 'acknowledgement') return acknowledgement(app);
    if (grant.standing === 'review') return reviewerView(app, grant);
    return grant.actor.role === 'applicant' ? applicantView(app) : app;
  }

  @Get(':id/timeline')
  @Access('application.timeline')
  timeline(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentGrant() grant: Grant) {
    const entries = getTimeline(this.readDb.db, id);
    if (grant.standing === 'review') return reviewerTimeline(grant.application!, entries, grant);
    return grant.actor.role === 'applicant' ? applicantTimeline(entries) : entries;
  }

  @Get(':id/assessment')
  @Access('application.assessment.read')
  assessment(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentGrant() grant: Grant) {
    const items = getAssessment(this.readDb.db, id);
    return grant.standing === 'review' ? reviewerAssessment(grant.application!, items, grant) : items;
  }

  @Put(':id/assessment/draft')
  @Access('application.assessment.write')
  saveDraft(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssessmentDraftDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SaveAssessmentDraft', data: { ratings: dto.ratings } }, actor, v));
  }

  @Post(':id/assessment')
  @Access('application.assessment.write')
  submitAssessment(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitAssessmentDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SubmitAssessment', data: { ratings: dto.ratings } }, actor, v));
  }

  @Post(':id/screening/accept')
  @HttpCode(200)
  @Access('application.screen')
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'AcceptSurvey', data: {} }, actor, v));
  }

  @Post(':id/screening/reject')
  @HttpCode(200)
  @Access('application.screen')
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectSurveyDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'RejectSurvey', data: { reason: dto.reason } }, actor, v));
  }

  @Post(':id/deadline-extensions')
  @Access('application.deadline.extend')
  extend(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtendDeadlineDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'ExtendAssessmentDeadline', data: { dueAt: dto.dueAt, reason: dto.reason } }, actor, v));
  }

  /** Seed 003: "record and update progress yearly"; a late update reinstates a suspended standing. */
  @Post(':id/progress-updates')
  @Access('application.progress.write')
  submitProgress(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitAssessmentDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SubmitProgressUpdate', data: { ratings: dto.ratings } }, actor, v));
  }

  @Get(':id/growth-report')
  @Access('application.growth-report')
  growthReport(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const report = getGrowthReport(this.readDb.db, id);
    if (!report) throw new NotFoundException('no growth report yet: it comes with the board decision');
    return report;
  }
}
