import { createHash } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Actor,
  CLOSED_STATUSES,
  CURRENT_POLICY_VERSION,
  CURRENT_RUBRIC_VERSION,
  Survey,
  applicationDecider,
  applicationStream,
  isErased,
  normalizeEmail,
} from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, VersionConflict } from '@cert/event-store';
import { LogRunner, ReadDb, closedApplicationCount, findDuplicate, institutionKey } from '@cert/projections';
import type { OwnSurveyResult, SurveyResult } from '@cert/contracts';
import { executeOnApplication } from './execute';

/** Closed or erased cycles the read model cannot count (lag, erasure) that a new survey may have to step over. */
const MAX_CYCLES_SKIPPED = 50;

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
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: a survey for the leader and institution
 * of an open application goes to that application, where the decider tells the cases apart (the leader claiming a
 * nomination of them, a retry, someone else's nomination to link). The stream id is derived from leader, institution and cycle, so two
 * submissions racing each other (before the read model shows the first) meet on the same stream: the loser's append
 * conflicts and it links instead.
 */
@CommandHandler(SubmitSurveyCommand)
export class SubmitSurveyHandler implements ICommandHandler<SubmitSurveyCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
    private readonly runner: LogRunner,
  ) {}

  async execute(command: SubmitSurveyCommand): Promise<SurveyResult> {
    // The open application and the closed cycles are read from the read tables: first up to every event written
    // before this survey, by any process (one closed through another replica must count here).
    await this.runner.catchUpToHead();
    const { applicationId, position, ...own } = await this.submit(command);
    const nominator = normalizeEmail(command.actor.email ?? '') !== normalizeEmail(command.survey.contactEmail);
    return nominator ? { applicationId, position, nomination: true } : { applicationId, position, ...own };
  }

  private async submit({ survey, asNominator, actor }: SubmitSurveyCommand): Promise<OwnSurveyResult> {
    const { contactEmail, institution } = survey;
    const existing = findDuplicate(this.readDb.db, contactEmail, institution.name);
    if (existing) return this.submitTo(existing.id, survey, asNominator, actor);
    const closed = closedApplicationCount(this.readDb.db, contactEmail, institution.name);
    for (let cycle = closed; cycle <= closed + MAX_CYCLES_SKIPPED; cycle++) {
      const applicationId = nameUuid(`${normalizeEmail(contactEmail)}|${institutionKey(institution.name)}|${cycle}`);
      const data = { applicationId, survey, asNominator, rubricVersion: CURRENT_RUBRIC_VERSION, policyVersion: CURRENT_POLICY_VERSION };
      try {
        const result = await executeOnApplication(this.store, this.clock, applicationId, { type: 'SubmitSurvey', data }, actor, {
          expectedVersion: 0,
        });
        return { ...result, duplicate: false };
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        if (await this.joinable(applicationId)) return this.submitTo(applicationId, survey, asNominator, actor);
      }
    }
    throw new Error(`no free application stream for this leader and institution after ${MAX_CYCLES_SKIPPED} closed cycles`);
  }

  /**
   * The stream of that name is taken: join it when it is the same leader's open application (a racing duplicate).
   * Not when it is a closed cycle the read model has not counted yet, nor when its applicant was erased:
   * the read model no longer knows their email, so their next survey must open a new application, not join the old.
   */
  private async joinable(applicationId: string): Promise<boolean> {
    const { events } = await this.store.readStream(applicationStream(applicationId));
    const app = events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    return app.status !== 'None' && !CLOSED_STATUSES.includes(app.status) && !isErased(app.applicantEmail);
  }

  /** `duplicate`: the survey changed nothing, or joined as another nomination; not when the leader's own answers took effect. */
  private async submitTo(applicationId: string, survey: Survey, asNominator: boolean, actor: Actor): Promise<OwnSurveyResult> {
    const data = { applicationId, survey, asNominator, rubricVersion: CURRENT_RUBRIC_VERSION, policyVersion: CURRENT_POLICY_VERSION };
    const result = await executeOnApplication(this.store, this.clock, applicationId, { type: 'SubmitSurvey', data }, actor);
    return { ...result, duplicate: !result.events.includes('NominationClaimed') };
  }
}
