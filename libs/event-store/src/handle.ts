import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent, RecordedEvent, VersionConflict } from './event-store';

/** Structurally the same as @cert/domain's Decider; repeated here because event-store imports nothing of ours. */
export type Decider<S, C, E> = { decide: (c: C, s: S) => E[]; evolve: (s: S, e: E) => S; initialState: () => S };

export type HandleContext = {
  actorId: string;
  actorRole: string;
  now: string;
  correlationId?: string;
  causationId?: string | null;
  /** The version the client saw (If-Match). When set, a conflict is the client's to resolve, so no retry. */
  expectedVersion?: number;
};

export type HandleResult<S, E extends { type: string; data: unknown }> = {
  version: number;
  /** Position of the last appended event, for read-your-writes; null when nothing was appended. */
  position: string | null;
  /** The appended events as the store's append gave them back (as a read of the stream would, with the data as decided). */
  events: RecordedEvent<E>[];
  state: S;
};

/** docs/ARCHITECTURE.md, Errors: without If-Match, handle() retries a conflict at most twice before it surfaces (409). */
const RETRIES = 2;

/**
 * The stored schema version of a decided event when no decorator stamps one: every event type starts at 1. The
 * store the apps use stamps the current version (VersionedEventStore).
 */
const FIRST_SCHEMA_VERSION = 1;

/** How one command went, for observers such as the metrics (never for domain logic: the log is the only bus). */
export type CommandOutcome = {
  command: string;
  outcome: 'appended' | 'unchanged' | 'refused' | 'conflict' | 'failed';
  /** The refusal's code (`review.incomplete`), for `refused`. */
  code: string | null;
  seconds: number;
};
const commandObservers = new Set<(outcome: CommandOutcome) => void>();

/** Calls `observer` after every command handle() runs, in this process; returns the way to stop. */
export function observeCommands(observer: (outcome: CommandOutcome) => void): () => void {
  commandObservers.add(observer);
  return () => commandObservers.delete(observer);
}

function tell(command: unknown, started: bigint, outcome: CommandOutcome['outcome'], code: string | null = null): void {
  if (commandObservers.size === 0) return;
  const type = (command as { type?: unknown } | null)?.type;
  const seen: CommandOutcome = {
    command: typeof type === 'string' ? type : 'unknown',
    outcome,
    code,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
  for (const observer of commandObservers) observer(seen);
}

/** The one write path (docs/ARCHITECTURE.md, Principles (the ten rules), rule 3): read, fold, decide, append at the expected version. */
export async function handle<S, C, E extends { type: string; data: unknown }>(
  store: EventStore,
  streamId: string,
  decider: Decider<S, C, E>,
  command: C,
  ctx: HandleContext,
): Promise<HandleResult<S, E>> {
  const started = process.hrtime.bigint();
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await handleOnce(store, streamId, decider, command, ctx);
      tell(command, started, result.position === null ? 'unchanged' : 'appended');
      return result;
    } catch (err) {
      if (!(err instanceof VersionConflict) || ctx.expectedVersion !== undefined || attempt >= RETRIES) {
        // Domain refusals carry a string `code` and a `kind` (event-store imports nothing of the domain's).
        const refusal = err as { code?: unknown; kind?: unknown };
        if (err instanceof VersionConflict) tell(command, started, 'conflict');
        else if (typeof refusal.code === 'string' && typeof refusal.kind === 'string') tell(command, started, 'refused', refusal.code);
        else tell(command, started, 'failed');
        throw err;
      }
    }
  }
}

async function handleOnce<S, C, E extends { type: string; data: unknown }>(
  store: EventStore,
  streamId: string,
  decider: Decider<S, C, E>,
  command: C,
  ctx: HandleContext,
): Promise<HandleResult<S, E>> {
  const loaded = await store.readStream(streamId);
  // A stale If-Match fails before decide(): the precondition is checked first (412), not a refusal of
  // a command the client built against an older state.
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== loaded.version) {
    throw new VersionConflict(streamId, ctx.expectedVersion, loaded.version);
  }
  const state = (loaded.events as RecordedEvent<E>[]).reduce((s, e) => decider.evolve(s, e), decider.initialState());
  const decided = decider.decide(command, state);
  if (decided.length === 0) return { version: loaded.version, position: null, events: [], state };

  const correlationId = ctx.correlationId ?? randomUUID();
  const toAppend: NewEvent[] = decided.map((e) => ({
    id: randomUUID(),
    type: e.type,
    schemaVersion: FIRST_SCHEMA_VERSION,
    data: e.data,
    metadata: { actorId: ctx.actorId, actorRole: ctx.actorRole, correlationId, causationId: ctx.causationId ?? null, occurredAt: ctx.now },
  }));
  const appended = await store.appendToStream(streamId, toAppend, { expectedVersion: ctx.expectedVersion ?? loaded.version });
  const events = appended.events as RecordedEvent<E>[];
  return { version: appended.version, position: appended.position, events, state: events.reduce((s, e) => decider.evolve(s, e), state) };
}
