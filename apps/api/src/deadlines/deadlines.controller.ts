import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Clock } from '@cert/config';
import { IdentityStore, accountNames } from '@cert/identity';
import { ReadDb, applicationSchedule, workOverview } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { Operation } from '../http/operation.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { WorkOverviewQueryDto, withinDays } from './deadlines.dto';

/** docs/DOMAIN.md, Deadlines: the timers the engine set, and the work waiting on staff, as staff and auditors read them. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller()
export class DeadlinesController {
  constructor(
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
    private readonly clock: Clock,
  ) {}

  @Get('deadlines')
  @Access('deadlines.overview')
  @Operation('The work overview: what needs action now, and the timers due in the next days (within=14d)', 'WorkOverviewView')
  async overview(@Query() query: WorkOverviewQueryDto) {
    return workOverview(this.readDb.db, this.clock.now().toISOString(), withinDays(query.within), await accountNames(this.identity));
  }

  @Get('applications/:id/schedule')
  @Access('application.schedule')
  @Operation("One application's timers: what will happen when, and what already happened", 'ApplicationScheduleView')
  async schedule(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const view = applicationSchedule(this.readDb.db, id, this.clock.now().toISOString(), await accountNames(this.identity));
    if (!view) throw new NotFoundException(`application ${id} was not found`);
    return view;
  }
}
