import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent, RecordedEvent, VersionConflict } from './event-store';
import { chainHash, GENESIS } from './hash-chain';

/** Structurally the same as @cert/domain's Decider; repeated here because event-store imports nothing of ours. */
export type Decider<S, C, E> = { decide(c: C, s: S): E[]; evolve(s: S, e: E): S; initialState(): S };

export type HandleContext = {
  actorId: string;
  actorRole: string;
  now: string;
  correlationId?: string;
  causationId?: string | null;
  /** The version the client saw (If-Match). When set, a conflict is the client's to resolve, so no retry. */
  expectedVersion?: number;
  schemaVersionOf?: (type: string) => number;
};

export type HandleResult<S, E extends { type: string; data: unknown }> = {
  version: number;
  /** Position of the last appended event, for read-your-writes; null when nothing was appended. */
  position: string | null;
  /** As readStream would return them, except that each carries `position` (see below) and no `globalHash` (the store chains it). */
  events: RecordedEvent<E>[];
  state: S;
};

/** ARCHITECTURE.md, Errors: without If-Match, handle() retries a conflict at most twice before it surfaces (409). */
const RETRIES = 2;

/** The one write path (ARCHITECTURE.md, rule 3): read, fold, decide, chain hashes, append at the expected version. */
export async function handle<S, C, E extends { type: string; data: unknown }>(
  store: EventStore,
  streamId: string,
  decider: Decider<S, C, E>,
  command: C,
  ctx: HandleContext,
): Promise<HandleResult<S, E>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await handleOnce(store, streamId, decider, command, ctx);
    } catch (err) {
      if (!(err instanceof VersionConflict) || ctx.expectedVersion !== undefined || attempt >= RETRIES) throw err;
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
  const history = loaded.events as RecordedEvent<E>[];
  const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  const decided = decider.decide(command, state);
  if (decided.length === 0) return { version: loaded.version, position: null, events: [], state };

  const expectedVersion = ctx.expectedVersion ?? loaded.version;
  const correlationId = ctx.correlationId ?? randomUUID();
  // Sealed before hashing: the hashes cover what the log stores (issue 5: personal fields as ciphertext).
  const sealed = await store.seal({ streamId, history, events: decided, actorId: ctx.actorId });
  let prevHash = history.at(-1)?.metadata.hash ?? GENESIS;
  const toAppend: NewEvent[] = sealed.map((e, i) => {
    const id = randomUUID();
    const schemaVersion = ctx.schemaVersionOf?.(e.type) ?? e.schemaVersion;
    const base = {
      ...e.metadata,
      actorId: ctx.actorId,
      actorRole: ctx.actorRole,
      correlationId,
      causationId: ctx.causationId ?? null,
      occurredAt: ctx.now,
    };
    // Hashed with the version it will get; if the stream moved, the append fails and nothing is stored.
    const content = { id, streamId, version: expectedVersion + i + 1, type: e.type, schemaVersion, data: e.data };
    const hash = chainHash(prevHash, { ...content, metadataWithoutHashes: base });
    const metadata = { ...base, prevHash, hash };
    prevHash = hash;
    return { id, type: e.type, schemaVersion, data: e.data, metadata };
  });

  const { version, position } = await store.appendToStream(streamId, toAppend, { expectedVersion });
  // Only the append's (last) position is known, so every returned event carries it: an upper bound that
  // is what read-your-writes waits for. Re-read the log if exact per-event positions are ever needed.
  // With the data as decided (not as sealed), as a read through the same store would give it back.
  const recorded = toAppend.map(
    (n, i) => ({ ...n, data: decided[i].data, streamId, version: expectedVersion + i + 1, position }) as RecordedEvent<E>,
  );
  return { version, position, events: recorded, state: recorded.reduce((s, e) => decider.evolve(s, e), state) };
}
