import { GENESIS, globalChainHash } from './hash-chain';

/** Envelope metadata every event carries (issue 2, "Event envelope"). Hashes are set by `handle()`. */
export type EventMetadata = {
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string;
  prevHash?: string;
  hash?: string;
  [key: string]: unknown;
};

export type NewEvent = {
  id: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
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
   * The global chain link (issue 5): sha256(previous event's globalHash + this event's hash) in commit order.
   * Stored by adapters that chain the log as they append (SQLite); absent on ESDB, where audit computes it from $all.
   */
  globalHash?: string;
  /** Set on read when an upcaster turned an older stored schema version into the current one (the hash covers the stored one). */
  upcastFrom?: number;
};

/** A decided event before handle() seals, hashes and appends it. */
export type DecidedEvent = { type: string; data: unknown };

/** What handle() hands to `EventStore.seal`: the stream as read, the decided events and who decided them. */
export type SealInput = { streamId: string; history: readonly RecordedEvent[]; events: readonly DecidedEvent[]; actorId: string };

/**
 * An event as it will be stored: its data as the log keeps it (personal fields encrypted, issue 5), its schema
 * version, and metadata to add to the envelope (covered by the hash like the rest).
 */
export type SealedEvent = { type: string; schemaVersion: number; data: unknown; metadata?: Record<string, unknown> };

/**
 * links: whether each event carries the chains: its global link (`globalHash`) and its own hashes (`metadata.prevHash`,
 * `metadata.hash`), by default yes. Only what checks a chain (audit verify, the lossless export) needs them; the log
 * runner, the reactors, erasure and a rebuild read the log in bulk and leave them out. On SQLite that is one
 * 64-character string fewer to build per event (a replay under callgrind: 35.6k → 33.2k instructions per event) and
 * 128 hex characters fewer to parse (they have columns of their own; measured in `npm run bench`'s replay). Adapters
 * that store the hashes inside the metadata (ESDB) may give them anyway.
 */
export type ReadAllOptions = { links?: boolean };

/** The log's head as published (issue 5): anyone holding it can later check that the history up to it is unchanged. */
export type LogHead = { position: string; globalHash: string };

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

/** Port for the append-only log. Versions count events: 0 = no stream, first event = 1. */
export abstract class EventStore {
  abstract readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }>;
  /** @throws VersionConflict when the stream is not at `expectedVersion`. */
  abstract appendToStream(
    streamId: string,
    events: NewEvent[],
    opts: { expectedVersion: number },
  ): Promise<{ version: number; position: string }>;
  /** Every event in commit order after `checkpoint` (null = from the start). */
  abstract readAll(checkpoint: string | null, limit: number, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the newest event in the log, or null when it is empty. */
  abstract headPosition(): Promise<string | null>;
  abstract close(): Promise<void>;

  /**
   * Turns decided events into what the log stores; handle() calls it before it computes the hashes, so the hashes
   * cover exactly the stored bytes (issue 5: "the hashes cover the ciphertext"). A plain adapter stores the data as
   * decided, at schema version 1; `CodecEventStore` encrypts personal fields and writes the current schema version.
   */
  async seal(input: SealInput): Promise<SealedEvent[]> {
    return input.events.map((e) => ({ type: e.type, schemaVersion: 1, data: e.data }));
  }

  /**
   * The events exactly as stored, for whatever checks hashes (audit verify, lossless export). A plain adapter is
   * its own stored form; `CodecEventStore` returns the adapter it decorates, whose reads neither decrypt nor upcast.
   */
  asStored(): EventStore {
    return this;
  }

  /**
   * The head to publish (null while the log is empty). This default walks the whole log and chains the hashes,
   * which is right for ESDB (it stores no global chain); adapters that store the chain read it in O(1).
   */
  async head(): Promise<LogHead | null> {
    let position: string | null = null;
    let globalHash = GENESIS;
    for (;;) {
      const page = await this.readAll(position, 1000);
      if (page.length === 0) break;
      for (const e of page) globalHash = globalChainHash(globalHash, e.metadata.hash ?? '');
      position = page[page.length - 1].position;
    }
    return position === null ? null : { position, globalHash };
  }
}

/** Positions are decimal integer strings on every adapter, so they order as BigInts. */
export const comparePositions = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
