import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, ReviewerCandidate, RuleViolation } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { LogRunner, ReadDb } from '@cert/projections';
import { reviewerPool } from './reviewer-pool';
import type { CommandResult } from '@cert/contracts';
import { executeOnApplication } from './execute';

export type AssignmentRequest = { mode: 'manual'; reviewerIds: string[] } | { mode: 'auto'; count: number };

export class AssignReviewersCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly request: AssignmentRequest,
    readonly actor: Actor,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** Gathers the reviewer facts the decider needs (profiles and current load); the decider applies the rules. */
@CommandHandler(AssignReviewersCommand)
export class AssignReviewersHandler implements ICommandHandler<AssignReviewersCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
    private readonly runner: LogRunner,
  ) {}

  async execute({ applicationId, request, actor, expectedVersion }: AssignReviewersCommand) {
    // Conflicts and loads come from the read tables: first up to every event written before this command, by any process.
    await this.runner.catchUpToHead();
    const pool = await reviewerPool(this.identity, this.readDb);
    const body =
      request.mode === 'auto'
        ? { type: 'AssignReviewers' as const, data: { mode: 'auto' as const, count: request.count, pool } }
        : {
            type: 'AssignReviewers' as const,
            data: { mode: 'manual' as const, reviewers: request.reviewerIds.map((id) => this.known(pool, id)) },
          };
    return executeOnApplication(this.store, this.clock, applicationId, body, actor, { expectedVersion });
  }

  private known(pool: ReviewerCandidate[], reviewerId: string): ReviewerCandidate {
    const found = pool.find((c) => c.reviewerId === reviewerId);
    if (!found) throw new RuleViolation('review.unknown_reviewer', 'no reviewer account with this id', { reviewerId });
    return found;
  }
}
