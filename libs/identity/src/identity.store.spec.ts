import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock } from '@cert/testing';
import { IdentityStore } from './identity.store';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, accountKey, addressKey } from './lockout';
import { EmailTaken, HOUR, MINUTE } from './user';

describe('IdentityStore', () => {
  let clock: FixedClock;
  let store: IdentityStore;
  beforeEach(() => {
    clock = new FixedClock('2026-02-01T08:00:00.000Z');
    store = new IdentityStore(':memory:', clock);
  });
  afterEach(() => store.close());

  const staff = () => store.createUser({ email: 'Ada@IASL.org', name: 'Ada', role: 'staff' });

  describe('users', () => {
    it('stores emails lowercased and finds them case-insensitively', () => {
      const user = staff();
      expect(user).toMatchObject({ email: 'ada@iasl.org', role: 'staff', createdAt: '2026-02-01T08:00:00.000Z', disabledAt: null });
      expect(store.findByEmail(' ADA@iasl.org ')?.id).toBe(user.id);
      expect(store.findById(user.id)?.email).toBe('ada@iasl.org');
    });

    it('refuses a second account with the same email', () => {
      staff();
      expect(() => store.createUser({ email: 'ada@iasl.org', name: 'Other', role: 'reviewer' })).toThrow(EmailTaken);
    });

    it('lists reviewers with the profile conflict checks need', () => {
      store.createUser({ email: 'r1@uni.example', name: 'R One', role: 'reviewer', institution: 'Uni A', region: 'EU' });
      store.createUser({ email: 'r2@uni.example', name: 'R Two', role: 'reviewer' });
      staff();
      expect(store.listReviewers()).toEqual([
        { id: expect.any(String), name: 'R One', email: 'r1@uni.example', institution: 'Uni A', region: 'EU' },
        { id: expect.any(String), name: 'R Two', email: 'r2@uni.example', institution: null, region: null },
      ]);
      expect(store.listByRole('staff')).toHaveLength(1);
    });
  });

  describe('passwords', () => {
    it('hashes with argon2id and verifies only the right password', async () => {
      const user = staff();
      expect(store.hasPasswordUser('staff')).toBe(false);
      await store.setPassword(user.id, 'correct horse battery');

      expect(store.hasPasswordUser('staff')).toBe(true);
      expect((await store.verifyPassword('ADA@iasl.org', 'correct horse battery'))?.id).toBe(user.id);
      expect(await store.verifyPassword('ada@iasl.org', 'wrong horse battery')).toBeNull();
      expect(await store.verifyPassword('nobody@iasl.org', 'correct horse battery')).toBeNull();
    });

    it('keeps only the argon2id hash in a WAL database file it creates', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'identity-'));
      const path = join(dir, 'data', 'identity.sqlite');
      const fileStore = new IdentityStore(path, clock);
      try {
        await fileStore.setPassword(fileStore.createUser({ email: 'a@iasl.org', name: 'A', role: 'staff' }).id, 'correct horse battery');
        const raw = new Database(path, { readonly: true });
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(raw.prepare('SELECT password_hash FROM users').pluck().get()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
        raw.close();
      } finally {
        fileStore.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('ends existing sessions when the password changes', async () => {
      const user = staff();
      const { token } = store.createSession(user.id, HOUR);
      await store.setPassword(user.id, 'a brand new password');
      expect(store.resolveSession(token)).toBeNull();
    });
  });

  describe('one-time tokens', () => {
    it('redeems once, for the purpose it was issued for', () => {
      const user = staff();
      const { token, expiresAt } = store.issueOneTimeToken('set-password', user, 24 * HOUR);
      expect(expiresAt).toBe('2026-02-02T08:00:00.000Z');

      expect(store.redeemOneTimeToken(token, 'sign-in')).toBeNull();
      expect(store.redeemOneTimeToken(token, 'set-password')?.id).toBe(user.id);
      expect(store.redeemOneTimeToken(token, 'set-password')).toBeNull();
    });

    it('refuses an expired token', () => {
      const { token } = store.issueOneTimeToken('sign-in', staff(), 15 * MINUTE);
      clock.advance({ minutes: 15 });
      expect(store.redeemOneTimeToken(token, 'sign-in')).toBeNull();
    });

    it('refuses a token that was never issued', () => {
      expect(store.redeemOneTimeToken('made-up', 'sign-in')).toBeNull();
    });
  });

  describe('sessions', () => {
    it('resolves a live session and not after it expires', () => {
      const user = staff();
      const { token, expiresAt } = store.createSession(user.id, 12 * HOUR);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toBe('2026-02-01T20:00:00.000Z');
      expect(store.resolveSession(token)?.id).toBe(user.id);

      clock.advance({ hours: 12 });
      expect(store.resolveSession(token)).toBeNull();
    });

    it('does not resolve a revoked session', () => {
      const { token } = store.createSession(staff().id, HOUR);
      store.revokeSession(token);
      expect(store.resolveSession(token)).toBeNull();
    });
  });
  describe('sign-in lockout', () => {
    const keys = [
      { key: accountKey('ada@iasl.org'), policy: ACCOUNT_LOCKOUT },
      { key: addressKey('203.0.113.9'), policy: ADDRESS_LOCKOUT },
    ];
    const lockedFor = () => store.signInLockedUntil(keys.map((k) => k.key));

    it('locks an account after five failures in a row, for a minute, then two', () => {
      for (let i = 0; i < 4; i++) expect(store.recordSignInFailure(keys)).toBeNull();
      expect(lockedFor()).toBeNull();
      expect(store.recordSignInFailure(keys)).toBe('2026-02-01T08:01:00.000Z');
      expect(lockedFor()).toBe('2026-02-01T08:01:00.000Z');
      clock.advance({ minutes: 1 });
      expect(lockedFor()).toBeNull();
      expect(store.recordSignInFailure(keys)).toBe('2026-02-01T08:03:00.000Z');
    });

    it('forgets a count after a quiet window, and a right password clears the account', () => {
      for (let i = 0; i < 4; i++) store.recordSignInFailure(keys);
      clock.advance({ minutes: 16 });
      expect(store.recordSignInFailure(keys)).toBeNull();
      for (let i = 0; i < 3; i++) store.recordSignInFailure(keys);
      store.clearSignInFailures(keys[0].key);
      expect(store.recordSignInFailure(keys)).toBeNull();
    });
  });

  describe('links and secrets', () => {
    it('revokes older unused links and counts recent ones', () => {
      const user = staff();
      const first = store.issueOneTimeToken('set-password', user, HOUR);
      expect(store.recentOneTimeTokens(user.id, 'set-password', 15 * MINUTE)).toBe(1);
      store.revokeOneTimeTokens(user.id, 'set-password');
      expect(store.redeemOneTimeToken(first.token, 'set-password')).toBeNull();
      clock.advance({ minutes: 16 });
      expect(store.recentOneTimeTokens(user.id, 'set-password', 15 * MINUTE)).toBe(0);
    });

    it('makes a secret once and keeps it', () => {
      const secret = store.secret('csrf');
      expect(secret).toMatch(/^[\w-]{43}$/);
      expect(store.secret('csrf')).toBe(secret);
      expect(store.secret('other')).not.toBe(secret);
    });
  });
});
