import { Actor, AwardCycleCommand, NotFound, awardCycleDecider, awardCycleId, awardCycleStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import type { AwardCycleResult } from '@cert/contracts';

/** A domain command of the award cycle before the handler adds the clock and the actor. */
export type AwardDomainBody = AwardCycleCommand extends infer C ? (C extends AwardCycleCommand ? Omit<C, 'metadata'> : never) : never;

/** What a client asks for: as the domain command, less the facts the handler looks up itself (the standings of a selection). */
type Requested<C extends AwardDomainBody> = C extends { type: 'SelectAwardRecipients' }
  ? { type: C['type']; data: Omit<C['data'], 'standings'> }
  : C;
export type AwardCommandBody = AwardDomainBody extends infer C ? (C extends AwardDomainBody ? Requested<C> : never) : never;

/** The award handlers' common tail: clock + actor into the command, then the one write path on `award-cycle-<year>`. */
export async function executeOnAwardCycle(
  store: EventStore,
  clock: Clock,
  year: number,
  body: AwardDomainBody,
  actor: Actor,
): Promise<AwardCycleResult> {
  const now = clock.now().toISOString();
  const command = { ...body, metadata: { now, actor } };
  const result = await handle(store, awardCycleStream(year), awardCycleDecider, command, {
    actorId: actor.id,
    actorRole: actor.role,
    now,
  }).catch((error: unknown) => {
    // The decider of a year without a cycle does not know the year: name the one the client asked for.
    throw error instanceof NotFound && error.code === 'award-cycle.not_found' ? new NotFound('award-cycle', String(year)) : error;
  });
  return {
    awardCycleId: awardCycleId(year),
    year,
    version: result.version,
    position: result.position,
    events: result.events.map((e) => e.type),
  };
}
