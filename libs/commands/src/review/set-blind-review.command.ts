import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, reviewCycleDecider, reviewCycleStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import type { CycleResult } from '@cert/contracts';

/** Blind review as an option per cycle (docs/DOMAIN.md, Blind review): staff turn it on or off for the applications of one year. */
export class SetBlindReviewCommand extends Command<CycleResult> {
  constructor(
    readonly cycle: string,
    readonly blindReview: boolean,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(SetBlindReviewCommand)
export class SetBlindReviewHandler implements ICommandHandler<SetBlindReviewCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ cycle, blindReview, actor }: SetBlindReviewCommand): Promise<CycleResult> {
    const now = this.clock.now().toISOString();
    const command = { type: 'SetBlindReview' as const, data: { cycle, blindReview }, metadata: { now, actor } };
    const result = await handle(this.store, reviewCycleStream(cycle), reviewCycleDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
    });
    return { cycle, blindReview: result.state.blindReview, position: result.position, events: result.events.map((e) => e.type) };
  }
}
