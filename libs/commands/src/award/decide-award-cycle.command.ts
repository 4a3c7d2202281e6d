import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { AwardCommandBody, AwardCycleResult, executeOnAwardCycle } from './execute-award';

/** Award commands that need no outside facts (open, close scoring, select, RSVP timers): clock and actor only. */
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

  execute({ year, body, actor }: DecideAwardCycleCommand) {
    return executeOnAwardCycle(this.store, this.clock, year, body, actor);
  }
}
