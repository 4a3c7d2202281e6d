import { createHash } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, CURRENT_POLICY_VERSION, CURRENT_RUBRIC_VERSION, Survey, normalizeEmail } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, VersionConflict } from '@cert/event-store';
import { ReadDb, closedApplicationCount, findDuplicate, institutionKey } from '@cert/projections';
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

/** A name-based (v5-style) UUID: the same leader, institution and cycle always name the same stream. */
const nameUuid = (name: string) => {
  const h = createHash('sha1').update(`iasl-application:${name}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * DOMAIN.md, step 1: a second nomination of the same leader and institution joins the first application.
 * The stream id is derived from leader, institution and cycle, so two submissions racing each other (before
 * the read model shows the first) meet on the same stream: the loser's append conflicts and it links instead.
 */
@CommandHandler(SubmitSurveyCommand)
export class SubmitSurveyHandler implements ICommandHandler<SubmitSurveyCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
  ) {}

  async execute({ survey, asNominator, actor }: SubmitSurveyCommand): Promise<SurveyResult> {
    const { contactEmail, institution } = survey;
    const existing = findDuplicate(this.readDb.db, contactEmail, institution.name);
    if (existing) return this.link(existing.id, survey, actor);
    const cycle = closedApplicationCount(this.readDb.db, contactEmail, institution.name);
    const applicationId = nameUuid(`${normalizeEmail(contactEmail)}|${institutionKey(institution.name)}|${cycle}`);
    const data = { applicationId, survey, asNominator, rubricVersion: CURRENT_RUBRIC_VERSION, policyVersion: CURRENT_POLICY_VERSION };
    try {
      const result = await executeOnApplication(this.store, this.clock, applicationId, { type: 'SubmitSurvey', data }, actor, { expectedVersion: 0 });
      return { ...result, duplicate: false };
    } catch (error) {
      if (error instanceof VersionConflict) return this.link(applicationId, survey, actor);
      throw error;
    }
  }

  private async link(applicationId: string, survey: Survey, actor: Actor): Promise<SurveyResult> {
    const linked = await executeOnApplication(this.store, this.clock, applicationId, { type: 'LinkNomination', data: { survey } }, actor);
    return { ...linked, duplicate: true };
  }
}
