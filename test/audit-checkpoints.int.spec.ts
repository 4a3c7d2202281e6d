import Database from 'better-sqlite3';
import { createPublicKey, verify } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { EventStore, SqliteEventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { CheckpointMaker, CheckpointSigner, FileWitness, Witness, verifyLog } from '@cert/audit';
import type { SignedCheckpoint } from '@cert/domain';
import type { CheckpointsView, LogVerdict } from '@cert/contracts';
import { seedCycle, seededRandom } from '../libs/audit/src/testing/seed-cycle';
import { signInWithPassword, startApp } from './support/test-app';
import { rewrite } from './support/rewrite-log';
import { binary, pdfText } from './support/pdf-text';

/**
 * docs/DOMAIN.md, What auditors need: signed checkpoints catch what the hash chains alone cannot, a rewrite by someone
 * who can write the log's database and recomputes every hash, without anyone having kept a head. Each trial works on
 * a copy of a seeded log, with the service's key and its witness.
 */
const random = seededRandom(20260502);
let dir: string;
let original: string;
let keyPath: string;
let witnessDir: string;
let checkpoints: SignedCheckpoint[];
let size: number;
let view: CheckpointsView;
let overHttp: LogVerdict;
let report: { checkpoint: unknown; pdf: string; book: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-checkpoints-'));
  const t = await startApp({ dataDir: join(dir, 'app'), env: { CHECKPOINT_EVERY: '40' } });
  const seeded = await seedCycle(
    { commands: t.get(CommandBus), identity: t.get(IdentityStore), clock: t.clock, store: t.get(EventStore) },
    6,
  );
  // Whatever the work side's count made meanwhile, then one up to the head, as audit:checkpoint does.
  const maker = t.get(CheckpointMaker);
  await maker.catchUp();
  await maker.makeNow();
  const auditor = await signInWithPassword(t, 'auditor', 'checkpoint-auditor@iasl.org');
  view = (await t.http().get('/audit/checkpoints').set(auditor.auth).expect(200)).body;
  overHttp = (await t.http().get('/audit/verify').set(auditor.auth).expect(200)).body;
  const id = seeded.applicationIds[0];
  report = {
    checkpoint: (await t.http().get(`/audit/applications/${id}/report`).set(auditor.auth).expect(200)).body.checkpoint,
    pdf: pdfText((await t.http().get(`/audit/applications/${id}/report.pdf`).set(auditor.auth).buffer(true).parse(binary)).body).replace(
      /\s+/g,
      ' ',
    ),
    book: pdfText((await t.http().get('/directory/books/2026.pdf').buffer(true).parse(binary)).body).replace(/\s+/g, ' '),
  };
  await t.close();
  original = join(dir, 'app', 'events.sqlite');
  keyPath = join(dir, 'app', 'checkpoint-key.pem');
  witnessDir = join(dir, 'app', 'witness');
  const read = await new FileWitness(witnessDir).read();
  checkpoints = read.flatMap((e) => ('checkpoint' in e ? [e.checkpoint] : []));
  const store = SqliteEventStore.open(original);
  size = Number((await store.head())!.position);
  await store.close();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const latest = () => checkpoints[checkpoints.length - 1];
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Verifies a copy of the log after `tamper`, with the key and a witness (a copy of the service's, or `witness`). */
async function verifyTampered(tamper: (db: Database.Database) => unknown, opts: { witness?: Witness; trust?: boolean } = {}) {
  const file = join(dir, `trial-${Math.floor(random() * 1e9)}.sqlite`);
  copyFileSync(original, file);
  const db = new Database(file);
  tamper(db);
  db.close();
  const store = SqliteEventStore.open(file);
  try {
    const trust = { key: CheckpointSigner.openOrCreate(keyPath), witness: opts.witness ?? new FileWitness(witnessDir) };
    return await verifyLog(store, null, undefined, opts.trust === false ? undefined : trust);
  } finally {
    await store.close();
    rmSync(file, { force: true });
  }
}

describe('signed checkpoints of the log', () => {
  it('given the seeded log, made checkpoints every 40 events and one up to the head, each in the log and the witness', () => {
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    expect(checkpoints.every((c, k) => c.after === (k === 0 ? null : checkpoints[k - 1].position))).toBe(true);
    expect(checkpoints.slice(0, -1).every((c) => c.hashes.length === 40)).toBe(true);
    expect(view.checkpoints.map((c) => c.position)).toEqual(checkpoints.map((c) => c.position).reverse());
    expect(view.checkpoints.every((c) => c.source === 'witness')).toBe(true);
  });

  it('serves every checkpoint with the public key, and each signature checks offline with node:crypto alone', () => {
    const key = createPublicKey(view.publicKeyPem);
    for (const c of view.checkpoints) {
      const payload = Buffer.from(JSON.stringify(['iasl-checkpoint-v1', c.position, c.globalHash, c.at, c.keyId, c.after, c.hashes]));
      expect(verify(null, payload, key, Buffer.from(c.signature, 'base64'))).toBe(true);
    }
    expect(view.keyId).toBe(latest().keyId);
  });

  it('verifies the untouched log against every checkpoint, over HTTP too, and names the latest', async () => {
    const verdict = await verifyTampered(() => {});
    expect(verdict).toEqual(expect.objectContaining({ ok: true, problem: null }));
    const summary = { position: latest().position, globalHash: latest().globalHash, at: latest().at, keyId: latest().keyId };
    expect(verdict.checkpoints).toEqual({ checked: checkpoints.length, witness: checkpoints.length, rejected: 0, latest: summary });
    expect(overHttp.ok).toBe(true);
    expect(overHttp.checkpoints?.latest).toEqual(summary);
  });

  it('prints the latest checkpoint (position, hash, time, key) in the decision report, its PDF and the yearly book', () => {
    const { position, globalHash, at, keyId } = latest();
    expect(report.checkpoint).toEqual({ position, globalHash, at, keyId });
    const line = `Latest signed checkpoint of the log: position ${position}, global hash ${globalHash}`;
    expect(report.pdf).toContain(line);
    expect(report.pdf).toContain(`with key ${keyId}`);
    expect(report.book.replace(/\s/g, '')).toContain(line.replace(/\s/g, ''));
  });

  it("names the first changed event of the attacker's best move (an edit, every hash recomputed, no head kept)", async () => {
    for (let trial = 0; trial < 8; trial++) {
      // Given an event covered by a checkpoint, edited, with its own hash, its stream's links and the global chain recomputed
      const p = between(1, Number(latest().position));
      // When the log is verified without any published head
      const verdict = await verifyTampered((db) => rewrite(db, p, true));
      // Then the edited event is named
      expect({ p, problem: verdict.problem && { reason: verdict.problem.reason, position: verdict.problem.position } }).toEqual({
        p,
        problem: { reason: 'changed', position: String(p) },
      });
    }
    // (Without the checkpoints the same rewrite verifies as intact: what they add.)
    const p = between(1, Number(latest().position));
    expect((await verifyTampered((db) => rewrite(db, p, true), { trust: false })).ok).toBe(true);
  });

  it('catches the same rewrite with every checkpoint event deleted from the log: the witness still holds them', async () => {
    // Given an event before the first checkpoint event, rewritten, and the checkpoints' stream removed from the log
    const p = between(1, Number(checkpoints[0].position));
    const verdict = await verifyTampered((db) => {
      db.prepare("DELETE FROM events WHERE stream_id = 'checkpoints'").run();
      rewrite(db, p, true);
    });
    // Then the changed event is still named, from the witness's checkpoints
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'changed', position: String(p) }));
    expect(verdict.checkpoints).toEqual(expect.objectContaining({ checked: checkpoints.length, witness: checkpoints.length }));
  });

  it('names a log cut below the latest checkpoint as truncated, at the first absent position', async () => {
    const q = between(1, Number(latest().position) - 1);
    const verdict = await verifyTampered((db) => db.prepare('DELETE FROM events WHERE global_position > ?').run(q));
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'truncated', position: String(q + 1) }));
    expect(verdict.problem?.detail).toMatch(new RegExp(`before the checkpoint signed at position ${latest().position}`));
  });

  it('reports a forged checkpoint line in the witness (its signature does not match) and does not trust it', async () => {
    // Given a witness holding a line an attacker wrote: the latest checkpoint with another head hash
    const forgedDir = join(dir, 'forged-witness');
    cpSync(witnessDir, forgedDir, { recursive: true });
    const forged = { ...latest(), globalHash: 'f'.repeat(64) };
    appendFileSync(join(forgedDir, 'checkpoints.jsonl'), `${JSON.stringify(forged)}\n`);
    // When the untouched log is verified with it
    const verdict = await verifyTampered(() => {}, { witness: new FileWitness(forgedDir) });
    // Then the forgery is the problem, at its line, and the genuine checkpoints were still checked
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'forged', position: latest().position }));
    expect(verdict.problem?.detail).toMatch(new RegExp(`line ${checkpoints.length + 1} of the witness .*forged or altered`));
    expect(verdict.checkpoints).toEqual(expect.objectContaining({ checked: checkpoints.length, rejected: 1 }));
  });

  it('names a global link set to NULL after the first stored one as tampering at that event, checkpoints or not', async () => {
    // Given the attacker's rewrite, then every link from the edited event on set to NULL (the old allowance for old files)
    const p = Math.floor(size / 2);
    const verdict = await verifyTampered(
      (db) => {
        rewrite(db, p, true);
        db.prepare('UPDATE events SET global_hash = NULL WHERE global_position >= ?').run(p);
      },
      { trust: false },
    );
    // Then the first event without its link is named
    expect(verdict.problem).toEqual(expect.objectContaining({ reason: 'changed', position: String(p) }));
    expect(verdict.problem?.detail).toMatch(/no global link/);
  });

  it('keeps the witness append-only: each checkpoint is one line, in order, as the log recorded it', () => {
    const lines = readFileSync(join(witnessDir, 'checkpoints.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as SignedCheckpoint).position)).toEqual(checkpoints.map((c) => c.position));
  });
});
