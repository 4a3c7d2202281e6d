import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ConflictTarget, NotFound } from '@cert/domain';
import { DeclareConflictCommand, WithdrawConflictCommand } from '@cert/commands';
import { IdentityStore } from '@cert/identity';
import { ReadDb, assignmentsFor, conflictsOf, openAssignmentCounts } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { AccessPolicy } from '../auth/access-policy';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { DeclareConflictDto } from './conflicts.dto';

const targetOf = (dto: DeclareConflictDto): ConflictTarget =>
  // Both or neither reach the decider as they are, and it refuses them (conflict.target_required).
  ({ applicationId: dto.applicationId ?? null, institution: dto.institution ?? null }) as ConflictTarget;

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
    private readonly policy: AccessPolicy,
  ) {}

  /** The reviewer's worklist: what they may still open, without the institution where the cycle is reviewed blind. */
  @Get('me/assignments')
  @Access('reviewer.assignments')
  @Operation('Your review assignments', ['OwnAssignmentView'])
  async myAssignments(@Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    const assignments = assignmentsFor(this.readDb.db, actor.id);
    const access = await Promise.all(assignments.map((a) => this.policy.reviewAccess(actor, a.applicationId)));
    return assignments.flatMap((a, i) => {
      const found = access[i];
      if (!found) return [];
      return [found.blind ? { ...a, institutionName: null, blindReview: true } : { ...a, blindReview: false }];
    });
  }

  @Get('me/conflicts')
  @Access('reviewer.conflicts.own')
  @Operation('Your declared conflicts of interest', ['ConflictView'])
  myConflicts(@Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    return conflictsOf(this.readDb.db, actor.id);
  }

  /**
   * docs/DOMAIN.md, Conflicts of interest: a reviewer declares a conflict; one already assigned to that application is
   * released from it.
   */
  @Post('me/conflicts')
  @Access('reviewer.conflicts.declare')
  @Operation('Declare a conflict of interest with an application or an institution', 'ConflictResult')
  declare(@Body() dto: DeclareConflictDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(new DeclareConflictCommand(actor.id, targetOf(dto), dto.reason, false, actor));
  }

  /** A reviewer withdraws their own declaration; one staff pinned stays (403 conflict.pinned). */
  @Delete('me/conflicts/:conflictId')
  @Access('reviewer.conflicts.withdraw')
  @Operation('Withdraw a conflict you declared', 'ConflictResult')
  withdraw(@Param('conflictId', ParseUUIDPipe) conflictId: string, @CurrentActor() actor: Actor) {
    return this.commands.execute(new WithdrawConflictCommand(actor.id, conflictId, actor));
  }

  /** The pool staff assign from, with each reviewer's open load. */
  @Get()
  @Access('reviewers.list')
  @Operation('The reviewer pool, with open assignments', ['ReviewerPoolEntry'])
  async list(@Query() _query: ReadQueryDto) {
    const loads = openAssignmentCounts(this.readDb.db);
    return (await this.identity.listReviewers()).map((r) => ({ ...r, openAssignments: loads.get(r.id) ?? 0 }));
  }

  @Get(':reviewerId/conflicts')
  @Access('reviewer.conflicts.read')
  @Operation("Read a reviewer's conflicts of interest", ['ConflictView'])
  async conflicts(@Param('reviewerId', ParseUUIDPipe) reviewerId: string, @Query() _query: ReadQueryDto) {
    if ((await this.identity.findById(reviewerId))?.role !== 'reviewer') throw new NotFound('reviewer', reviewerId);
    return conflictsOf(this.readDb.db, reviewerId);
  }

  /** Staff pin a conflict: the reviewer cannot withdraw it. */
  @Post(':reviewerId/conflicts')
  @Access('reviewer.conflicts.pin')
  @Operation('Pin a conflict for a reviewer: they cannot withdraw it', 'ConflictResult')
  pin(@Param('reviewerId', ParseUUIDPipe) reviewerId: string, @Body() dto: DeclareConflictDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(new DeclareConflictCommand(reviewerId, targetOf(dto), dto.reason, true, actor));
  }

  @Delete(':reviewerId/conflicts/:conflictId')
  @Access('reviewer.conflicts.pin')
  @Operation("Withdraw a reviewer's conflict, pinned or not", 'ConflictResult')
  unpin(
    @Param('reviewerId', ParseUUIDPipe) reviewerId: string,
    @Param('conflictId', ParseUUIDPipe) conflictId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute(new WithdrawConflictCommand(reviewerId, conflictId, actor));
  }
}
