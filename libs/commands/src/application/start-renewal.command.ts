import { createHash } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Actor,
  CURRENT_POLICY_VERSION,
  CURRENT_RUBRIC_VERSION,
  InvalidState,
  NotFound,
  OpenApplication,
  applicationDecider,
  applicationStream,
  isErased,
} from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import type { RenewalResult } from '@cert/contracts';
import { executeOnApplication } from './execute';

export class StartRenewalCommand extends Command<RenewalResult> {
  constructor(
    readonly applicationId: string,
    readonly actor: Actor,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** A name-based UUID: the same designation and term always name the same renewal stream, so a retry meets it. */
const renewalIdFor = (applicationId: string, termEndsAt: string) => {
  const h = createHash('sha1').update(`iasl-renewal:${applicationId}|${termEndsAt}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * docs/DOMAIN.md, Renewal and term: a renewal is a new application linked to the designation it renews. Two writes,
 * each through handle(): `RenewalStarted` on the designated application (the decider checks who may and whether the
 * term still runs), then the renewal's own first events. Both are idempotent on the renewal's id, so a retry after a
 * crash between them completes the second without doubling the first.
 */
@CommandHandler(StartRenewalCommand)
export class StartRenewalHandler implements ICommandHandler<StartRenewalCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ applicationId, actor, expectedVersion }: StartRenewalCommand): Promise<RenewalResult> {
    const { app, decidedAt } = await this.load(applicationId);
    const termEndsAt = app.designation?.termEndsAt;
    if (!app.decision || !termEndsAt) throw new InvalidState('renewal.no_term', app.status);
    if (isErased(app.applicantEmail)) throw new InvalidState('renewal.applicant_erased', app.status);
    const renewalId = app.designation?.renewalId ?? renewalIdFor(applicationId, termEndsAt);
    const started = await executeOnApplication(
      this.store,
      this.clock,
      applicationId,
      { type: 'StartRenewal', data: { renewalId } },
      actor,
      { expectedVersion },
    );
    const previous = { reference: app.reference, outcome: app.decision.outcome, decidedAt, termEndsAt };
    const data = {
      applicationId: renewalId,
      renewalOf: applicationId,
      survey: app.survey,
      previous,
      rubricVersion: CURRENT_RUBRIC_VERSION,
      policyVersion: CURRENT_POLICY_VERSION,
    };
    const opened = await executeOnApplication(this.store, this.clock, renewalId, { type: 'OpenRenewal', data }, actor);
    return { ...opened, events: [...started.events, ...opened.events], renewalId };
  }

  /** The designated application as its log has it, and when its (latest) decision was made. */
  private async load(applicationId: string): Promise<{ app: OpenApplication; decidedAt: string }> {
    const { events } = await this.store.readStream(applicationStream(applicationId));
    const app = events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    if (app.status === 'None') throw new NotFound('application', applicationId);
    const decision = events.filter((e) => e.type === 'DecisionRecorded').at(-1);
    return { app, decidedAt: (decision?.data as { decidedAt?: string } | undefined)?.decidedAt ?? '' };
  }
}
