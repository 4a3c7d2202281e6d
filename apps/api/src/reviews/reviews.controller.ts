import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { IdentityStore, accountNames } from '@cert/identity';
import { AssignReviewersCommand, DecideApplicationCommand } from '@cert/commands';
import { ReadDb, finalScores, scoresFor } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ExpectedVersion } from '../http/expected-version.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { AssignReviewersDto, ReleaseReviewerDto } from './assign-reviewers.dto';
import { ScoresDraftDto, SubmitScoresDto } from './scores.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('applications/:id')
export class ReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
  ) {}

  @Post('reviewers')
  @Access('review.assign')
  @Operation('Assign reviewers, by hand or balanced by load', 'CommandResult')
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignReviewersDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    const request =
      dto.mode === 'auto'
        ? { mode: 'auto' as const, count: dto.count ?? 2 }
        : { mode: 'manual' as const, reviewerIds: dto.reviewerIds ?? [] };
    return this.commands.execute(new AssignReviewersCommand(id, request, actor, v));
  }

  @Post('reviewers/:reviewerId/release')
  @HttpCode(200)
  @Access('review.release')
  @Operation('Release a reviewer from the application, with a reason', 'CommandResult')
  release(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reviewerId', ParseUUIDPipe) reviewerId: string,
    @Body() dto: ReleaseReviewerDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(
      new DecideApplicationCommand(id, { type: 'ReleaseReviewer', data: { reviewerId, reason: dto.reason } }, actor, v),
    );
  }

  @Put('scores/draft')
  @Access('review.score')
  @Operation('Save a draft of your scores', 'CommandResult')
  saveDraft(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScoresDraftDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'SaveScoresDraft', data: { scores: dto.scores } }, actor, v));
  }

  @Post('scores')
  @Access('review.score')
  @Operation('Submit your scores and recommendation', 'CommandResult')
  submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitScoresDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    const body = { type: 'SubmitScores' as const, data: { scores: dto.scores, recommendation: dto.recommendation } };
    return this.commands.execute(new DecideApplicationCommand(id, body, actor, v));
  }

  /** A reviewer sees only their own scores; staff, board and auditors see every finished review. */
  @Get('scores')
  @Access('review.scores.read')
  @Operation("Read scores: a reviewer's own, or every finished review", 'ScoresView')
  async scores(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    if (actor.role === 'reviewer') return scoresFor(this.readDb.db, id, actor.id);
    const names = await accountNames(this.identity);
    return finalScores(this.readDb.db, id).map((review) => ({ ...review, reviewerName: names(review.reviewerId) ?? review.reviewerId }));
  }
}
