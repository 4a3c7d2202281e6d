import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, NotFound, applicationDecider, applicationStream, awardCycleDecider, awardCycleStream, findNomination } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import type { AwardCycleResult } from '@cert/contracts';
import { executeOnAwardCycle } from './execute-award';

/** The leader answers the summit invitation; who the leader is comes from the nominated application's stream. */
export class RespondToSummitInvitationCommand extends Command<AwardCycleResult> {
  constructor(
    readonly year: number,
    readonly nominationId: string,
    readonly accept: boolean,
    readonly reason: string | null,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(RespondToSummitInvitationCommand)
export class RespondToSummitInvitationHandler implements ICommandHandler<RespondToSummitInvitationCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ year, nominationId, accept, reason, actor }: RespondToSummitInvitationCommand): Promise<AwardCycleResult> {
    const cycle = (await this.store.readStream(awardCycleStream(year))).events.reduce(
      (s, e) => awardCycleDecider.evolve(s, e as never),
      awardCycleDecider.initialState(),
    );
    const nomination = cycle.status === 'None' ? undefined : findNomination(cycle, nominationId);
    if (!nomination) throw new NotFound('award-invitation', nominationId);
    const app = (await this.store.readStream(applicationStream(nomination.applicationId))).events.reduce(
      (s, e) => applicationDecider.evolve(s, e as never),
      applicationDecider.initialState(),
    );
    const applicantEmail = app.status === 'None' ? '' : app.applicantEmail;
    const body = { type: 'RespondToSummitInvitation' as const, data: { nominationId, accept, reason, applicantEmail } };
    return executeOnAwardCycle(this.store, this.clock, year, body, actor);
  }
}
