import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWitness, MemoryWitness } from './witness';
import { itBehavesLikeAWitness } from './testing/witness.contract';

itBehavesLikeAWitness('the JSON-lines file witness', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'witness-'));
  return {
    witness: new FileWitness(join(dir, 'w')),
    reopen: () => new FileWitness(join(dir, 'w')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});

itBehavesLikeAWitness('the in-memory witness', async () => {
  const witness = new MemoryWitness();
  return { witness, reopen: () => witness, cleanup: () => {} };
});

describe('the file witness, beyond the contract', () => {
  const checkpoint = {
    position: '5',
    globalHash: 'a'.repeat(64),
    at: '2026-03-02T09:00:00.000Z',
    keyId: 'b'.repeat(64),
    after: null,
    hashes: [],
    signature: 's',
  };

  it('given a last line a crash cut short, ignores it and starts the next checkpoint on a line of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'witness-'));
    const witness = new FileWitness(dir);
    await witness.append(checkpoint);
    appendFileSync(witness.where, '{"position":"6","glob');
    expect(await witness.read()).toHaveLength(1);
    await witness.append({ ...checkpoint, position: '7' });
    const entries = await witness.read();
    expect(entries.map((e) => ('checkpoint' in e ? e.checkpoint.position : e.unreadable))).toEqual(['5', '7']);
    expect(readFileSync(witness.where, 'utf8').endsWith('\n')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a line that is not a checkpoint, reads it as unreadable at its line number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'witness-'));
    const witness = new FileWitness(dir);
    await witness.append(checkpoint);
    appendFileSync(witness.where, '{"position":"6"}\n{"position":"7",}\n');
    expect((await witness.read()).slice(1)).toEqual([
      { line: 2, unreadable: 'not the shape of a checkpoint' },
      { line: 3, unreadable: 'not JSON' },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});
