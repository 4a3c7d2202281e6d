import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { DecideApplicationCommand, SubmitSurveyCommand } from '@cert/commands';
import { ReadDb, getAssessment, getGrowthReport, getTimeline, listApplicationsForApplicant, staffQueue } from '@cert/projections';
import { Allow } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ExpectedVersion } from '../http/expected-version.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { visibleApplication } from './application-access';
import { AssessmentDraftDto, ExtendDeadlineDto, RejectSurveyDto, SubmitAssessmentDto } from './assessment.dto';
import { ListApplicationsQueryDto } from './list-applications.query';
import { SubmitSurveyDto } from './survey.dto';
import { acknowledgement, applicantTimeline, applicantView } from './application.views';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
  ) {}

  @Post()
  @Allow('applicant')
  submitSurvey(@Body() { asNominator, ...survey }: SubmitSurveyDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(new SubmitSurveyCommand(survey, asNominator ?? false, actor));
  }

  @Get()
  @Allow('applicant', 'staff', 'board', 'auditor')
  list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor) {
    if (actor.role === 'applicant') {
      return listApplicationsForApplicant(this.readDb.db, actor.email ?? '', actor.id).map((item) =>
        item.role === 'applicant' ? { role: item.role, application: applicantView(item.application) } : item,
      );
    }
    return staffQueue(this.readDb.db, { status: query.status, limit: query.limit, offset: query.offset });
  }

  @Get(':id')
  @Allow('applicant', 'reviewer', 'staff', 'board', 'auditor')
  get(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    const { app, visibility } = visibleApplication(this.readDb.db, actor, id);
    if (visibility === 'acknowledgement') return acknowledgement(app);
    return actor.role === 'applicant' ? applicantView(app) : app;
  }

  @Get(':id/timeline')
  @Allow('applicant', 'staff', 'board', 'auditor')
  timeline(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    visibleApplication(this.readDb.db, actor, id, ['full']);
    const entries = getTimeline(this.readDb.db, id);
    return actor.role === 'applicant' ? applicantTimeline(entries) : entries;
  }

  @Get(':id/assessment')
  @Allow('applicant', 'reviewer', 'staff', 'board', 'auditor')
  assessment(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    visibleApplication(this.readDb.db, actor, id, ['full', 'review']);
    return getAssessment(this.readDb.db, id);
  }

  @Put(':id/assessment/draft')
  @Allow('applicant')
  saveDraft(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssessmentDraftDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SaveAssessmentDraft', data: { ratings: dto.ratings } }, actor, v));
  }

  @Post(':id/assessment')
  @Allow('applicant')
  submitAssessment(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitAssessmentDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SubmitAssessment', data: { ratings: dto.ratings } }, actor, v));
  }

  @Post(':id/screening/accept')
  @HttpCode(200)
  @Allow('staff')
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'AcceptSurvey', data: {} }, actor, v));
  }

  @Post(':id/screening/reject')
  @HttpCode(200)
  @Allow('staff')
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectSurveyDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'RejectSurvey', data: { reason: dto.reason } }, actor, v));
  }

  @Post(':id/deadline-extensions')
  @Allow('staff')
  extend(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtendDeadlineDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'ExtendAssessmentDeadline', data: { dueAt: dto.dueAt, reason: dto.reason } }, actor, v));
  }

  /** Seed 003: "record and update progress yearly"; a late update reinstates a suspended standing. */
  @Post(':id/progress-updates')
  @Allow('applicant')
  submitProgress(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitAssessmentDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SubmitProgressUpdate', data: { ratings: dto.ratings } }, actor, v));
  }

  @Get(':id/growth-report')
  @Allow('applicant', 'staff', 'board', 'auditor')
  growthReport(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    visibleApplication(this.readDb.db, actor, id, ['full']);
    const report = getGrowthReport(this.readDb.db, id);
    if (!report) throw new NotFoundException('no growth report yet: it comes with the board decision');
    return report;
  }
}
