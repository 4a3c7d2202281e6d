import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { LogRunner, ReadDb } from '@cert/projections';
import type { CommandResult } from '@cert/contracts';
import { executeOnApplication } from './execute';
import { reviewerPool } from './reviewer-pool';

/** The overdue-review timer: gathers the reviewer pool so the decider can pick a replacement. */
export class ReplaceOverdueReviewerCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly reviewerId: string,
    readonly dueAt: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ReplaceOverdueReviewerCommand)
export class ReplaceOverdueReviewerHandler implements ICommandHandler<ReplaceOverdueReviewerCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
    private readonly runner: LogRunner,
  ) {}

  async execute({ applicationId, reviewerId, dueAt, actor }: ReplaceOverdueReviewerCommand) {
    // The pool is read from the read tables: first up to every event written before this command, by any process.
    await this.runner.catchUpToHead();
    const pool = await reviewerPool(this.identity, this.readDb);
    const body = { type: 'ReplaceOverdueReviewer' as const, data: { reviewerId, dueAt, pool } };
    return executeOnApplication(this.store, this.clock, applicationId, body, actor);
  }
}
