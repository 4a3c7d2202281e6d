import { EventMetadata } from './event-store';
import { canonicalJson, chainHash, contentOf, GENESIS, verifyChain } from './hash-chain';

type Ev = { id: string; streamId: string; version: number; type: string; schemaVersion: number; data: unknown; metadata: EventMetadata };

const meta = { actorId: 'a', actorRole: 'staff', correlationId: 'c', causationId: null, occurredAt: '2026-01-01T00:00:00Z' };

/** Builds a correctly chained stream, the way handle() does. */
function chain(n: number): Ev[] {
  let prevHash = GENESIS;
  return Array.from({ length: n }, (_, i) => {
    const e: Ev = { id: `e${i + 1}`, streamId: 's-1', version: i + 1, type: 'Noted', schemaVersion: 1, data: { i }, metadata: { ...meta } };
    const hash = chainHash(prevHash, contentOf(e));
    e.metadata = { ...meta, prevHash, hash };
    prevHash = hash;
    return e;
  });
}

const rehash = (events: Ev[], at: number) => {
  const e = events[at];
  e.metadata.hash = chainHash(e.metadata.prevHash!, contentOf(e));
};

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined, and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([undefined, null, 'é'])).toBe('[null,null,"é"]');
  });
});

describe('chainHash', () => {
  it('is sha256 hex, deterministic, and depends on the previous hash and the metadata', () => {
    const c = contentOf(chain(1)[0]);
    expect(chainHash(GENESIS, c)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS, c)).toBe(chainHash(GENESIS, { ...c, data: { i: 0 } }));
    expect(chainHash('1'.repeat(64), c)).not.toBe(chainHash(GENESIS, c));
    expect(chainHash(GENESIS, { ...c, metadataWithoutHashes: { ...meta, actorId: 'b' } })).not.toBe(chainHash(GENESIS, c));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, and an empty stream', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('ignores fields outside the chained content, such as the adapter-specific position', () => {
    expect(verifyChain(chain(3).map((e, i) => ({ ...e, position: String(100 + i) })))).toEqual({ ok: true });
  });

  it('reports an edited event as changed', () => {
    const events = chain(5);
    events[2].data = { i: 99 };
    expect(verifyChain(events)).toEqual({ ok: false, version: 3, reason: 'changed' });
  });

  it('reports an edited metadata field as changed', () => {
    const events = chain(3);
    events[0].metadata.actorId = 'someone-else';
    expect(verifyChain(events)).toEqual({ ok: false, version: 1, reason: 'changed' });
  });

  it('reports an edited and rehashed event as changed, caught by the next link', () => {
    const events = chain(5);
    events[1].data = { i: 99 };
    rehash(events, 1);
    expect(verifyChain(events)).toEqual({ ok: false, version: 2, reason: 'changed' });
  });

  it('reports a deleted event as missing, whether or not the later ones were renumbered', () => {
    const gap = chain(5).filter((e) => e.version !== 3);
    expect(verifyChain(gap)).toEqual({ ok: false, version: 3, reason: 'missing' });
    const renumbered = gap.map((e, i) => ({ ...e, version: i + 1 }));
    expect(verifyChain(renumbered)).toEqual({ ok: false, version: 3, reason: 'missing' });
  });

  it('reports swapped events as reordered', () => {
    const events = chain(4);
    expect(verifyChain([events[0], events[2], events[1], events[3]])).toEqual({ ok: false, version: 2, reason: 'reordered' });
    const renumbered = [events[0], { ...events[2], version: 2 }, { ...events[1], version: 3 }, events[3]];
    expect(verifyChain(renumbered)).toEqual({ ok: false, version: 2, reason: 'reordered' });
  });
});
