import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, handle } from '@cert/event-store';
import { CheckpointSigner } from './checkpoint-key';
import { CheckpointMaker } from './checkpoint-maker';
import { MemoryWitness } from './witness';

const counter = { initialState: () => 0, evolve: (n: number) => n + 1, decide: () => [{ type: 'Counted', data: { note: 'kept' } }] };
const ctx = { actorId: 'u-1', actorRole: 'staff', now: '2026-03-01T00:00:00.000Z' };

describe('the checkpoint maker', () => {
  let dir: string;
  let store: SqliteEventStore;
  let witness: MemoryWitness;
  let maker: CheckpointMaker;
  const append = async (n: number) => {
    for (let k = 0; k < n; k++) await handle(store, `application-${k % 3}`, counter, {}, ctx);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-maker-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    witness = new MemoryWitness();
    const signer = CheckpointSigner.openOrCreate(join(dir, 'key.pem'));
    maker = new CheckpointMaker({ log: store, store, signer, witness, now: () => new Date(ctx.now), every: 5 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given fewer events than CHECKPOINT_EVERY, the count makes none; given more, one per full batch', async () => {
    await append(4);
    expect(await maker.catchUp()).toEqual([]);
    await append(7);
    const made = await maker.catchUp();
    expect(made.map((c) => [c.after, c.position, c.hashes.length])).toEqual([
      [null, '5', 5],
      ['5', '10', 5],
    ]);
    expect(witness.lines).toHaveLength(2);
    expect((await store.readStream('checkpoints')).events.map((e) => e.data)).toEqual(made);
  });

  it('given on demand, signs up to the head, and nothing more while only checkpoints were appended since', async () => {
    await append(3);
    const [first] = await maker.makeNow();
    expect(first.position).toBe('3');
    expect(await maker.makeNow()).toEqual([]);
    await append(1);
    expect((await maker.makeNow()).map((c) => c.after)).toEqual(['3']);
  });

  it('refuses to sign over a log that no longer chains from the latest checkpoint', async () => {
    await append(3);
    await maker.makeNow();
    await append(2);
    const raw = new Database(join(dir, 'events.sqlite'));
    raw.prepare(`UPDATE events SET data = '{"note":"kEpt"}' WHERE global_position = 5`).run();
    raw.close();
    await expect(maker.makeNow()).rejects.toThrow(/position 5 does not chain from the latest checkpoint/);
    expect(witness.lines).toHaveLength(1);
  });

  it('copies to the witness a checkpoint the log holds and the witness lacks (a crash between the two writes)', async () => {
    await append(3);
    await maker.makeNow();
    witness.lines.length = 0;
    await append(1);
    await maker.makeNow();
    expect(witness.lines.map((l) => (JSON.parse(l) as { position: string }).position)).toEqual(['3', '5']);
  });
});
