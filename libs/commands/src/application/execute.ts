import { Actor, ApplicationCommand, NotFound, applicationDecider, applicationStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import type { CommandResult } from '@cert/contracts';

/** A domain command before the handler adds the clock and the actor. */
export type CommandBody = ApplicationCommand extends infer C ? (C extends ApplicationCommand ? Omit<C, 'metadata'> : never) : never;

/** The handlers' common tail: clock + actor into the command, then the one write path. */
export async function executeOnApplication(
  store: EventStore,
  clock: Clock,
  applicationId: string,
  body: CommandBody,
  actor: Actor,
  opts: { expectedVersion?: number; correlationId?: string } = {},
): Promise<CommandResult> {
  const now = clock.now().toISOString();
  const command = { ...body, metadata: { now, actor } };
  const result = await handle(store, applicationStream(applicationId), applicationDecider, command, {
    actorId: actor.id,
    actorRole: actor.role,
    now,
    expectedVersion: opts.expectedVersion,
    correlationId: opts.correlationId,
  }).catch((error: unknown) => {
    // The decider sees a state, not a stream id: name the application the client asked for.
    throw error instanceof NotFound ? new NotFound('application', applicationId) : error;
  });
  return { applicationId, version: result.version, position: result.position, events: result.events.map((e) => e.type) };
}
