import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Names } from '@cert/domain';
import type { BoardItemView } from '@cert/contracts';
import { IdentityStore, accountNames } from '@cert/identity';
import { DecideApplicationCommand } from '@cert/commands';
import { ReadDb, boardItem, boardQueue } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ExpectedVersion } from '../http/expected-version.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { RecordDecisionDto, ResolveAdjudicationDto } from './decision.dto';

/** docs/DOMAIN.md, Names: each reviewer beside their name, as their account reads now. */
const namedReviewers = (item: BoardItemView, names: Names): BoardItemView => ({
  ...item,
  disputed: item.disputed.map((d) => ({ ...d, levels: d.levels.map((l) => ({ ...l, reviewerName: names(l.reviewerId) })) })),
  reviewerRecommendations: item.reviewerRecommendations.map((r) => ({ ...r, reviewerName: names(r.reviewerId) })),
  adjudication: item.adjudication && {
    ...item.adjudication,
    ruledByName: item.adjudication.ruledBy === null ? null : names(item.adjudication.ruledBy),
  },
});

@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class DecisionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
  ) {}

  @Get('board/queue')
  @Access('board.queue')
  @Operation("The board's queue: applications needing adjudication or a decision", ['BoardItemView'])
  async queue(@Query() _query: ReadQueryDto) {
    const names = await accountNames(this.identity);
    return boardQueue(this.readDb.db, {}).map((item) => namedReviewers(item, names));
  }

  @Get('board/queue/:id')
  @Access('board.item')
  @Operation('Read one application before the board: scores, disagreements, the ruling on them, recommendation', 'BoardItemView')
  async item(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const item = boardItem(this.readDb.db, id);
    if (!item) throw new NotFoundException(`application ${id} is not before the board`);
    return namedReviewers(item, await accountNames(this.identity));
  }

  @Post('applications/:id/adjudication')
  @HttpCode(200)
  @Access('board.adjudicate')
  @Operation('Rule on the disputed indicators', 'CommandResult')
  adjudicate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveAdjudicationDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    const body = { type: 'ResolveAdjudication' as const, data: { rulings: dto.rulings, justification: dto.justification } };
    return this.commands.execute(new DecideApplicationCommand(id, body, actor, v));
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @Access('board.decide')
  @Operation('Record the board decision', 'CommandResult')
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordDecisionDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    const body = { type: 'RecordDecision' as const, data: { outcome: dto.outcome, justification: dto.justification ?? null } };
    return this.commands.execute(new DecideApplicationCommand(id, body, actor, v));
  }
}
