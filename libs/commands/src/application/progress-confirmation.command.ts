import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, NotFound, ProgressVerdict, ReviewerCandidate, RuleViolation } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { LogRunner, ReadDb } from '@cert/projections';
import { reviewerPool } from './reviewer-pool';
import type { CommandResult } from '@cert/contracts';
import { executeOnApplication } from './execute';

/** docs/DOMAIN.md, Yearly progress: staff ask a reviewer to confirm the latest update; the decider applies the conflict rules. */
export class RequestProgressConfirmationCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly reviewerId: string,
    readonly actor: Actor,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** The reviewer asked answers, indicator by indicator. */
export class RecordProgressConfirmationCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly verdicts: ProgressVerdict[],
    readonly actor: Actor,
  ) {
    super();
  }
}

// The same reviewer facts as review assignment (profile, declared and pinned conflicts), gathered from the read models.
const reviewerFacts = async (identity: IdentityStore, readDb: ReadDb, reviewerId: string): Promise<ReviewerCandidate | undefined> =>
  (await reviewerPool(identity, readDb)).find((c) => c.reviewerId === reviewerId);

@CommandHandler(RequestProgressConfirmationCommand)
export class RequestProgressConfirmationHandler implements ICommandHandler<RequestProgressConfirmationCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
    private readonly runner: LogRunner,
  ) {}

  async execute({ applicationId, reviewerId, actor, expectedVersion }: RequestProgressConfirmationCommand) {
    // The reviewer's conflicts come from the read tables: first up to every event written before this command.
    await this.runner.catchUpToHead();
    const reviewer = await reviewerFacts(this.identity, this.readDb, reviewerId);
    if (!reviewer) throw new RuleViolation('review.unknown_reviewer', 'no reviewer account with this id', { reviewerId });
    return executeOnApplication(this.store, this.clock, applicationId, { type: 'RequestProgressConfirmation', data: { reviewer } }, actor, {
      expectedVersion,
    });
  }
}

@CommandHandler(RecordProgressConfirmationCommand)
export class RecordProgressConfirmationHandler implements ICommandHandler<RecordProgressConfirmationCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
    private readonly identity: IdentityStore,
    private readonly runner: LogRunner,
  ) {}

  async execute({ applicationId, verdicts, actor }: RecordProgressConfirmationCommand) {
    await this.runner.catchUpToHead();
    const reviewer = await reviewerFacts(this.identity, this.readDb, actor.id);
    // Not a reviewer account any more: the application is not theirs to know (the decider says the same for one never asked).
    if (!reviewer) throw new NotFound('application', applicationId);
    return executeOnApplication(
      this.store,
      this.clock,
      applicationId,
      { type: 'RecordProgressConfirmation', data: { reviewer, verdicts } },
      actor,
    );
  }
}
