import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock } from '@cert/testing';
import { itBehavesLikeAnIdentityStore } from '../testing/identity-store.contract';
import { SqliteIdentityStore } from './sqlite.identity-store';

describe('SqliteIdentityStore', () => {
  itBehavesLikeAnIdentityStore(async (clock) => new SqliteIdentityStore(':memory:', clock));

  it('keeps only the argon2id hash in a WAL database file it creates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'identity-'));
    const path = join(dir, 'data', 'identity.sqlite');
    const fileStore = new SqliteIdentityStore(path, new FixedClock('2026-02-01T08:00:00.000Z'));
    try {
      const user = await fileStore.createUser({ email: 'a@iasl.org', name: 'A', role: 'staff' });
      await fileStore.setPassword(user.id, 'correct horse battery');
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT password_hash FROM users').pluck().get()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      raw.close();
    } finally {
      await fileStore.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
