import { EventStore, LogHead, NewEvent, ReadAllOptions, RecordedEvent, SealInput, SealedEvent } from './event-store';

/**
 * What the log stores differs from what the engine reads (issue 5): personal fields are stored encrypted, and an
 * event keeps the schema version it was written with. A codec turns one into the other both ways. It is a port
 * because this lib knows neither the domain's event shapes nor where keys live.
 */
export type EventCodec = {
  /** Decided events → stored form; runs in handle() before hashing, so the hashes cover the stored form. */
  seal(input: SealInput): Promise<SealedEvent[]>;
  /** Stored events → the current shape, decrypted ("[erased]" where the key is gone); never touches the hashes. */
  open(events: RecordedEvent[]): Promise<RecordedEvent[]>;
};

/**
 * The store every reader and handle() use: reads are opened by the codec, writes are sealed by it through
 * handle(). Hash checks (audit verify, lossless export) read `asStored()`, the adapter underneath, which returns
 * the events byte for byte as stored. The log itself is never rewritten (upcasting happens on read).
 */
export class CodecEventStore extends EventStore {
  constructor(
    private readonly stored: EventStore,
    private readonly codec: EventCodec,
  ) {
    super();
  }

  async readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }> {
    const { version, events } = await this.stored.readStream(streamId);
    return { version, events: await this.codec.open(events) };
  }

  /** Takes events as handle() sealed them: appending around handle() would store whatever it is given. */
  appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }): Promise<{ version: number; position: string }> {
    return this.stored.appendToStream(streamId, events, opts);
  }

  async readAll(checkpoint: string | null, limit: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.codec.open(await this.stored.readAll(checkpoint, limit, options));
  }

  headPosition(): Promise<string | null> {
    return this.stored.headPosition();
  }

  override head(): Promise<LogHead | null> {
    return this.stored.head();
  }

  close(): Promise<void> {
    return this.stored.close();
  }

  override seal(input: SealInput): Promise<SealedEvent[]> {
    return this.codec.seal(input);
  }

  override asStored(): EventStore {
    return this.stored.asStored();
  }
}
