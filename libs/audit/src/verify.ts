import { EventLog, GENESIS, LogHead, RecordedEvent, chainHash, contentOf, globalChainHash, verifyChain } from '@cert/event-store';

import type { BlobStore } from '@cert/blob-store';
import type { SignedCheckpoint } from '@cert/domain';
import { verifyDocuments } from './verify-documents';
import type { CheckpointsVerdict, LogVerdict, PublishedHead, StreamVerdict, TamperReason, VerifyProblem } from '@cert/contracts';
import { CheckpointKey } from './checkpoints/checkpoint-key';
import { FoundCheckpoints, compare, findCheckpoints, summaryOf } from './checkpoints/find-checkpoints';
import { Witness } from './checkpoints/witness';

/** What checkpoints are checked with: the key that signs them and the witness outside the log's database. */
export type CheckpointTrust = { key: CheckpointKey; witness: Witness | null };

const PAGE = 1000;

/** `<position>:<hash>`, the form the head is published in (CLI `--head`, API `?head=`). */
export function parseHead(text: string): PublishedHead {
  const match = /^(\d{1,20}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new Error('a head is <position>:<64 hex digits>, as GET /audit/head prints it');
  return { position: match[1], globalHash: match[2] };
}

/** A head without a link (from a store that keeps no global chain) is its position alone, which parseHead refuses. */
export const formatHead = (head: LogHead) => (head.globalHash === null ? head.position : `${head.position}:${head.globalHash}`);

const problemAt = (reason: TamperReason, e: RecordedEvent | null, detail: string, position = e?.position ?? null): VerifyProblem => ({
  reason,
  position,
  streamId: e?.streamId ?? null,
  version: e?.version ?? null,
  eventId: e?.id ?? null,
  detail,
});

const ownHashValid = (e: RecordedEvent) => e.metadata.hash === chainHash(e.metadata.prevHash ?? '', contentOf(e));

/**
 * Walks the whole log in commit order and recomputes every hash (docs/DOMAIN.md, What auditors need): each event's own
 * hash, its link to its stream's previous event, and the global chain. With `against` (a head published earlier)
 * it also proves the history up to that head is unchanged, which is what catches a truncated tail; a head without
 * a link (from a store that keeps no global chain) proves only that the log still reaches its position.
 * With `trust`, every signed checkpoint in the witness and the log is checked the same way, and each event they
 * cover against the own hash they list: a rewrite with every hash recomputed is named at its first changed event.
 */
export async function verifyLog(
  store: EventLog,
  against: LogHead | null = null,
  blobs?: BlobStore,
  trust?: CheckpointTrust,
): Promise<LogVerdict> {
  const found = trust ? await findCheckpoints(store, trust.witness, trust.key) : null;
  const verdict = await verifyChains(store, against, found);
  // The documents are found by reading every event: an unreadable row is the answer already.
  if (!blobs || verdict.problem?.reason === 'unreadable') return verdict;
  const documents = await verifyDocuments(store, blobs);
  return { ...verdict, ok: verdict.ok && documents.ok, documents };
}

/** A checkpoint being walked: the events after its `after` are compared with its list, one by one. */
type Covering = { c: SignedCheckpoint; next: number };

/**
 * The event against every checkpoint that covers it: its own hash as listed, and at the checkpoint's position the
 * global link as signed. `active` holds the checkpoints whose range the walk is in.
 */
function checkAgainstCheckpoints(e: RecordedEvent, link: string, active: Covering[]): VerifyProblem | null {
  const signed = (c: SignedCheckpoint) => `the checkpoint signed at position ${c.position} on ${c.at}`;
  for (const a of [...active]) {
    const { c } = a;
    if (compare(e.position, c.position) > 0) {
      return problemAt('missing', null, `the event at position ${c.position}, which ${signed(c)} ends with, is not in the log`, c.position);
    }
    const expected = c.hashes[a.next];
    if (expected === undefined)
      return problemAt(
        'changed',
        e,
        `${signed(c)} lists ${c.hashes.length} events up to it, and this one is not among them: it was put in since`,
      );
    if (e.metadata.hash !== expected) {
      const later = c.hashes.indexOf(e.metadata.hash ?? '', a.next + 1);
      if (later > 0) {
        const gone = later - a.next;
        return problemAt(
          'missing',
          null,
          `${gone} event${gone === 1 ? '' : 's'} that ${signed(c)} lists before the one now at position ${e.position} are not in the log`,
          e.position,
        );
      }
      return problemAt(
        'changed',
        e,
        `this event is not the one ${signed(c)} lists at this place: it was rewritten, with every hash after it recomputed`,
      );
    }
    a.next++;
    if (e.position === c.position) {
      active.splice(active.indexOf(a), 1);
      if (a.next !== c.hashes.length)
        return problemAt(
          'missing',
          null,
          `${signed(c)} lists ${c.hashes.length - a.next} more events up to it than the log holds`,
          e.position,
        );
      if (link !== c.globalHash)
        return problemAt(
          'changed',
          e,
          `the global chain at position ${c.position} is not the one ${signed(c)}: the history before it was rewritten`,
        );
    }
  }
  return null;
}

async function verifyChains(store: EventLog, against: LogHead | null, found: FoundCheckpoints | null): Promise<LogVerdict> {
  // Hashes cover the events as stored (personal fields as ciphertext, older schema versions as written), so the
  // walk reads the adapter itself; an erasure destroys keys, not stored bytes, and leaves every hash intact.
  const streams = new Map<string, RecordedEvent>();
  let link = GENESIS;
  let last: RecordedEvent | null = null;
  // Positions 1, 2, 3… so far (SQLite); then a gap means events were removed and the first absent one is known.
  let consecutive = true;
  let seenAgainst = false;
  let events = 0;
  let linksStored = true;
  // docs/DOMAIN.md, What auditors need: only a prefix written before the global chain may lack links.
  let linked = false;
  // The checkpoints by where their range starts; each joins `active` at the first event after its `after`.
  const pending = [...(found?.valid ?? [])].map((f) => f.checkpoint).sort((a, b) => compare(a.after ?? '0', b.after ?? '0'));
  const active: Covering[] = [];
  const checkpoints: CheckpointsVerdict | undefined = found
    ? {
        checked: found.valid.length,
        witness: found.fromWitness,
        rejected: found.rejected.length,
        latest: found.valid.length ? summaryOf(found.valid[found.valid.length - 1].checkpoint) : null,
      }
    : undefined;
  // A forged checkpoint is reported when the log itself showed nothing sooner.
  const forged: VerifyProblem | null = found?.rejected.length
    ? {
        reason: 'forged',
        position: found.rejected[0].position,
        streamId: null,
        version: null,
        eventId: null,
        detail: `${found.rejected[0].where}: ${found.rejected[0].why}`,
      }
    : null;
  const verdict = (walked: VerifyProblem | null): LogVerdict => {
    const problem = walked ?? forged;
    return {
      ok: problem === null,
      events,
      streams: streams.size,
      against,
      globalChain: linksStored ? 'stored' : 'computed',
      problem,
      head: last ? { position: last.position, globalHash: link } : null,
      ...(checkpoints ? { checkpoints } : {}),
    };
  };

  for (;;) {
    const read = await readPage(store, last?.position ?? null);
    if ('unreadable' in read) {
      const after = last ? `position ${last.position}` : 'the start of the log';
      const at = String((last ? BigInt(last.position) : 0n) + 1n);
      return verdict(
        problemAt(
          'unreadable',
          null,
          `the stored event after ${after} cannot be read (${read.unreadable}): its row was damaged or edited by hand`,
          at,
        ),
      );
    }
    const page = read.page;
    for (const e of page) {
      const expectedPosition = last ? BigInt(last.position) + 1n : 1n;
      const gap: boolean = consecutive && BigInt(e.position) > expectedPosition;
      const problem = await checkEvent(store, e, link, streams.get(e.streamId), gap ? String(expectedPosition) : null);
      if (problem) return verdict(problem);
      if (e.globalHash !== undefined) linked = true;
      else if (linked) {
        const detail = 'this event has no global link although the events before it have theirs: a link was removed where one must exist';
        return verdict(problemAt('changed', e, detail));
      }
      consecutive = consecutive && !gap;
      linksStored &&= e.globalHash !== undefined;
      link = globalChainHash(link, e.metadata.hash ?? '');
      while (pending.length > 0 && compare(pending[0].after ?? '0', e.position) < 0) active.push({ c: pending.shift()!, next: 0 });
      const unsigned = checkAgainstCheckpoints(e, link, active);
      if (unsigned) return verdict(unsigned);
      streams.set(e.streamId, e);
      last = e;
      events++;
      if (against && e.position === against.position) {
        seenAgainst = true;
        if (against.globalHash !== null && link !== against.globalHash) {
          return verdict(
            problemAt(
              'changed',
              e,
              `the history up to position ${e.position} no longer gives the published head: an event at or before it was rewritten and every hash after it recomputed`,
            ),
          );
        }
      }
      if (against && !seenAgainst && BigInt(e.position) > BigInt(against.position)) {
        return verdict(
          problemAt('missing', null, `the published head's event at position ${against.position} is not in the log`, against.position),
        );
      }
    }
    if (page.length < PAGE && !('more' in read && read.more)) break;
  }
  if (against && !seenAgainst) {
    const first = consecutive ? String((last ? BigInt(last.position) : 0n) + 1n) : null;
    const detail = `the log ends at position ${last?.position ?? 'none'}, before the published head at ${against.position}: its tail was cut off`;
    return verdict(problemAt('truncated', null, detail, first));
  }
  const beyond = [...active.map((a) => a.c), ...pending].sort((a, b) => compare(a.position, b.position)).at(-1);
  if (beyond) {
    const first = consecutive ? String((last ? BigInt(last.position) : 0n) + 1n) : null;
    const detail = `the log ends at position ${last?.position ?? 'none'}, before the checkpoint signed at position ${beyond.position} on ${beyond.at}: its tail was cut off`;
    return verdict(problemAt('truncated', null, detail, first));
  }
  return verdict(null);
}

/**
 * One page of the log, or why it cannot be read: a damaged row throws in the adapter, so the page is read again one
 * event at a time up to the row that fails, and the events before it are still checked.
 */
async function readPage(store: EventLog, after: string | null): Promise<{ page: RecordedEvent[]; more?: true } | { unreadable: string }> {
  try {
    return { page: await store.readAll(after, PAGE) };
  } catch {
    const page: RecordedEvent[] = [];
    for (let from = after; page.length < PAGE;) {
      try {
        const [next] = await store.readAll(from, 1);
        if (!next) break;
        page.push(next);
        from = next.position;
      } catch (error) {
        if (page.length > 0) return { page, more: true };
        return { unreadable: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
      }
    }
    return { page };
  }
}

/** The stream version an event was written at, when it now carries another: its own hash proves the original. */
function renumberedFrom(e: RecordedEvent): number | null {
  for (let k = 1; k <= 50; k++) {
    if (e.metadata.hash === chainHash(e.metadata.prevHash ?? '', { ...contentOf(e), version: e.version + k })) return e.version + k;
  }
  return null;
}

async function checkEvent(
  store: EventLog,
  e: RecordedEvent,
  link: string,
  previous: RecordedEvent | undefined,
  firstAbsent: string | null,
): Promise<VerifyProblem | null> {
  if (!ownHashValid(e)) {
    const original = renumberedFrom(e);
    if (original !== null) {
      const detail = `this event was written as version ${original} of its stream and now reads ${e.version}: the versions before it were removed and the rest renumbered`;
      return { reason: 'missing', position: e.position, streamId: e.streamId, version: e.version, eventId: null, detail };
    }
    return problemAt('changed', e, 'the event no longer matches its own hash');
  }
  if (e.globalHash !== undefined && e.globalHash !== globalChainHash(link, e.metadata.hash ?? '')) {
    const elsewhere = await belongsElsewhere(store, e, link);
    if (elsewhere) return problemAt('reordered', e, elsewhere);
    if (firstAbsent) {
      return problemAt(
        'missing',
        null,
        `the log jumps to position ${e.position}, and the global chain shows events were removed before it`,
        firstAbsent,
      );
    }
    const renumbered = await removedAndRenumbered(store);
    if (renumbered)
      return problemAt(
        'missing',
        null,
        `the global chain breaks here and ${renumbered}: events were removed and the log renumbered`,
        e.position,
      );
    // Intact in itself and in its stream (the next event of its stream still links to it), yet not where the global
    // chain expects it: what stood before it was taken out and the positions closed up.
    if (await streamLinksTo(store, e))
      return problemAt(
        'missing',
        null,
        `the global chain breaks before the event now at position ${e.position}, which is intact with its stream: an event before it was removed and the positions renumbered`,
        e.position,
      );
    // No gap, no other place for it, no renumbered stream: the event was rewritten with a fresh hash.
    return problemAt('changed', e, 'the global chain breaks here although the event matches its own hash: it was rewritten and rehashed');
  }
  const expectedVersion = (previous?.version ?? 0) + 1;
  if (e.version < expectedVersion)
    return problemAt('reordered', e, `version ${e.version} comes after version ${previous!.version} of its stream`);
  if (e.version > expectedVersion) {
    const detail = `version ${expectedVersion} of the stream is absent: the next one found is ${e.version}`;
    return { reason: 'missing', position: null, streamId: e.streamId, version: expectedVersion, eventId: null, detail };
  }
  if ((e.metadata.prevHash ?? '') !== (previous?.metadata.hash ?? GENESIS)) {
    return problemAt('changed', previous ?? e, 'the next event of the stream no longer links to this one: it was rewritten and rehashed');
  }
  return null;
}

/** The next event of e's stream links to e's hash as stored (so e was not rehashed alone); false when e is its stream's last. */
async function streamLinksTo(store: EventLog, e: RecordedEvent): Promise<boolean> {
  const { events } = await store.readStream(e.streamId);
  const next = events.find((x) => x.version === e.version + 1);
  return next !== undefined && next.metadata.prevHash === e.metadata.hash;
}

/** After a global-chain break with no gap in positions: a stream whose versions show that events were taken out. */
async function removedAndRenumbered(store: EventLog): Promise<string | null> {
  const versions = new Map<string, number>();
  for (const x of await readWhole(store)) {
    const expected = (versions.get(x.streamId) ?? 0) + 1;
    versions.set(x.streamId, x.version);
    if (x.version > expected) return `version ${expected} of ${x.streamId} is absent`;
    const original = ownHashValid(x) ? null : renumberedFrom(x);
    if (original !== null) return `${x.streamId} version ${x.version} was written as version ${original}`;
  }
  return null;
}

async function readWhole(store: EventLog): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let page = await store.readAll(null, PAGE); page.length > 0; page = await store.readAll(page[page.length - 1].position, PAGE)) {
    all.push(...page);
    if (page.length < PAGE) break;
  }
  return all;
}

/**
 * After a global-chain break: an event that would fit here is elsewhere in the log, or this event's stored link
 * chains from a link stored elsewhere. Either way the events are all there, in the wrong order. Reads the whole
 * log into memory, but only once a break was found.
 */
async function belongsElsewhere(store: EventLog, e: RecordedEvent, link: string): Promise<string | null> {
  const all = await readWhole(store);
  const due = all.find((x) => x.id !== e.id && globalChainHash(link, x.metadata.hash ?? '') === e.globalHash);
  if (due) return `the event recorded at this place in the log is ${due.id}, now found at position ${due.position}`;
  const after = all.find(
    (x) => x.id !== e.id && x.globalHash !== undefined && globalChainHash(x.globalHash, e.metadata.hash ?? '') === e.globalHash,
  );
  if (after) return `this event was recorded right after the event now at position ${after.position}`;
  if (globalChainHash(GENESIS, e.metadata.hash ?? '') === e.globalHash) return 'this event was recorded first in the log';
  return null;
}

/**
 * One stream's chain (an application's history). It cannot see a cut-off tail of the stream or a removed
 * stream: only the whole-log walk with a published head can.
 */
export async function verifyStream(store: EventLog, streamId: string, blobs?: BlobStore): Promise<StreamVerdict> {
  const verdict = await verifyStreamChain(store, streamId);
  if (!blobs || verdict.problem?.reason === 'unreadable') return verdict;
  const documents = await verifyDocuments(store, blobs, streamId);
  return { ...verdict, ok: verdict.ok && documents.ok, documents };
}

async function verifyStreamChain(store: EventLog, streamId: string): Promise<StreamVerdict> {
  let events: RecordedEvent[];
  try {
    ({ events } = await store.readStream(streamId));
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    const detail = `a stored event of this stream cannot be read (${why}): its row was damaged or edited by hand`;
    return {
      ok: false,
      streamId,
      events: 0,
      headHash: null,
      problem: { reason: 'unreadable', position: null, streamId, version: null, eventId: null, detail },
    };
  }
  const result = verifyChain(events);
  const headHash = events.at(-1)?.metadata.hash ?? null;
  if (result.ok) return { ok: true, streamId, events: events.length, headHash, problem: null };
  const at = events.find((e) => e.version === result.version);
  const problem: VerifyProblem = {
    reason: result.reason,
    position: at?.position ?? null,
    streamId,
    version: result.version,
    eventId: at?.id ?? null,
    detail: DETAIL[result.reason],
  };
  return { ok: false, streamId, events: events.length, headHash, problem };
}

const DETAIL: Record<'changed' | 'missing' | 'reordered', string> = {
  changed: 'the event no longer matches its hash, or the next one no longer links to it',
  missing: 'this version of the stream is absent',
  reordered: "the stream's events are out of order",
};
