import { stringify } from 'csv-stringify/sync';
import { actorName, describeEvents } from '@cert/domain';
import { EventStore, LogHead, RecordedEvent } from '@cert/event-store';
import type { AuditExport } from '@cert/contracts';
import { Naming, peopleIn } from './people';

/**
 * `stored` as the log holds them; `read` the same events read through the engine's store (matched by id), each with
 * who took it and the people its data names, by name beside each id (docs/DOMAIN.md, Names).
 */
export const exportDocument = (
  scope: AuditExport['scope'],
  stored: RecordedEvent[],
  read: RecordedEvent[],
  head: LogHead | null,
  exportedAt: string,
  naming: Naming = {},
): AuditExport => {
  const byId = new Map(read.map((e) => [e.id, e]));
  const readable = stored.flatMap((e) => {
    const r = byId.get(e.id);
    if (!r) return [];
    const who = { actorId: r.metadata.actorId, actorName: actorName(r, naming.names), people: peopleIn(r.data, naming.names) };
    return [{ id: r.id, type: r.type, schemaVersion: r.schemaVersion, data: r.data, ...who }];
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
  'actor_name',
  'actor_role',
  'correlation_id',
  'causation_id',
  'rubric_version',
  'policy_version',
  'prev_hash',
  'hash',
  'global_hash',
  'data',
  'people',
  'summary',
];

const pinned = (data: unknown, key: string) => {
  const value = (data as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : '';
};

/**
 * For spreadsheets: one row per event, the key envelope fields flattened with the actor's name beside their id, the
 * data as JSON, as people read it (decrypted, or "[erased]"), every person the data names (`id: name`, one a line),
 * then the event's sentence. The hashes cover the stored form: recheck them from the JSON export.
 */
export const eventsCsv = (events: RecordedEvent[], naming: Naming = {}): string => {
  const summaries = describeEvents(events, naming);
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
      actorName(e, naming.names),
      e.metadata.actorRole,
      e.metadata.correlationId,
      e.metadata.causationId ?? '',
      pinned(e.data, 'rubricVersion'),
      pinned(e.data, 'policyVersion'),
      e.metadata.prevHash ?? '',
      e.metadata.hash ?? '',
      e.globalHash ?? '',
      JSON.stringify(e.data),
      peopleIn(e.data, naming.names)
        .map((p) => `${p.id}: ${p.name}`)
        .join('\n'),
      summaries[i],
    ]),
    { header: true, columns: COLUMNS },
  );
};
