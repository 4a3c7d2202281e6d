import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, NotFound, StudentPortfolio, Teacher, applicationDecider, applicationStream, nomineeOf } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import type { AwardCycleResult } from '@cert/contracts';
import { executeOnAwardCycle } from './execute-award';

/** A designated program is nominated for the year's award (by its leader, or by staff). */
export class NominateForAwardCommand extends Command<AwardCycleResult> {
  constructor(
    readonly year: number,
    readonly applicationId: string,
    readonly teachers: Teacher[],
    readonly portfolios: StudentPortfolio[],
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(NominateForAwardCommand)
export class NominateForAwardHandler implements ICommandHandler<NominateForAwardCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ year, applicationId, teachers, portfolios, actor }: NominateForAwardCommand): Promise<AwardCycleResult> {
    // Eligibility from the application's own stream, not a read model: a designation suspended a moment ago counts.
    const { events } = await this.store.readStream(applicationStream(applicationId));
    const nominee = nomineeOf(
      events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState()),
      applicationId,
    );
    if (!nominee) throw new NotFound('application', applicationId);
    const nominationId = randomUUID();
    const body = { type: 'NominateForAward' as const, data: { nominationId, nominee, teachers, portfolios } };
    return { ...(await executeOnAwardCycle(this.store, this.clock, year, body, actor)), nominationId };
  }
}
