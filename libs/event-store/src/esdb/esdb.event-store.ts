import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  JSONType,
  KurrentDBClient,
  NO_STREAM,
  ResolvedEvent,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { AppendListeners, AppendResult, EventLog, EventMetadata, LogHead, NewEvent, RecordedEvent, VersionConflict } from '../event-store';
import { GENESIS, linkNewEvent } from '../hash-chain';

const UNKNOWN_POSITION = 2n ** 64n - 1n;

type EsdbRecorded = NonNullable<ResolvedEvent['event']>;

/** System and link events ($>, $metadata, $statistics…) are the server's, never ours. */
const isOurs = (e: EsdbRecorded | undefined): e is EsdbRecorded =>
  e !== undefined && !e.type.startsWith('$') && !e.streamId.startsWith('$');

/**
 * Leaves the server's own events (types starting with `$`, projection links `$>` among them) on the server: $all is
 * read with this filter, so a page holds only ours. isOurs still checks each one (a stream name starting with `$`).
 */
const OURS = () => excludeSystemEvents();

/** Our events are written JSON, with `schemaVersion` riding in the metadata; strip it back out. */
const toRecorded = (e: EsdbRecorded, position: string): RecordedEvent => {
  const { schemaVersion, ...metadata } = (e.metadata ?? {}) as EventMetadata & { schemaVersion?: number };
  return {
    id: e.id,
    streamId: e.streamId,
    version: Number(e.revision) + 1,
    position,
    type: e.type,
    schemaVersion: schemaVersion ?? 1,
    data: e.data,
    metadata,
  };
};

/**
 * The distributed log on EventStoreDB/KurrentDB. Versions are revision + 1 (docs/ARCHITECTURE.md, Event store rules).
 * Positions are the commit position alone. Events appended over gRPC are implicitly committed, and the
 * server reports each one at commit = prepare = its own log position, so the commit position is unique and
 * increasing in $all. (Old explicit TCP transactions shared one commit position; we never write those.)
 * The stream chain is computed in the append onto the stream's last event, read just before it: the expected
 * revision makes the server refuse the append if that event is no longer the last. There is no global chain:
 * ESDB offers no write lock to compute one under, so head() names a position only and audit verify computes
 * the chain from commit order (docs/ARCHITECTURE.md, Event store rules).
 */
export class EsdbEventStore extends EventLog {
  private readonly appended = new AppendListeners();
  private subscription: ReturnType<KurrentDBClient['subscribeToAll']> | null = null;
  private resubscribe: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(private readonly client: KurrentDBClient) {
    super();
  }

  /** `esdb://` and `kurrentdb://` connection strings both work. */
  static connect(url: string): EsdbEventStore {
    return new EsdbEventStore(KurrentDBClient.connectionString(url));
  }

  async readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: START })) {
        const e = resolved.event;
        if (!e) continue;
        // Stream reads come from the index, which may not know positions (absent, or 2^64-1 on older
        // servers); then position is ''. readAll is where positions are authoritative.
        const commit = e.position?.commit ?? resolved.commitPosition;
        events.push(toRecorded(e, commit === undefined || commit === UNKNOWN_POSITION ? '' : String(commit)));
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) return { version: 0, events: [] };
      throw err;
    }
    return { version: events.at(-1)?.version ?? 0, events };
  }

  async appendToStream(streamId: string, events: NewEvent[], { expectedVersion }: { expectedVersion: number }): Promise<AppendResult> {
    let prevHash = await this.hashAt(streamId, expectedVersion);
    const chained = events.map((e, i) => {
      const { envelope, hash } = linkNewEvent(prevHash, streamId, expectedVersion + i + 1, e);
      const metadata = { ...envelope, prevHash, hash } as EventMetadata;
      prevHash = hash;
      return { ...e, metadata };
    });
    const data = chained.map((e) =>
      jsonEvent({
        id: e.id,
        type: e.type,
        data: e.data as JSONType,
        metadata: { ...e.metadata, schemaVersion: e.schemaVersion },
      }),
    );
    const expectedRevision = expectedVersion === 0 ? NO_STREAM : BigInt(expectedVersion - 1);
    try {
      const result = await this.client.appendToStream(streamId, data, { streamState: expectedRevision });
      // throwOnAppendFailure=false in the connection string turns a conflict into success: false.
      if (!result.success) throw new VersionConflict(streamId, expectedVersion, Number(result.nextExpectedRevision) + 1);
      const last = BigInt(expectedVersion + events.length - 1);
      const position = String(result.position?.commit ?? (await this.commitOf(streamId, last)));
      // Only the append's (last) commit position is known: every event carries it, an upper bound for read-your-writes.
      const recorded = chained.map((e, i): RecordedEvent => ({ ...e, streamId, version: expectedVersion + i + 1, position }));
      return { version: Number(result.nextExpectedRevision) + 1, position, events: recorded };
    } catch (err) {
      if (err instanceof WrongExpectedVersionError) {
        const actual = typeof err.actualState === 'bigint' ? Number(err.actualState) + 1 : 0;
        throw new VersionConflict(streamId, expectedVersion, actual);
      }
      throw err;
    }
  }

  async readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    const cursor = checkpoint === null ? null : BigInt(checkpoint);
    // +1: fromPosition is inclusive, so the checkpointed event comes back first and is skipped.
    const fromPosition = cursor === null ? START : { commit: cursor, prepare: cursor };
    for await (const resolved of this.client.readAll({ fromPosition, maxCount: limit + 1, direction: FORWARDS, filter: OURS() })) {
      const commit = resolved.event?.position.commit ?? resolved.commitPosition;
      if (commit === undefined || (cursor !== null && commit <= cursor) || out.length === limit) continue;
      if (isOurs(resolved.event)) out.push(toRecorded(resolved.event, String(commit)));
    }
    return out;
  }

  /** The newest position only, without walking $all: this adapter keeps no global chain (see the class comment). */
  async head(): Promise<LogHead | null> {
    const head = await this.headCommit();
    return head === null ? null : { position: String(head), globalHash: null };
  }

  /**
   * Wakes readers on every event of ours appended by anyone: a catch-up subscription to $all from its end, filtered on
   * the server like the reads. Dropped (server restart, network), it subscribes again after a second; readers keep their
   * slower poll meanwhile.
   */
  override onAppend(listener: () => void): () => void {
    const unsubscribe = this.appended.add(listener);
    if (!this.subscription && !this.resubscribe) this.subscribe();
    return unsubscribe;
  }

  private subscribe(): void {
    this.resubscribe = null;
    if (this.closed || this.appended.size === 0) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: OURS() });
    const lost = () => {
      if (this.subscription !== subscription) return;
      this.subscription = null;
      void subscription.unsubscribe().catch(() => {});
      this.resubscribe ??= setTimeout(() => this.subscribe(), 1000);
      this.resubscribe.unref();
    };
    this.subscription = subscription;
    subscription.on('data', () => this.appended.notify());
    subscription.on('error', lost);
    subscription.on('close', lost);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.resubscribe) clearTimeout(this.resubscribe);
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => {});
    await this.client.dispose();
  }

  /**
   * The hash of the stream's event at `version` (GENESIS for a new stream): the link the next event chains onto. A
   * stream that is not at that version makes the append fail on its expected revision, so the link is never stored.
   */
  private async hashAt(streamId: string, version: number): Promise<string> {
    if (version === 0) return GENESIS;
    try {
      const last = this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt(version - 1), maxCount: 1 });
      for await (const resolved of last) {
        const hash = (resolved.event?.metadata as EventMetadata | undefined)?.hash;
        if (hash) return hash;
      }
    } catch (err) {
      if (!(err instanceof StreamNotFoundError)) throw err;
    }
    return GENESIS;
  }

  /** Newest commit position of one of our events: one filtered read, backwards from the end of $all. */
  private async headCommit(): Promise<bigint | null> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1, filter: OURS() })) {
      if (isOurs(resolved.event)) return resolved.event.position.commit;
    }
    return null;
  }

  /** The commit position of one event of a stream (an older server may not report an append's position). */
  private async commitOf(streamId: string, revision: bigint): Promise<bigint> {
    for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: revision, maxCount: 1 })) {
      const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
      if (commit !== undefined && commit !== UNKNOWN_POSITION) return commit;
    }
    // The stream index may not know positions: the newest of ours in $all is at least as far as this append.
    const head = await this.headCommit();
    if (head === null) throw new Error(`no position known for ${streamId} revision ${revision} just appended`);
    return head;
  }
}
