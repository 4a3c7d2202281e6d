import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS, SqliteEventStore, chainHash, globalChainHash, handle, withoutHashes } from '@cert/event-store';
import { FileBlobStore } from '@cert/blob-store';
import { CheckpointMaker, CheckpointSigner, FileWitness } from '@cert/audit';
import { VerifyCommand } from './verify.command';

const counter = { initialState: () => 0, evolve: (n: number) => n + 1, decide: () => [{ type: 'Counted', data: { note: 'kept' } }] };
const ctx = { actorId: 'u-1', actorRole: 'staff', now: '2026-03-01T00:00:00.000Z' };

describe('audit:verify', () => {
  let dir: string;
  let printed: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    process.exitCode = 0;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = 0;
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the head to publish, then names the event changed since, and exits 2', async () => {
    const file = join(dir, 'events.sqlite');
    let store = SqliteEventStore.open(file);
    const blobs = await FileBlobStore.open(join(dir, 'documents'));
    const signer = CheckpointSigner.openOrCreate(join(dir, 'checkpoint-key.pem'));
    const witness = new FileWitness(join(dir, 'witness'));
    const verify = (s: SqliteEventStore) => new VerifyCommand(s, blobs, signer, witness);
    for (const stream of ['application-1', 'application-2', 'application-1']) await handle(store, stream, counter, {}, ctx);
    await verify(store).run([], {});
    expect(printed).toEqual([
      'checkpoints: 0 checked (0 from the witness ' + witness.where + ')',
      'log intact: 3 events in 2 streams',
      expect.stringMatching(/^head 3:[0-9a-f]{64}$/),
      'documents: 0 checked, 0 missing or changed',
    ]);
    const head = printed[2].slice('head '.length);
    await store.close();

    const raw = new Database(file);
    raw.prepare(`UPDATE events SET data = '{"note":"kEpt"}' WHERE global_position = 2`).run();
    raw.close();
    store = SqliteEventStore.open(file);
    printed.length = 0;
    await verify(store).run([], { head });
    expect(printed).toEqual([
      'checkpoints: 0 checked (0 from the witness ' + witness.where + ')',
      expect.stringMatching(
        /^TAMPERED changed: position 2, stream application-2 version 1, event .*: the event no longer matches its own hash$/,
      ),
    ]);
    expect(process.exitCode).toBe(2);

    printed.length = 0;
    process.exitCode = 0;
    await verify(store).run([], { stream: 'application-1' });
    expect(printed).toEqual([
      expect.stringMatching(/^stream application-1 intact: 2 events, head hash [0-9a-f]{64}$/),
      'documents: 0 checked, 0 missing or changed',
    ]);
    expect(process.exitCode).toBe(0);
    await store.close();
  });

  it('given a signed checkpoint, names a rewrite with every hash recomputed and prints the checkpoint it was held against', async () => {
    // Given three events and a checkpoint over them, in the log and the witness
    const file = join(dir, 'events.sqlite');
    let store = SqliteEventStore.open(file);
    const blobs = await FileBlobStore.open(join(dir, 'documents'));
    const signer = CheckpointSigner.openOrCreate(join(dir, 'checkpoint-key.pem'));
    const witness = new FileWitness(join(dir, 'witness'));
    for (const stream of ['application-1', 'application-2', 'application-1']) await handle(store, stream, counter, {}, ctx);
    const maker = new CheckpointMaker({ log: store, store, signer, witness, now: () => new Date(ctx.now), every: 500 });
    const [signed] = await maker.makeNow();
    await new VerifyCommand(store, blobs, signer, witness).run([], {});
    expect(printed[0]).toBe(
      `checkpoints: 1 checked (1 from the witness ${witness.where}); latest at position 3 (${signed.globalHash}), signed ${ctx.now} with key ${signer.keyId}`,
    );
    await store.close();

    // When the second event is edited and its own hash and every link after it recomputed
    rewriteFrom(file, 2);
    store = SqliteEventStore.open(file);
    printed.length = 0;
    await new VerifyCommand(store, blobs, signer, witness).run([], {});

    // Then it is named at position 2 and the exit code is 2
    expect(printed[1]).toMatch(/^TAMPERED changed: position 2, stream application-2 version 1, .*checkpoint signed at position 3/);
    expect(process.exitCode).toBe(2);
    await store.close();
  });

  it('names a row that no longer parses as unreadable and exits 2, for the log and for its stream', async () => {
    // Given a log whose second event's data was damaged by hand
    const file = join(dir, 'events.sqlite');
    let store = SqliteEventStore.open(file);
    for (const stream of ['application-1', 'application-2', 'application-1']) await handle(store, stream, counter, {}, ctx);
    await store.close();
    const raw = new Database(file);
    raw.prepare(`UPDATE events SET data = '{"note":' WHERE global_position = 2`).run();
    raw.close();
    store = SqliteEventStore.open(file);
    const verify = new VerifyCommand(
      store,
      await FileBlobStore.open(join(dir, 'documents')),
      CheckpointSigner.openOrCreate(join(dir, 'checkpoint-key.pem')),
      new FileWitness(join(dir, 'witness')),
    );
    // When the log is verified, then the stream
    await verify.run([], {});
    // Then each names it as tampering, with the documented exit code, instead of crashing
    expect(printed.find((line) => line.startsWith('TAMPERED'))).toMatch(/^TAMPERED unreadable: position 2.*cannot be read/);
    expect(process.exitCode).toBe(2);
    printed.length = 0;
    process.exitCode = 0;
    await verify.run([], { stream: 'application-2' });
    expect(printed.find((line) => line.startsWith('TAMPERED'))).toMatch(/^TAMPERED unreadable: .*cannot be read/);
    expect(process.exitCode).toBe(2);
    await store.close();
  });

  it('refuses a malformed --head', () => {
    expect(() => new VerifyCommand(null as never, null as never, null as never, null as never).parseHead('3:abc')).toThrow(/position/);
  });
});

/** The attacker's best move on this small log: edit the event at `p`, recompute its hash and the global chain from it on. */
function rewriteFrom(file: string, p: number) {
  const db = new Database(file);
  const rows = db.prepare('SELECT * FROM events ORDER BY global_position').all() as Record<string, string | number>[];
  let link = GENESIS;
  for (const row of rows) {
    const position = row.global_position as number;
    if (position < p) {
      link = row.global_hash as string;
      continue;
    }
    const data = position === p ? { note: 'forged' } : JSON.parse(row.data as string);
    const meta = JSON.parse(row.metadata as string);
    const content = {
      id: row.event_id as string,
      streamId: row.stream_id as string,
      version: row.version as number,
      type: row.type as string,
      schemaVersion: row.schema_version as number,
      data,
      metadataWithoutHashes: withoutHashes(meta),
    };
    // Every stream here has one event after p at most, so each event's own link stays as stored.
    const hash = chainHash(row.prev_hash as string, content);
    link = globalChainHash(link, hash);
    db.prepare('UPDATE events SET data = ?, hash = ?, global_hash = ? WHERE global_position = ?').run(
      JSON.stringify(data),
      hash,
      link,
      position,
    );
  }
  db.close();
}
