import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Actor,
  CurrentDesignation,
  applicationDecider,
  applicationStream,
  awardCycleDecider,
  awardCycleStream,
  findNomination,
  nomineeOf,
} from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import type { AwardCycleResult } from '@cert/contracts';
import { AwardCommandBody, AwardDomainBody, executeOnAwardCycle } from './execute-award';

/**
 * Award commands that need at most facts the handler can fold from the log (open, close scoring, select, RSVP
 * timers): clock and actor, and for a selection the chosen programs' current designations.
 */
export class DecideAwardCycleCommand extends Command<AwardCycleResult> {
  constructor(
    readonly year: number,
    readonly body: AwardCommandBody,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DecideAwardCycleCommand)
export class DecideAwardCycleHandler implements ICommandHandler<DecideAwardCycleCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ year, body, actor }: DecideAwardCycleCommand) {
    const domainBody: AwardDomainBody =
      body.type === 'SelectAwardRecipients'
        ? { ...body, data: { ...body.data, standings: await this.standingsOf(year, body.data.nominationIds) } }
        : body;
    return executeOnAwardCycle(this.store, this.clock, year, domainBody, actor);
  }

  /**
   * Where each chosen nomination's designation stands now, from the application's own stream (not a read model), as
   * the nominate handler reads it: one suspended, expired or renewed since it was nominated is refused by the decider.
   * Unknown nominations get no standing: the decider answers them as missing.
   */
  private async standingsOf(year: number, nominationIds: string[]): Promise<CurrentDesignation[]> {
    const cycle = (await this.store.readStream(awardCycleStream(year))).events.reduce(
      (s, e) => awardCycleDecider.evolve(s, e as never),
      awardCycleDecider.initialState(),
    );
    if (cycle.status === 'None') return [];
    const applicationIds = [
      ...new Set(nominationIds.map((id) => findNomination(cycle, id)?.applicationId).filter((id): id is string => !!id)),
    ];
    const standings = await Promise.all(
      applicationIds.map(async (applicationId) => {
        const { events } = await this.store.readStream(applicationStream(applicationId));
        const nominee = nomineeOf(
          events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState()),
          applicationId,
        );
        return (
          nominee && {
            applicationId,
            designation: nominee.designation,
            notDesignatedBecause: nominee.notDesignatedBecause,
            termEndsAt: nominee.termEndsAt,
          }
        );
      }),
    );
    return standings.filter((s): s is CurrentDesignation => s !== null);
  }
}
