import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, NotFound, reviewerDecider, reviewerStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import type { ConflictResult } from '@cert/contracts';

/** A reviewer withdraws their own declaration; staff may withdraw any, pinned ones included. */
export class WithdrawConflictCommand extends Command<ConflictResult> {
  constructor(
    readonly reviewerId: string,
    readonly conflictId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(WithdrawConflictCommand)
export class WithdrawConflictHandler implements ICommandHandler<WithdrawConflictCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ reviewerId, conflictId, actor }: WithdrawConflictCommand): Promise<ConflictResult> {
    const now = this.clock.now().toISOString();
    const command = { type: 'WithdrawConflict' as const, data: { reviewerId, conflictId }, metadata: { now, actor } };
    const result = await handle(this.store, reviewerStream(reviewerId), reviewerDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
    }).catch((error: unknown) => {
      // The decider saw a state, not the ids: name the conflict asked for.
      throw error instanceof NotFound ? new NotFound('conflict', conflictId) : error;
    });
    return { reviewerId, conflictId, position: result.position, events: result.events.map((e) => e.type), released: [] };
  }
}
