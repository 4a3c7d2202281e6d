import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { EventStore, LogHead, SqliteEventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { verifyLog } from '@cert/audit';
import type { TamperReason, VerifyProblem } from '@cert/contracts';
import { seedCycle, seededRandom } from '../libs/audit/src/testing/seed-cycle';
import { startApp } from './support/test-app';
import { rewrite } from './support/rewrite-log';

/**
 * Change one byte of an event's data, delete an event, swap two events, truncate
 * the tail, each on the real SQLite file, at many random positions; every one must be detected and named exactly.
 */
const TRIALS_PER_KIND = 60;
const random = seededRandom(20260501);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

let dir: string;
let original: string;
let head: LogHead;
let size: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-tamper-'));
  const t = await startApp({ dataDir: join(dir, 'app') });
  await seedCycle({ commands: t.get(CommandBus), identity: t.get(IdentityStore), clock: t.clock, store: t.get(EventStore) }, 30);
  await t.close();
  original = join(dir, 'app', 'events.sqlite');
  const store = SqliteEventStore.open(original);
  head = (await store.head())!;
  size = Number(head.position);
  await store.close();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A letter inside a JSON string (never an escape), so the data still parses: the change is content, not syntax. */
function flipOneByte(json: string): string {
  const candidates: number[] = [];
  let inString = false;
  for (let k = 0; k < json.length; k++) {
    const c = json[k];
    if (c === '\\') {
      k += c === '\\' && json[k + 1] === 'u' ? 5 : 1;
      continue;
    }
    if (c === '"') inString = !inString;
    else if (inString && /[A-Za-z0-9]/.test(c)) candidates.push(k);
  }
  const at = candidates[Math.floor(random() * candidates.length)];
  const letters = 'abcdefghijklmnopqrstuvwxyz'.replace(json[at].toLowerCase(), '');
  return json.slice(0, at) + letters[Math.floor(random() * letters.length)] + json.slice(at + 1);
}

type Trial = { kind: string; expected: Pick<VerifyProblem, 'reason' | 'position'>; tamper: (db: Database.Database) => unknown };

const trials: Record<string, () => Trial> = {
  change: () => {
    const p = between(1, size);
    return {
      kind: 'change',
      expected: { reason: 'changed', position: String(p) },
      tamper: (db) => {
        const data = db.prepare('SELECT data FROM events WHERE global_position = ?').pluck().get(p) as string;
        db.prepare('UPDATE events SET data = ? WHERE global_position = ?').run(flipOneByte(data), p);
      },
    };
  },
  delete: () => {
    const p = between(1, size);
    // Deleting the newest event is a cut tail: only the published head can tell, and it names it truncated.
    const reason: TamperReason = p === size ? 'truncated' : 'missing';
    return {
      kind: 'delete',
      expected: { reason, position: String(p) },
      tamper: (db) => db.prepare('DELETE FROM events WHERE global_position = ?').run(p),
    };
  },
  swap: () => {
    const p1 = between(1, size - 1);
    const p2 = between(p1 + 1, size);
    return {
      kind: 'swap',
      expected: { reason: 'reordered', position: String(p1) },
      // Each event keeps all its columns and takes the other's place in the log.
      tamper: (db) =>
        db.transaction(() => {
          const move = db.prepare('UPDATE events SET global_position = ? WHERE global_position = ?');
          move.run(-1, p1);
          move.run(p1, p2);
          move.run(p2, -1);
        })(),
    };
  },
  truncate: () => {
    const p = between(1, size);
    return {
      kind: 'truncate',
      expected: { reason: 'truncated', position: String(p) },
      tamper: (db) => db.prepare('DELETE FROM events WHERE global_position >= ?').run(p),
    };
  },
};

async function run(trial: Trial, n: number) {
  const file = join(dir, `trial-${trial.kind}-${n}.sqlite`);
  copyFileSync(original, file);
  const db = new Database(file);
  trial.tamper(db);
  db.close();
  const store = SqliteEventStore.open(file);
  try {
    return await verifyLog(store, head);
  } finally {
    await store.close();
    rmSync(file, { force: true });
  }
}

describe('tamper evidence on the SQLite file', () => {
  it('verifies the untouched log against its own head', async () => {
    const store = SqliteEventStore.open(original);
    const verdict = await verifyLog(store, head);
    await store.close();
    expect(verdict).toEqual(expect.objectContaining({ ok: true, events: size, head, problem: null }));
  });

  const tally = { detected: 0, tried: 0 };
  afterAll(() => console.info(`tamper trials: detected and named ${tally.detected} of ${tally.tried}`));

  it.each(Object.keys(trials))(
    'detects and names every %s at random positions',
    async (kind) => {
      const misses: unknown[] = [];
      for (let n = 0; n < TRIALS_PER_KIND; n++) {
        const trial = trials[kind]();
        const verdict = await run(trial, n);
        const named = verdict.problem && { reason: verdict.problem.reason, position: verdict.problem.position };
        if (JSON.stringify(named) !== JSON.stringify(trial.expected)) misses.push({ expected: trial.expected, got: verdict.problem });
      }
      tally.tried += TRIALS_PER_KIND;
      tally.detected += TRIALS_PER_KIND - misses.length;
      console.info(`${kind}: detected and named ${TRIALS_PER_KIND - misses.length} of ${TRIALS_PER_KIND} (log of ${size} events)`);
      expect(misses).toEqual([]);
    },
    120_000,
  );

  it('catches an event rewritten with a fresh hash of its own, by the global chain', async () => {
    const p = Math.floor(size / 2);
    const verdict = await run(
      { kind: 'rehash', expected: { reason: 'changed', position: String(p) }, tamper: (db) => rewrite(db, p, false) },
      0,
    );
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'changed', position: String(p) }));
  });

  it('catches a whole application stream removed, at its first event', async () => {
    const verdict = await run(
      {
        kind: 'stream',
        expected: { reason: 'missing', position: null },
        tamper: (db) => db.prepare('DELETE FROM events WHERE stream_id = (SELECT stream_id FROM events WHERE global_position = 1)').run(),
      },
      0,
    );
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'missing', position: '1' }));
  });

  it('names a row that no longer parses as unreadable, at its position, instead of crashing', async () => {
    // Given an event whose stored data was damaged so it is no longer JSON
    const p = Math.floor(size / 2);
    const verdict = await run(
      {
        kind: 'corrupt',
        expected: { reason: 'unreadable', position: String(p) },
        tamper: (db) => db.prepare('UPDATE events SET data = \'{"level": 3,\' WHERE global_position = ?').run(p),
      },
      0,
    );
    // Then verification answers, naming it
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'unreadable', position: String(p) }));
    expect(verdict.problem?.detail).toMatch(new RegExp(`after position ${p - 1} cannot be read`));
  });

  it('names an event deleted with the versions and positions after it renumbered as missing, not changed', async () => {
    // Given the attacker's tidy deletion: one event gone (from the middle of its stream, so versions follow it), its
    // stream's later versions and every later position moved down
    const db = new Database(original, { readonly: true });
    const p = db
      .prepare(
        'SELECT global_position FROM events e WHERE global_position >= ? AND EXISTS (SELECT 1 FROM events f WHERE f.stream_id = e.stream_id AND f.version > e.version) ORDER BY global_position LIMIT 1',
      )
      .pluck()
      .get(Math.floor(size / 2)) as number;
    db.close();
    const verdict = await run(
      {
        kind: 'renumber',
        expected: { reason: 'missing', position: String(p) },
        tamper: (db) =>
          db.transaction(() => {
            const gone = db.prepare('SELECT stream_id, version FROM events WHERE global_position = ?').get(p) as {
              stream_id: string;
              version: number;
            };
            db.prepare('DELETE FROM events WHERE global_position = ?').run(p);
            const later = db
              .prepare('SELECT global_position FROM events WHERE global_position > ? ORDER BY global_position')
              .pluck()
              .all(p) as number[];
            for (const q of later) db.prepare('UPDATE events SET global_position = ? WHERE global_position = ?').run(q - 1, q);
            const versions = db
              .prepare('SELECT version FROM events WHERE stream_id = ? AND version > ? ORDER BY version')
              .pluck()
              .all(gone.stream_id, gone.version) as number[];
            for (const v of versions)
              db.prepare('UPDATE events SET version = ? WHERE stream_id = ? AND version = ?').run(v - 1, gone.stream_id, v);
          })(),
      },
      0,
    );
    // Then it is reported as events missing
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'missing' }));
  });

  it('catches a consistent rewrite of every hash after an edit only through the published head', async () => {
    const p = Math.floor(size / 3);
    const rewritten = {
      kind: 'rewrite',
      expected: { reason: 'changed' as const, position: null },
      tamper: (db: Database.Database) => rewrite(db, p, true),
    };
    const withoutHead = await runWithout(rewritten);
    expect(withoutHead.ok).toBe(true);
    const verdict = await run(rewritten, 0);
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'changed', position: head.position }));
  });
});

async function runWithout(trial: Trial) {
  const file = join(dir, `trial-${trial.kind}-nohead.sqlite`);
  copyFileSync(original, file);
  const db = new Database(file);
  trial.tamper(db);
  db.close();
  const store = SqliteEventStore.open(file);
  try {
    return await verifyLog(store);
  } finally {
    await store.close();
    rmSync(file, { force: true });
  }
}
