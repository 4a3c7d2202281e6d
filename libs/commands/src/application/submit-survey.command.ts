import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, CURRENT_POLICY_VERSION, CURRENT_RUBRIC_VERSION, Survey } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { ReadDb, findDuplicate } from '@cert/projections';
import { CommandResult, executeOnApplication } from './execute';

export type SurveyResult = CommandResult & { duplicate: boolean };

export class SubmitSurveyCommand extends Command<SurveyResult> {
  constructor(
    readonly survey: Survey,
    readonly asNominator: boolean,
    readonly actor: Actor,
  ) {
    super();
  }
}

// DOMAIN.md, step 1: a second nomination of the same leader and institution joins the first application.
@CommandHandler(SubmitSurveyCommand)
export class SubmitSurveyHandler implements ICommandHandler<SubmitSurveyCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
  ) {}

  async execute({ survey, asNominator, actor }: SubmitSurveyCommand): Promise<SurveyResult> {
    const existing = findDuplicate(this.readDb.db, survey.contactEmail, survey.institution.name);
    if (existing) {
      const linked = await executeOnApplication(this.store, this.clock, existing.id, { type: 'LinkNomination', data: { survey } }, actor);
      return { ...linked, duplicate: true };
    }
    const applicationId = randomUUID();
    const body = {
      type: 'SubmitSurvey' as const,
      data: { applicationId, survey, asNominator, rubricVersion: CURRENT_RUBRIC_VERSION, policyVersion: CURRENT_POLICY_VERSION },
    };
    const result = await executeOnApplication(this.store, this.clock, applicationId, body, actor, { expectedVersion: 0 });
    return { ...result, duplicate: false };
  }
}
