import { SCHEMA_VERSIONS, UPCASTERS } from '../events/event-registry';

/** Unknown types (another category's, or a test's) are at version 1 and pass through unchanged. */
export const schemaVersionOf = (type: string): number => (SCHEMA_VERSIONS as Record<string, number>)[type] ?? 1;

export type StoredShape = { type: string; schemaVersion: number; data: unknown };

/**
 * The event in its type's current shape. A version newer than this code knows (written by a newer release while
 * this one still runs) is passed through unchanged: there is no way down, and failing would stop every reader.
 */
export function upcast<E extends StoredShape>(event: E): E {
  const target = schemaVersionOf(event.type);
  if (event.schemaVersion >= target) return event;
  let data = event.data as Record<string, unknown>;
  for (let version = event.schemaVersion; version < target; version++) {
    const step = UPCASTERS[event.type]?.[version];
    if (!step) throw new Error(`no upcaster for ${event.type} v${version} → v${version + 1}`);
    data = step(data);
  }
  return { ...event, schemaVersion: target, data };
}
