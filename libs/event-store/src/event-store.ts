/** The envelope every event carries (docs/ARCHITECTURE.md, Event store rules). */
type Envelope = {
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string;
  [key: string]: unknown;
};

/** The envelope as appended: the stream chain's hashes are the adapter's to add, never a caller's. */
export type EventEnvelope = Envelope & { prevHash?: never; hash?: never };

/** The envelope as read: with the stream chain's hashes the adapter stored. */
export type EventMetadata = Envelope & { prevHash?: string; hash?: string };

export type NewEvent = {
  id: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventEnvelope;
};

export type RecordedEvent<E extends { type: string; data: unknown } = { type: string; data: unknown }> = E & {
  id: string;
  streamId: string;
  /** 1-based position in its stream. */
  version: number;
  /** Opaque, ordered global position: a decimal integer string (SQLite global_position; ESDB commit position). */
  position: string;
  schemaVersion: number;
  metadata: EventMetadata;
  /**
   * The global chain link: sha256(previous event's globalHash + this event's hash) in commit order. Stored by
   * adapters that chain the log as they append (SQLite); absent on ESDB, which keeps no global chain.
   */
  globalHash?: string;
  /** Set on read when an upcaster turned an older stored schema version into the current one (the hash covers the stored one). */
  upcastFrom?: number;
};

/**
 * links: whether each event carries the chains: its global link (`globalHash`) and its own hashes (`metadata.prevHash`,
 * `metadata.hash`), by default yes. Only what checks a chain (audit verify, the lossless export) needs them; the log
 * runner, the reactors, erasure and a rebuild read the log in bulk and leave them out, which saves building and
 * parsing them per event where they have columns of their own (SQLite). Adapters that store the hashes inside the
 * metadata (ESDB) may give them anyway.
 */
export type ReadAllOptions = { links?: boolean };

/**
 * The log's newest position and its last global link: anyone holding both can later check that the history up to
 * it is unchanged. globalHash is null where the adapter keeps no global chain (ESDB): audit verify then computes it.
 */
export type LogHead = { position: string; globalHash: string | null };

/**
 * What an append did: the stream's new version, the log position of its last event, and the appended events as a
 * read of the stream now gives them back (hashes included; each event's own position where the adapter knows it,
 * else the append's).
 */
export type AppendResult = { version: number; position: string; events: RecordedEvent[] };

export class VersionConflict extends Error {
  readonly code = 'stream.version_conflict';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(`stream ${streamId} is at version ${actualVersion ?? 'unknown'}, expected ${expectedVersion}`);
    this.name = 'VersionConflict';
  }
}

/**
 * Port for the append-only log (docs/ARCHITECTURE.md, Event store rules). Versions count events: 0 = no stream,
 * first event = 1. Implemented by the adapters (EventLog) and by decorators around any EventStore (schema versions,
 * personal-data sealing), so apps get one composed store under this token.
 */
export abstract class EventStore {
  abstract readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }>;
  /** @throws VersionConflict when the stream is not at `expectedVersion`. */
  abstract appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }): Promise<AppendResult>;
  /** Every event in commit order after `checkpoint` (null = from the start). */
  abstract readAll(checkpoint: string | null, limit: number, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The newest event's position and global link, or null while the log is empty. */
  abstract head(): Promise<LogHead | null>;
  abstract close(): Promise<void>;
  /**
   * Optional: calls `listener` soon after events are appended (by this process, or by any process where the adapter
   * can tell), so readers of the log need not poll often. A hint only: it may be late, missed while a connection is
   * down, or come for nothing, so readers keep a slower poll. Returns the unsubscribe.
   */
  onAppend?(listener: () => void): () => void;
}

/** An adapter's `onAppend`, handed to what reads the log (the log runner, the reactors). */
export type AppendSubscription = (listener: () => void) => () => void;

/** The listeners of `onAppend` for an adapter: each called once per notify, one that throws never stops the others. */
export class AppendListeners {
  private readonly listeners = new Set<() => void>();

  add(listener: () => void): () => void {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const entry = () => listener();
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  get size(): number {
    return this.listeners.size;
  }

  notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A listener's own failure is its to report; the append it heard of is committed either way.
      }
    }
  }
}

/**
 * An adapter: the log exactly as stored. Its append computes both hash chains
 * (docs/ARCHITECTURE.md, Event store rules), and its reads neither open personal fields nor upcast, so the hashes
 * recheck. Audit reads through this token; everything else reads the composed EventStore.
 */
export abstract class EventLog extends EventStore {
  /** Only an adapter is an EventLog: a decorated store handed to audit by mistake does not compile. */
  declare private readonly storedAsIs: never;
}

/** Positions are decimal integer strings on every adapter, so they order as BigInts. */
export const comparePositions = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
