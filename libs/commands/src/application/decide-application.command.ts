import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import type { CommandResult } from '@cert/contracts';
import { CommandBody, executeOnApplication } from './execute';

/**
 * Commands that need no outside facts (accept, reject, drafts, submissions, extension, expiry, release,
 * adjudication, decision) share this one handler: it only adds the clock and the actor.
 */
export class DecideApplicationCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly body: CommandBody,
    readonly actor: Actor,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(DecideApplicationCommand)
export class DecideApplicationHandler implements ICommandHandler<DecideApplicationCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute({ applicationId, body, actor, expectedVersion }: DecideApplicationCommand) {
    return executeOnApplication(this.store, this.clock, applicationId, body, actor, { expectedVersion });
  }
}
