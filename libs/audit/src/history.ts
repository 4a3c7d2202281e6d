import { ApplicationEvent, NotFound, actorName, applicationStream, describeEvents } from '@cert/domain';
import { EventLog, EventStore, RecordedEvent } from '@cert/event-store';
import type { HistoryEntry } from '@cert/contracts';
import { Naming, peopleIn } from './people';

export type ApplicationHistory = RecordedEvent<ApplicationEvent>[];

/** An application's stream, read from the log itself (never a read model: the auditor checks the source). */
export async function loadHistory(store: EventStore, applicationId: string): Promise<ApplicationHistory> {
  const { events } = await store.readStream(applicationStream(applicationId));
  if (events.length === 0) throw new NotFound('application', applicationId);
  return events as ApplicationHistory;
}

/** The same stream exactly as stored: personal fields as ciphertext, each event in the schema it was written in. */
export async function loadStoredHistory(log: EventLog, applicationId: string): Promise<RecordedEvent[]> {
  const { events } = await log.readStream(applicationStream(applicationId));
  if (events.length === 0) throw new NotFound('application', applicationId);
  return events;
}

const pinned = (e: RecordedEvent, key: 'rubricVersion' | 'policyVersion') => {
  const value = (e.data as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : null;
};

/**
 * docs/DOMAIN.md, What auditors need: the full ordered history (who did what, when, under which rubric and policy
 * version), people named as `naming` names them (docs/DOMAIN.md, Names).
 */
export const historyEntries = (events: readonly RecordedEvent[], naming: Naming = {}): HistoryEntry[] => {
  const summaries = describeEvents(events, naming);
  return events.map((e, i) => ({
    streamId: e.streamId,
    version: e.version,
    position: e.position,
    type: e.type,
    schemaVersion: e.schemaVersion,
    storedSchemaVersion: e.upcastFrom ?? e.schemaVersion,
    occurredAt: e.metadata.occurredAt,
    actorId: e.metadata.actorId,
    actorRole: e.metadata.actorRole,
    actorName: actorName(e, naming.names),
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    rubricVersion: pinned(e, 'rubricVersion'),
    policyVersion: pinned(e, 'policyVersion'),
    eventId: e.id,
    hash: e.metadata.hash ?? null,
    data: e.data,
    people: peopleIn(e.data, naming.names),
    summary: summaries[i],
  }));
};
