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
};

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
  abstract readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]>;
  /** The position of the newest event in the log, or null when it is empty. */
  abstract headPosition(): Promise<string | null>;
  abstract close(): Promise<void>;
}

/** Positions are decimal integer strings on every adapter, so they order as BigInts. */
export const comparePositions = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
