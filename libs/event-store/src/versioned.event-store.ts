import { AppendResult, EventStore, LogHead, NewEvent, ReadAllOptions, RecordedEvent } from './event-store';

/**
 * How event shapes evolve, from the domain (this lib imports nothing of ours): the schema version each type is
 * written at now, and the step from any older stored version to it.
 */
export type SchemaVersions = {
  schemaVersionOf(type: string): number;
  /** The event in its type's current shape; the very same object when it already is. */
  upcast<E extends { type: string; schemaVersion: number; data: unknown }>(event: E): E;
};

/**
 * An event keeps the schema version it was written with and the log is never rewritten (its hashes cover the
 * stored shape). This decorator stamps every append with the current version of its type and upcasts every read
 * to the current shape, marking `upcastFrom`. Composed outside the personal-data decorator: an upcaster may need
 * the clear text, so reads are opened first, then upcast.
 */
export class VersionedEventStore extends EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly schemas: SchemaVersions,
  ) {
    super();
  }

  async readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }> {
    const { version, events } = await this.store.readStream(streamId);
    return { version, events: events.map(this.current) };
  }

  appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }): Promise<AppendResult> {
    const stamped = events.map((e) => ({ ...e, schemaVersion: this.schemas.schemaVersionOf(e.type) }));
    return this.store.appendToStream(streamId, stamped, opts);
  }

  async readAll(checkpoint: string | null, limit: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.store.readAll(checkpoint, limit, options)).map(this.current);
  }

  head(): Promise<LogHead | null> {
    return this.store.head();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private readonly current = (e: RecordedEvent): RecordedEvent => {
    const current = this.schemas.upcast(e);
    return current === e ? e : { ...current, upcastFrom: e.schemaVersion };
  };
}
