import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointKey, CheckpointSigner, UnsignedCheckpoint } from './checkpoint-key';

const unsigned = (keyId: string): UnsignedCheckpoint => ({
  position: '40',
  globalHash: '1'.repeat(64),
  at: '2026-03-02T09:00:00.000Z',
  keyId,
  after: '20',
  hashes: ['2'.repeat(64), '3'.repeat(64)],
});

describe('the checkpoint key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'checkpoint-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given no key file, creates one readable by its owner only, and opens the same key afterwards', () => {
    const path = join(dir, 'keys', 'checkpoint-key.pem');
    const created = CheckpointSigner.openOrCreate(path);
    expect(created.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const reopened = CheckpointSigner.openOrCreate(path);
    expect(reopened.created).toBe(false);
    expect(reopened.keyId).toBe(created.keyId);
    expect(created.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given a signed checkpoint, the public key alone confirms it, and refuses it once any field changed', () => {
    const signer = CheckpointSigner.openOrCreate(join(dir, 'k.pem'));
    const signed = signer.sign(unsigned(signer.keyId));
    const anyone = CheckpointKey.fromPem(signer.publicKeyPem);
    expect(anyone.verify(signed)).toBe(true);
    expect(anyone.verify({ ...signed, position: '41' })).toBe(false);
    expect(anyone.verify({ ...signed, hashes: [...signed.hashes].reverse() })).toBe(false);
    expect(anyone.verify({ ...signed, signature: 'AAAA' })).toBe(false);
  });

  it("given a checkpoint signed with another key, refuses it though it names this key's id", () => {
    const ours = CheckpointSigner.openOrCreate(join(dir, 'ours.pem'));
    const theirs = CheckpointSigner.openOrCreate(join(dir, 'theirs.pem'));
    expect(ours.verify(theirs.sign(unsigned(ours.keyId)))).toBe(false);
    expect(ours.verify(theirs.sign(unsigned(theirs.keyId)))).toBe(false);
  });
});
