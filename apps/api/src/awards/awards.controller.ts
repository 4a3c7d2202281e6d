import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CURRENT_AWARD_CRITERIA, awardCriteriaByVersion } from '@cert/domain';
import { DecideAwardCycleCommand, NominateForAwardCommand, RespondToSummitInvitationCommand, ScoreNominationCommand } from '@cert/commands';
import type { AwardCycleView, AwardNominationView } from '@cert/contracts';
import { ReadDb, awardNominations, awardNominationsOfLeader, getAwardCycle, listAwardCycles } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import {
  ChangeAwardCycleDatesDto,
  NominateDto,
  OpenAwardCycleDto,
  RespondToInvitationDto,
  ScoreNominationDto,
  SelectRecipientsDto,
} from './awards.dto';
import { AwardYearPipe } from './year.pipe';

/**
 * What the board weighed stays with the board: its justification for passing over higher-ranked nominations names
 * other programs, and the ranking and mean score are its deliberation. Applicants see the cycle and their own
 * nomination's outcome (selected, invitation), not these.
 */
const cycleForApplicant = <C extends AwardCycleView>({ overridesRanking: _o, selectionJustification: _j, datesChanged: _d, ...rest }: C) =>
  rest;
const nominationForApplicant = <N extends AwardNominationView>({ rank: _r, meanScore: _m, ...rest }: N) => rest;

/**
 * docs/DOMAIN.md, Awards and summit: staff open a year's cycle; designated programs are nominated; the board scores,
 * closes and selects; recipients answer the summit invitation. Applicants see only their own nominations.
 */
@ApiTags('awards')
@ApiBearerAuth()
@Controller()
export class AwardsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
  ) {}

  @Get('award-cycles')
  @Access('awards.cycles.list')
  @Operation('List the award cycles', 'AwardCycleList')
  list(@Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    const cycles = listAwardCycles(this.readDb.db);
    return actor.role === 'applicant' ? cycles.map(cycleForApplicant) : cycles;
  }

  @Post('award-cycles')
  @Access('awards.cycle.open')
  @Operation("Open a year's award cycle", 'AwardCycleResult')
  open(@Body() dto: OpenAwardCycleDto, @CurrentActor() actor: Actor) {
    const data = {
      year: dto.year,
      award: dto.award ?? `IASL STEM Leadership Award ${dto.year}`,
      criteriaVersion: CURRENT_AWARD_CRITERIA,
      awardsAvailable: dto.awardsAvailable,
      nominationsCloseAt: dto.nominationsCloseAt,
      rsvpBy: dto.rsvpBy,
      summit: { startsAt: dto.summit.startsAt, place: dto.summit.place },
    };
    return this.commands.execute(new DecideAwardCycleCommand(dto.year, { type: 'OpenAwardCycle', data }, actor));
  }

  /** The cycle and its criteria; staff, the board and auditors see every nomination with its scores, an applicant only their own. */
  @Get('award-cycles/:year')
  @Access('awards.cycle.read')
  @Operation('Read an award cycle with its criteria and nominations', 'AwardCycleDetailView')
  read(@Param('year', AwardYearPipe) year: number, @Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    const cycle = getAwardCycle(this.readDb.db, year);
    if (!cycle) throw new NotFoundException(`award cycle ${year} not found`);
    const own = actor.role === 'applicant';
    if (own) {
      const nominations = awardNominations(this.readDb.db, year, { withScores: false, applicantEmail: actor.email ?? '' }).map(
        nominationForApplicant,
      );
      return { ...cycleForApplicant(cycle), criteria: awardCriteriaByVersion(cycle.criteriaVersion).criteria, nominations };
    }
    const nominations = awardNominations(this.readDb.db, year, { withScores: true });
    return { ...cycle, criteria: awardCriteriaByVersion(cycle.criteriaVersion).criteria, nominations };
  }

  @Post('award-cycles/:year/nominations')
  @Access('awards.nominate')
  @Operation('Nominate a designated program, with teachers and student portfolios', 'AwardCycleResult')
  nominate(@Param('year', AwardYearPipe) year: number, @Body() dto: NominateDto, @CurrentActor() actor: Actor) {
    const teachers = dto.teachers.map(({ name, subject, statement }) => ({ name, subject, statement }));
    const portfolios = dto.portfolios.map(({ title, summary, link }) => ({ title, summary, link }));
    return this.commands.execute(new NominateForAwardCommand(year, dto.applicationId, teachers, portfolios, actor));
  }

  @Post('award-cycles/:year/nominations/:nominationId/scores')
  @Access('awards.score')
  @Operation('Score a nomination on every criterion', 'AwardCycleResult')
  score(
    @Param('year', AwardYearPipe) year: number,
    @Param('nominationId', ParseUUIDPipe) nominationId: string,
    @Body() dto: ScoreNominationDto,
    @CurrentActor() actor: Actor,
  ) {
    const scores = dto.scores.map(({ criterion, level }) => ({ criterion, level }));
    return this.commands.execute(new ScoreNominationCommand(year, nominationId, scores, dto.comment?.trim() || null, actor));
  }

  @Post('award-cycles/:year/scoring/close')
  @HttpCode(200)
  @Access('awards.scoring.close')
  @Operation('Close scoring: nominations are ranked', 'AwardCycleResult')
  closeScoring(@Param('year', AwardYearPipe) year: number, @CurrentActor() actor: Actor) {
    return this.commands.execute(new DecideAwardCycleCommand(year, { type: 'CloseAwardScoring', data: {} }, actor));
  }

  @Post('award-cycles/:year/dates')
  @HttpCode(200)
  @Access('awards.cycle.dates')
  @Operation(
    "Change the cycle's dates with a reason: close nominations now, extend them, move the RSVP date or the summit",
    'AwardCycleResult',
  )
  changeDates(@Param('year', AwardYearPipe) year: number, @Body() dto: ChangeAwardCycleDatesDto, @CurrentActor() actor: Actor) {
    const data = {
      closeNominationsNow: dto.closeNominationsNow ?? false,
      nominationsCloseAt: dto.nominationsCloseAt ?? null,
      rsvpBy: dto.rsvpBy ?? null,
      summitStartsAt: dto.summitStartsAt ?? null,
      reason: dto.reason,
    };
    return this.commands.execute(new DecideAwardCycleCommand(year, { type: 'ChangeAwardCycleDates', data }, actor));
  }

  @Post('award-cycles/:year/selection')
  @HttpCode(200)
  @Access('awards.select')
  @Operation('Select the award recipients', 'AwardCycleResult')
  select(@Param('year', AwardYearPipe) year: number, @Body() dto: SelectRecipientsDto, @CurrentActor() actor: Actor) {
    const body = {
      type: 'SelectAwardRecipients' as const,
      data: { nominationIds: dto.nominationIds, justification: dto.justification ?? null },
    };
    return this.commands.execute(new DecideAwardCycleCommand(year, body, actor));
  }

  @Post('award-cycles/:year/invitations/:nominationId/response')
  @HttpCode(200)
  @Access('awards.invitation.respond')
  @Operation('Accept or decline the summit invitation', 'AwardCycleResult')
  respond(
    @Param('year', AwardYearPipe) year: number,
    @Param('nominationId', ParseUUIDPipe) nominationId: string,
    @Body() dto: RespondToInvitationDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute(new RespondToSummitInvitationCommand(year, nominationId, dto.accept, dto.reason?.trim() || null, actor));
  }

  /** The leader's own nominations and summit invitations, every year. */
  @Get('me/award-invitations')
  @Access('awards.mine')
  @Operation('Your nominations and summit invitations', ['LeaderNominationView'])
  mine(@Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    return awardNominationsOfLeader(this.readDb.db, actor.email ?? '').map(nominationForApplicant);
  }
}
