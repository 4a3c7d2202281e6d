import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, handle } from '@cert/event-store';
import { FileBlobStore } from '@cert/blob-store';
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
    for (const stream of ['application-1', 'application-2', 'application-1']) await handle(store, stream, counter, {}, ctx);
    await new VerifyCommand(store, blobs).run([], {});
    expect(printed).toEqual([
      'log intact: 3 events in 2 streams',
      expect.stringMatching(/^head 3:[0-9a-f]{64}$/),
      'documents: 0 checked, 0 missing or changed',
    ]);
    const head = printed[1].slice('head '.length);
    await store.close();

    const raw = new Database(file);
    raw.prepare(`UPDATE events SET data = '{"note":"kEpt"}' WHERE global_position = 2`).run();
    raw.close();
    store = SqliteEventStore.open(file);
    printed.length = 0;
    await new VerifyCommand(store, blobs).run([], { head });
    expect(printed).toEqual([
      expect.stringMatching(
        /^TAMPERED changed: position 2, stream application-2 version 1, event .*: the event no longer matches its own hash$/,
      ),
    ]);
    expect(process.exitCode).toBe(2);

    printed.length = 0;
    process.exitCode = 0;
    await new VerifyCommand(store, blobs).run([], { stream: 'application-1' });
    expect(printed).toEqual([
      expect.stringMatching(/^stream application-1 intact: 2 events, head hash [0-9a-f]{64}$/),
      'documents: 0 checked, 0 missing or changed',
    ]);
    expect(process.exitCode).toBe(0);
    await store.close();
  });

  it('refuses a malformed --head', () => {
    expect(() => new VerifyCommand(null as never, null as never).parseHead('3:abc')).toThrow(/position/);
  });
});
