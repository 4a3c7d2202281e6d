import { hash } from 'node:crypto';
import type { EventMetadata, NewEvent } from './event-store';

export const GENESIS = '0'.repeat(64);

/**
 * JSON with keys sorted at every depth and no whitespace, so equal data always hashes equally. Written with loops
 * rather than map/filter/join: it runs over every event an adapter appends, and the output must stay byte for byte
 * what it always was (existing logs' hashes), including an array hole rendered as nothing, as join() did.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      if (!(i in value)) continue;
      const v: unknown = value[i];
      out += v === undefined ? 'null' : canonicalJson(v);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += JSON.stringify(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/**
 * One-shot `crypto.hash` (Node 20.12+): the same digest as createHash().update(a).update(b), without a Hash object
 * per call, which measured as a large share of a hash's cost (bench/NOTES.md, Figures recorded in code comments).
 * Every append hashes twice (the stream chain and the global chain), and verify hashes every event of the log.
 */
const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

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
export const chainHash = (prevHash: string, content: ChainedContent): string => sha256Hex(prevHash + canonicalJson(content));

/**
 * One link of the global chain over the whole log (docs/DOMAIN.md, What auditors need): each event's own hash chained
 * onto the link before it in commit order, so a removed stream or a reordered log breaks the chain, and the last link
 * is the head to publish.
 */
export const globalChainHash = (prevGlobalHash: string, eventHash: string): string => sha256Hex(prevGlobalHash + eventHash);

export const withoutHashes = (metadata: EventMetadata): Record<string, unknown> => {
  const { prevHash: _prev, hash: _hash, ...rest } = metadata;
  return rest;
};

/**
 * The stream chain link of an event being appended at `version` onto `prevHash` (its stream's last stored hash, or
 * GENESIS): the hash an adapter stores with it, and the envelope (without hashes) that the hash covers.
 */
export function linkNewEvent(
  prevHash: string,
  streamId: string,
  version: number,
  e: NewEvent,
): { envelope: Record<string, unknown>; hash: string } {
  const envelope = withoutHashes(e.metadata);
  const { id, type, schemaVersion, data } = e;
  return { envelope, hash: chainHash(prevHash, { id, streamId, version, type, schemaVersion, data, metadataWithoutHashes: envelope }) };
}

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
 * Checks one stream's events, in the order given, against their hash chain (docs/DOMAIN.md, What auditors need).
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
