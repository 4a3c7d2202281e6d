import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { IdentityStore } from '@cert/identity';
import { ReadDb, assignmentsFor, openAssignmentCounts } from '@cert/projections';
import { Allow } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadQueryDto } from '../http/read-query.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
  ) {}

  @Get('me/assignments')
  @Allow('reviewer')
  myAssignments(@Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    return assignmentsFor(this.readDb.db, actor.id);
  }

  /** The pool staff assign from, with each reviewer's open load. */
  @Get()
  @Allow('staff', 'board', 'auditor')
  list(@Query() _query: ReadQueryDto) {
    const loads = openAssignmentCounts(this.readDb.db);
    return this.identity.listReviewers().map((r) => ({ ...r, openAssignments: loads.get(r.id) ?? 0 }));
  }
}
