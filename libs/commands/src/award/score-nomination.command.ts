import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, CriterionScore } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import type { AwardCycleResult } from '@cert/contracts';
import { executeOnAwardCycle } from './execute-award';

/** A board member scores one nomination; their institution comes from their profile, for the conflict check. */
export class ScoreNominationCommand extends Command<AwardCycleResult> {
  constructor(
    readonly year: number,
    readonly nominationId: string,
    readonly scores: CriterionScore[],
    readonly comment: string | null,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ScoreNominationCommand)
export class ScoreNominationHandler implements ICommandHandler<ScoreNominationCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly identity: IdentityStore,
  ) {}

  async execute({ year, nominationId, scores, comment, actor }: ScoreNominationCommand) {
    const scorerInstitution = (await this.identity.findById(actor.id))?.institution ?? null;
    const body = { type: 'ScoreNomination' as const, data: { nominationId, scores, comment, scorerInstitution } };
    return executeOnAwardCycle(this.store, this.clock, year, body, actor);
  }
}
