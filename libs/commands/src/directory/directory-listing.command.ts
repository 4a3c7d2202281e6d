import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Actor,
  DesignationStanding,
  DirectoryField,
  ListedProgram,
  NotFound,
  applicationDecider,
  applicationStream,
  directoryListingDecider,
  directoryListingStream,
} from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import type { CommandResult } from '@cert/contracts';

/** docs/DOMAIN.md, Who's-who directory: the leader opts in (or changes what shows), or withdraws. */
export type DirectoryChoice = { fields: DirectoryField[]; focusAreas: string[]; summary: string | null };

export class PublishDirectoryListingCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    /** null: withdraw the listing. */
    readonly choice: DirectoryChoice | null,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** Designation status as the lifecycle records it; anything but active or suspended (expired, revoked) has ended. */
const standingOf = (status: string | undefined): DesignationStanding | null =>
  status === undefined ? null : status === 'active' || status === 'suspended' ? status : 'ended';

/**
 * The facts the listing decider needs come from the application's own stream, folded here (the handler gathers facts,
 * the decider never fetches: docs/ARCHITECTURE.md, How a new command flows (and how to add one)): who leads it, what
 * the survey says, whether it is designated.
 * The listing has a stream of its own, so a designation ending between this read and the append is not caught
 * here; the directory hides any entry whose designation does not stand, so the public never sees it.
 */
@CommandHandler(PublishDirectoryListingCommand)
export class PublishDirectoryListingHandler implements ICommandHandler<PublishDirectoryListingCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ applicationId, choice, actor }: PublishDirectoryListingCommand): Promise<CommandResult> {
    const program = await this.programOf(applicationId);
    const now = this.clock.now().toISOString();
    const metadata = { now, actor };
    const command = choice
      ? { type: 'PublishDirectoryListing' as const, data: { program, ...choice }, metadata }
      : { type: 'WithdrawDirectoryListing' as const, data: { program }, metadata };
    const result = await handle(this.store, directoryListingStream(applicationId), directoryListingDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
    });
    return { applicationId, version: result.version, position: result.position, events: result.events.map((e) => e.type) };
  }

  private async programOf(applicationId: string): Promise<ListedProgram> {
    const { events } = await this.store.readStream(applicationStream(applicationId));
    const state = events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    if (state.status === 'None') throw new NotFound('application', applicationId);
    return {
      applicationId,
      applicantEmail: state.applicantEmail,
      leaderName: state.survey.leaderName,
      institution: state.survey.institution.name,
      country: state.survey.institution.country,
      outcome: state.decision?.outcome ?? null,
      standing: standingOf(state.designation?.status),
      termEndsAt: state.designation?.termEndsAt ?? null,
    };
  }
}
