import { stringify } from 'csv-stringify/sync';
import { describeEvents } from '@cert/domain';
import { EventStore, LogHead, RecordedEvent } from '@cert/event-store';
import type { AuditExport } from '@cert/contracts';

/** `stored` as the log holds them; `read` the same events read through the engine's store (matched by id). */
export const exportDocument = (
  scope: AuditExport['scope'],
  stored: RecordedEvent[],
  read: RecordedEvent[],
  head: LogHead | null,
  exportedAt: string,
): AuditExport => {
  const byId = new Map(read.map((e) => [e.id, e]));
  const readable = stored.flatMap((e) => {
    const r = byId.get(e.id);
    return r ? [{ id: r.id, type: r.type, schemaVersion: r.schemaVersion, data: r.data }] : [];
  });
  return { format: 'iasl-audit-export/2', exportedAt, scope, head, events: stored, readable };
};

/** Events that occurred in [from, to), across every stream, in log order (a whole cycle's history); null = open end. */
export async function eventsBetween(store: EventStore, from: string | null, to: string | null): Promise<RecordedEvent[]> {
  const [start, end] = [from === null ? -Infinity : Date.parse(from), to === null ? Infinity : Date.parse(to)];
  const found: RecordedEvent[] = [];
  let checkpoint: string | null = null;
  for (;;) {
    const page = await store.readAll(checkpoint, 1000);
    for (const e of page) {
      const at = Date.parse(e.metadata.occurredAt);
      if (at >= start && at < end) found.push(e);
    }
    if (page.length < 1000) return found;
    checkpoint = page[page.length - 1].position;
  }
}

const COLUMNS = [
  'position',
  'stream_id',
  'version',
  'event_id',
  'type',
  'schema_version',
  'occurred_at',
  'actor_id',
  'actor_role',
  'correlation_id',
  'causation_id',
  'rubric_version',
  'policy_version',
  'prev_hash',
  'hash',
  'global_hash',
  'data',
  'summary',
];

const pinned = (data: unknown, key: string) => {
  const value = (data as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : '';
};

/**
 * For spreadsheets: one row per event, the key envelope fields flattened, the data as JSON, as people read it
 * (decrypted, or "[erased]"), then the event's sentence. The hashes cover the stored form: recheck them from the JSON
 * export.
 */
export const eventsCsv = (events: RecordedEvent[]): string => {
  const summaries = describeEvents(events);
  return stringify(
    events.map((e, i) => [
      e.position,
      e.streamId,
      e.version,
      e.id,
      e.type,
      e.schemaVersion,
      e.metadata.occurredAt,
      e.metadata.actorId,
      e.metadata.actorRole,
      e.metadata.correlationId,
      e.metadata.causationId ?? '',
      pinned(e.data, 'rubricVersion'),
      pinned(e.data, 'policyVersion'),
      e.metadata.prevHash ?? '',
      e.metadata.hash ?? '',
      e.globalHash ?? '',
      JSON.stringify(e.data),
      summaries[i],
    ]),
    { header: true, columns: COLUMNS },
  );
};
