import { createHash } from 'node:crypto';
import type { EventMetadata } from './event-store';

export const GENESIS = '0'.repeat(64);

/** JSON with keys sorted at every depth and no whitespace, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type ChainedContent = {
  id: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadataWithoutHashes: Record<string, unknown>;
};

/** sha256 over the previous hash and the event's canonical content (streamId and version included, so moving an event breaks it). */
export const chainHash = (prevHash: string, content: ChainedContent): string =>
  createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');

/**
 * One link of the global chain over the whole log (issue 5): each event's own hash chained onto the link before it
 * in commit order, so a removed stream or a reordered log breaks the chain, and the last link is the head to publish.
 */
export const globalChainHash = (prevGlobalHash: string, eventHash: string): string =>
  createHash('sha256').update(prevGlobalHash).update(eventHash).digest('hex');

export const withoutHashes = (metadata: EventMetadata): Record<string, unknown> => {
  const { prevHash: _prev, hash: _hash, ...rest } = metadata;
  return rest;
};

type ChainedEvent = Omit<ChainedContent, 'metadataWithoutHashes'> & { metadata: EventMetadata };

/** Exactly the hashed fields, whatever else the event object carries (position differs per adapter). */
export const contentOf = (e: ChainedEvent): ChainedContent => ({
  id: e.id,
  streamId: e.streamId,
  version: e.version,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadataWithoutHashes: withoutHashes(e.metadata),
});

export type ChainVerdict = { ok: true } | { ok: false; version: number; reason: 'changed' | 'missing' | 'reordered' };

/**
 * Checks one stream's events, in the order given, against their hash chain (DOMAIN.md: auditors).
 * A chain cannot reveal that its newest events were cut off; compare the head hash with a copy kept elsewhere for that.
 */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerdict {
  const hashes = new Set(events.map((e) => e.metadata.hash));
  let prev = GENESIS;
  for (const [i, e] of events.entries()) {
    const expected = i + 1;
    if (e.version < expected) return { ok: false, version: e.version, reason: 'reordered' };
    if (e.version > expected) {
      const later = events.slice(i + 1).some((x) => x.version === expected);
      return { ok: false, version: expected, reason: later ? 'reordered' : 'missing' };
    }
    const ownPrev = e.metadata.prevHash ?? '';
    const selfValid = e.metadata.hash === chainHash(ownPrev, contentOf(e));
    if (ownPrev !== prev) {
      if (ownPrev !== GENESIS && hashes.has(ownPrev)) return { ok: false, version: e.version, reason: 'reordered' };
      // The link dangles. If this event is intact, the one before it was rewritten (and rehashed);
      // if it is not, an event was cut out and this one renumbered.
      return selfValid && e.version > 1
        ? { ok: false, version: e.version - 1, reason: 'changed' }
        : { ok: false, version: e.version, reason: 'missing' };
    }
    if (!selfValid) return { ok: false, version: e.version, reason: 'changed' };
    prev = e.metadata.hash as string;
  }
  return { ok: true };
}
