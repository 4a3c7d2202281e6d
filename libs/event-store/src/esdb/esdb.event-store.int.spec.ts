import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { verifyChain } from '../hash-chain';
import { startChild, waitForLines } from '../testing/children';
import { CONTRACT_SCHEMAS, itBehavesLikeAnEventStore, noteAdded } from '../testing/event-store.contract';
import { VersionedEventStore } from '../versioned.event-store';
import { EsdbEventStore } from './esdb.event-store';

// Opt-in (docs/ARCHITECTURE.md, Tests: where they live and how they run): no EventStoreDB can run on this machine, so
// this runs only with ESDB_URL set, e.g. ESDB_URL='esdb://localhost:2113?tls=false'.
const url = process.env.ESDB_URL;
const fixture = (name: string) => join(__dirname, '..', 'testing', 'fixtures', name);

(url ? describe : describe.skip)('EsdbEventStore', () => {
  itBehavesLikeAnEventStore(async () => EsdbEventStore.connect(url!));

  describe('through VersionedEventStore', () => {
    itBehavesLikeAnEventStore(async () => new VersionedEventStore(EsdbEventStore.connect(url!), CONTRACT_SCHEMAS));
  });

  it('names its newest event as the head, and a page of $all holds only ours (no system or link events)', async () => {
    const store = EsdbEventStore.connect(url!);
    const written = await store.appendToStream(`application-head-${randomUUID()}`, [noteAdded('last')], { expectedVersion: 0 });
    expect(await store.head()).toEqual({ position: written.position, globalHash: null });
    const before = String(BigInt(written.position) - 1n);
    const page = await store.readAll(before, 10);
    expect(page[0].id).toBe(written.events[0].id);
    expect(page.filter((e) => e.type.startsWith('$') || e.streamId.startsWith('$'))).toEqual([]);
    await store.close();
  });

  it("wakes a listener on another client's append, without polling", async () => {
    const [listening, writing] = [EsdbEventStore.connect(url!), EsdbEventStore.connect(url!)];
    let heard = 0;
    listening.onAppend(() => heard++);
    // The subscription starts at the end of $all: wait until it is live (an append heard) before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = heard;
    await writing.appendToStream(`application-wake-${randomUUID()}`, [noteAdded('wake')], { expectedVersion: 0 });
    const until = Date.now() + 10_000;
    while (heard === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toBeGreaterThan(before);
    await Promise.all([listening.close(), writing.close()]);
  });

  it('two processes racing on the same 20 streams never fork a stream and lose no append', async () => {
    const run = randomUUID();
    const streams = Array.from({ length: 20 }, (_, i) => `application-race-${run}-${i}`);
    const rounds = 5;
    const racers = ['left', 'right'].map((name) => startChild(fixture('race-child.mjs'), [url!, name, String(rounds), ...streams]));
    await Promise.all(racers.map((r) => waitForLines(r, (lines) => lines.includes('ready'))));
    racers.forEach((r) => r.proc.stdin.end('go\n'));
    expect(await Promise.all(racers.map((r) => r.exited))).toEqual([0, 0]);
    const tallies = racers.map((r) => JSON.parse(r.lines.at(-1)!) as { appended: number });
    expect(tallies[0].appended + tallies[1].appended).toBe(2 * rounds * streams.length);
    const store = EsdbEventStore.connect(url!);
    for (const id of streams) {
      const { version, events } = await store.readStream(id);
      expect(version).toBe(2 * rounds);
      expect(verifyChain(events)).toEqual({ ok: true });
    }
    await store.close();
  }, 120_000);

  it('finds every acknowledged event after the writer is killed with SIGKILL mid-stream', async () => {
    const writer = startChild(fixture('append-child.mjs'), [url!, 'FULL', 'concurrent', `esdb-${randomUUID()}-`]);
    await waitForLines(writer, (lines) => lines.length >= 200);
    writer.proc.kill('SIGKILL');
    await writer.exited;
    const store = EsdbEventStore.connect(url!);
    for (const [, streamId, version, id] of writer.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '))) {
      const { events } = await store.readStream(streamId);
      expect(events[Number(version) - 1]?.id).toBe(id);
    }
    await store.close();
  }, 120_000);
});
