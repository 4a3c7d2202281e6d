import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, conflictOf, policyByVersion } from '@cert/domain';
import { RecordProgressConfirmationCommand, RequestProgressConfirmationCommand, StartRenewalCommand } from '@cert/commands';
import { IdentityStore, accountNames } from '@cert/identity';
import { ReadDb, conflictTargetsOf, getApplication, getProgress, getRenewalHistory, progressConfirmationsFor } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ExpectedVersion } from '../http/expected-version.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { RecordProgressConfirmationDto, RequestProgressConfirmationDto } from './progress.dto';

/**
 * The yearly progress of a designation and reviewers' confirmation of it (docs/DOMAIN.md, Yearly progress), and the
 * designation's term and renewal (docs/DOMAIN.md, Renewal and term). The update itself stays at
 * POST /applications/:id/progress-updates (applications.controller.ts).
 */
@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class ProgressController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
  ) {}

  /** Per indicator: at designation, last year, this year, and the changes; the updates with their confirmations. */
  @Get('applications/:id/progress')
  @Access('application.progress.read')
  @Operation('Read the yearly progress of a designation, indicator by indicator', 'ProgressView')
  async progress(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    const view = getProgress(this.readDb.db, id);
    if (!view) throw new NotFoundException(`application ${id} not found`);
    // Who reviews them stays with staff, the board and auditors (docs/DOMAIN.md, Blind review).
    if (actor.role === 'applicant') return view;
    const names = await accountNames(this.identity);
    const updates = view.updates.map((u) => ({
      ...u,
      confirmations: u.confirmations.map((c) => ({ ...c, reviewerName: names(c.reviewerId) })),
    }));
    return { ...view, updates };
  }

  @Post('applications/:id/progress/confirmation-requests')
  @Access('application.progress.confirmation.request')
  @Operation('Ask a reviewer to confirm the latest yearly update', 'CommandResult')
  requestConfirmation(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestProgressConfirmationDto,
    @CurrentActor() actor: Actor,
    @ExpectedVersion() v?: number,
  ) {
    return this.commands.execute(new RequestProgressConfirmationCommand(id, dto.reviewerId, actor, v));
  }

  /** The reviewer asked answers; anyone else reads as if the application did not exist (the decider's NotFound). */
  @Post('applications/:id/progress/confirmation')
  @HttpCode(200)
  @Access('progress.confirm')
  @Operation('Confirm or dispute each indicator of a yearly update', 'CommandResult')
  confirm(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordProgressConfirmationDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(new RecordProgressConfirmationCommand(id, dto.verdicts, actor));
  }

  /** The reviewer's progress confirmations beside their review assignments; none of an application they now conflict with. */
  @Get('reviewers/me/progress-confirmations')
  @Access('reviewer.progress-confirmations')
  @Operation('Your progress confirmations to give', ['ConfirmationAssignmentView'])
  async myConfirmations(@Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    const profile = await this.identity.findById(actor.id);
    const declared = conflictTargetsOf(this.readDb.db, actor.id);
    return progressConfirmationsFor(this.readDb.db, actor.id).filter((c) => {
      const app = getApplication(this.readDb.db, c.applicationId);
      const me = {
        reviewerId: actor.id,
        institution: profile?.institution ?? null,
        region: profile?.region ?? null,
        declaredConflicts: declared,
        openAssignments: 0,
      };
      return (
        !!app && !conflictOf({ id: app.id, institution: app.institutionName, region: app.region }, me, policyByVersion(app.policyVersion))
      );
    });
  }

  /** The applicant (or staff) starts the renewal, a new application linked to this designation. */
  @Post('applications/:id/renewal')
  @Access('application.renewal.start')
  @Operation('Start the renewal of a designation: a new application, linked to it', 'RenewalResult')
  startRenewal(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new StartRenewalCommand(id, actor, v));
  }

  /** On a renewal: the earlier years (the designation it renews, its levels and yearly updates), for its reviewers and board. */
  @Get('applications/:id/renewal-history')
  @Access('application.renewal-history')
  @Operation('Read the earlier years of the designation a renewal renews', 'RenewalHistoryView')
  renewalHistory(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const history = getRenewalHistory(this.readDb.db, id);
    if (!history) throw new NotFoundException('not a renewal: no earlier designation to show');
    return history;
  }
}
