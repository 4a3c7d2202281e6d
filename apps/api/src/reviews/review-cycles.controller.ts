import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { IdentityStore, accountNames } from '@cert/identity';
import { SetBlindReviewCommand } from '@cert/commands';
import { ReadDb, reviewCycleSettings } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { CyclePipe } from './cycle.pipe';
import { BlindReviewDto } from './conflicts.dto';

/** A cycle's review settings (docs/DOMAIN.md, Blind review). A cycle is the year in the reference, APP-2026-…. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('review-cycles')
export class ReviewCyclesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
  ) {}

  @Get(':cycle')
  @Access('cycle.settings.read')
  @Operation("Read a cycle's review settings", 'CycleSettingsView')
  async settings(@Param('cycle', CyclePipe) cycle: string, @Query() _query: ReadQueryDto) {
    const settings = reviewCycleSettings(this.readDb.db, cycle);
    return { ...settings, setByName: settings.setBy ? (await accountNames(this.identity))(settings.setBy)! : null };
  }

  @Put(':cycle')
  @Access('cycle.settings.write')
  @Operation('Turn blind review on or off for a cycle', 'CycleResult')
  set(@Param('cycle', CyclePipe) cycle: string, @Body() dto: BlindReviewDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(new SetBlindReviewCommand(cycle, dto.blindReview, actor));
  }
}
