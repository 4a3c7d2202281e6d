import { FixedClock } from '@cert/testing';
import { IdentityStore } from '../identity.store';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, accountKey, addressKey } from '../lockout';
import { accountNames } from '../names';
import { EmailTaken, HOUR, MINUTE } from '../user';

/**
 * What every IdentityStore adapter must do (docs/ARCHITECTURE.md, ports: one contract suite per adapter). `open`
 * gives an empty store on this clock; the suite closes it.
 */
export function itBehavesLikeAnIdentityStore(open: (clock: FixedClock) => Promise<IdentityStore>): void {
  let clock: FixedClock;
  let store: IdentityStore;
  beforeEach(async () => {
    clock = new FixedClock('2026-02-01T08:00:00.000Z');
    store = await open(clock);
  });
  afterEach(() => store.close());

  const staff = () => store.createUser({ email: 'Ada@IASL.org', name: 'Ada', role: 'staff' });

  describe('users', () => {
    it('stores emails lowercased and finds them case-insensitively', async () => {
      const user = await staff();
      expect(user).toMatchObject({ email: 'ada@iasl.org', role: 'staff', createdAt: '2026-02-01T08:00:00.000Z', disabledAt: null });
      expect((await store.findByEmail(' ADA@iasl.org '))?.id).toBe(user.id);
      expect((await store.findById(user.id))?.email).toBe('ada@iasl.org');
      expect(await store.findById('no-such-id')).toBeNull();
    });

    it('refuses a second account with the same email', async () => {
      await staff();
      await expect(store.createUser({ email: 'ada@iasl.org', name: 'Other', role: 'reviewer' })).rejects.toThrow(EmailTaken);
    });

    it('finds or creates by email: the same account every time, concurrent callers included', async () => {
      const input = { email: 'Lee@Uni.example', name: 'Lee', role: 'applicant' as const };
      const [a, b] = await Promise.all([store.findOrCreateUser(input), store.findOrCreateUser(input)]);
      expect(a.id).toBe(b.id);
      expect((await store.findOrCreateUser({ ...input, name: 'Someone else' })).name).toBe('Lee');
      expect(await store.listByRole('applicant')).toHaveLength(1);
    });

    it('lists reviewers with the profile conflict checks need, leaving out deactivated ones', async () => {
      await store.createUser({ email: 'r1@uni.example', name: 'R One', role: 'reviewer', institution: 'Uni A', region: 'EU' });
      await store.createUser({ email: 'r2@uni.example', name: 'R Two', role: 'reviewer' });
      const gone = await store.createUser({ email: 'r3@uni.example', name: 'R Three', role: 'reviewer' });
      await store.deactivate(gone.id);
      await staff();
      expect(await store.listReviewers()).toEqual([
        { id: expect.any(String), name: 'R One', email: 'r1@uni.example', institution: 'Uni A', region: 'EU' },
        { id: expect.any(String), name: 'R Two', email: 'r2@uni.example', institution: null, region: null },
      ]);
      expect(await store.listByRole('staff')).toHaveLength(1);
      expect(await store.listUsers()).toHaveLength(4);
    });

    it('lists password accounts by name with where they stand, and changes a role', async () => {
      const ada = await staff();
      const bo = await store.createUser({ email: 'bo@iasl.org', name: 'Bo', role: 'reviewer', expertise: 'stroke rehab' });
      const cy = await store.createUser({ email: 'cy@iasl.org', name: 'Cy', role: 'board' });
      await store.createUser({ email: 'lee@uni.example', name: '', role: 'applicant' });
      await store.setPassword(ada.id, 'correct horse battery');
      await store.deactivate(cy.id);
      expect((await store.listPasswordAccounts()).map((a) => [a.name, a.status])).toEqual([
        ['Ada', 'active'],
        ['Bo', 'invited'],
        ['Cy', 'deactivated'],
      ]);
      await store.setRole(bo.id, 'board');
      expect(await store.findAccount(bo.id)).toMatchObject({ role: 'board', status: 'invited', expertise: 'stroke rehab' });
      expect(await store.findAccount('no-such-id')).toBeNull();
    });

    it('erases an account with its sessions and links; it is then named "[erased person]"', async () => {
      const user = await staff();
      const { token } = await store.createSession(user.id, HOUR);
      const link = await store.issueOneTimeToken('set-password', user, HOUR);
      expect((await accountNames(store))(user.id)).toBe('Ada');
      expect(await store.eraseAccount(user.id)).toBe(true);
      expect(await store.eraseAccount(user.id)).toBe(false);
      expect(await store.findById(user.id)).toBeNull();
      expect(await store.resolveSession(token)).toBeNull();
      expect(await store.redeemOneTimeToken(link.token, 'set-password')).toBeNull();
      expect((await accountNames(store))(user.id)).toBe('[erased person]');
    });
  });

  describe('passwords', () => {
    it('hashes with argon2id and verifies only the right password', async () => {
      const user = await staff();
      expect(await store.hasPasswordUser('staff')).toBe(false);
      await store.setPassword(user.id, 'correct horse battery');

      expect(await store.hasPasswordUser('staff')).toBe(true);
      expect((await store.verifyPassword('ADA@iasl.org', 'correct horse battery'))?.id).toBe(user.id);
      expect(await store.verifyPassword('ada@iasl.org', 'wrong horse battery')).toBeNull();
      expect(await store.verifyPassword('nobody@iasl.org', 'correct horse battery')).toBeNull();
    });

    it('ends existing sessions when the password changes', async () => {
      const user = await staff();
      const { token } = await store.createSession(user.id, HOUR);
      await store.setPassword(user.id, 'a brand new password');
      expect(await store.resolveSession(token)).toBeNull();
    });

    it('refuses a deactivated account its password, sessions and links', async () => {
      const user = await staff();
      await store.setPassword(user.id, 'correct horse battery');
      const { token } = await store.createSession(user.id, HOUR);
      const link = await store.issueOneTimeToken('set-password', user, HOUR);
      await store.deactivate(user.id);
      expect(await store.verifyPassword('ada@iasl.org', 'correct horse battery')).toBeNull();
      expect(await store.resolveSession(token)).toBeNull();
      expect(await store.redeemOneTimeToken(link.token, 'set-password')).toBeNull();
      expect(await store.hasPasswordUser('staff')).toBe(false);
    });
  });

  describe('one-time tokens', () => {
    it('redeems once, for the purpose it was issued for', async () => {
      const user = await staff();
      const { token, expiresAt } = await store.issueOneTimeToken('set-password', user, 24 * HOUR);
      expect(expiresAt).toBe('2026-02-02T08:00:00.000Z');

      expect(await store.redeemOneTimeToken(token, 'sign-in')).toBeNull();
      expect((await store.redeemOneTimeToken(token, 'set-password'))?.id).toBe(user.id);
      expect(await store.redeemOneTimeToken(token, 'set-password')).toBeNull();
    });

    it('keeps the token unused when `accept` refuses, so it can be tried again', async () => {
      const { token } = await store.issueOneTimeToken('set-password', await staff(), HOUR);
      await expect(
        store.redeemOneTimeToken(token, 'set-password', () => {
          throw new Error('too weak');
        }),
      ).rejects.toThrow('too weak');
      expect((await store.redeemOneTimeToken(token, 'set-password'))?.email).toBe('ada@iasl.org');
    });

    it('redeems once when asked twice at the same moment', async () => {
      const { token } = await store.issueOneTimeToken('sign-in', await staff(), HOUR);
      const both = await Promise.all([store.redeemOneTimeToken(token, 'sign-in'), store.redeemOneTimeToken(token, 'sign-in')]);
      expect(both.filter((u) => u !== null)).toHaveLength(1);
    });

    it('refuses an expired token', async () => {
      const { token } = await store.issueOneTimeToken('sign-in', await staff(), 15 * MINUTE);
      clock.advance({ minutes: 15 });
      expect(await store.redeemOneTimeToken(token, 'sign-in')).toBeNull();
    });

    it('refuses a token that was never issued', async () => {
      expect(await store.redeemOneTimeToken('made-up', 'sign-in')).toBeNull();
    });
  });

  describe('sessions', () => {
    it('resolves a live session and not after it expires', async () => {
      const user = await staff();
      const { token, expiresAt } = await store.createSession(user.id, 12 * HOUR);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toBe('2026-02-01T20:00:00.000Z');
      expect((await store.resolveSession(token))?.id).toBe(user.id);

      clock.advance({ hours: 12 });
      expect(await store.resolveSession(token)).toBeNull();
    });

    it('does not resolve a revoked session', async () => {
      const { token } = await store.createSession((await staff()).id, HOUR);
      await store.revokeSession(token);
      expect(await store.resolveSession(token)).toBeNull();
    });
  });

  describe('sign-in lockout', () => {
    const keys = [
      { key: accountKey('ada@iasl.org'), policy: ACCOUNT_LOCKOUT },
      { key: addressKey('203.0.113.9'), policy: ADDRESS_LOCKOUT },
    ];
    const lockedFor = () => store.signInLockedUntil(keys.map((k) => k.key));

    it('locks an account after five failures in a row, for a minute, then two', async () => {
      for (let i = 0; i < 4; i++) expect(await store.recordSignInFailure(keys)).toBeNull();
      expect(await lockedFor()).toBeNull();
      expect(await store.recordSignInFailure(keys)).toBe('2026-02-01T08:01:00.000Z');
      expect(await lockedFor()).toBe('2026-02-01T08:01:00.000Z');
      expect(store.secondsUntil('2026-02-01T08:01:00.000Z')).toBe(60);
      clock.advance({ minutes: 1 });
      expect(await lockedFor()).toBeNull();
      expect(await store.recordSignInFailure(keys)).toBe('2026-02-01T08:03:00.000Z');
    });

    it('locks for an hour at most, however long the run of failures', async () => {
      for (let i = 0; i < 80; i++) await store.recordSignInFailure(keys);
      expect(await lockedFor()).toBe('2026-02-01T09:00:00.000Z');
    });

    it('forgets a count after a quiet window, and a right password clears the account', async () => {
      for (let i = 0; i < 4; i++) await store.recordSignInFailure(keys);
      clock.advance({ minutes: 16 });
      expect(await store.recordSignInFailure(keys)).toBeNull();
      for (let i = 0; i < 3; i++) await store.recordSignInFailure(keys);
      await store.clearSignInFailures(keys[0].key);
      expect(await store.recordSignInFailure(keys)).toBeNull();
    });

    it('counts failures made at the same moment, each of them', async () => {
      await Promise.all(Array.from({ length: 5 }, () => store.recordSignInFailure(keys)));
      expect(await lockedFor()).toBe('2026-02-01T08:01:00.000Z');
    });
  });

  describe('links and secrets', () => {
    it('revokes older unused links and counts recent ones', async () => {
      const user = await staff();
      const first = await store.issueOneTimeToken('set-password', user, HOUR);
      expect(await store.recentOneTimeTokens(user.id, 'set-password', 15 * MINUTE)).toBe(1);
      await store.revokeOneTimeTokens(user.id, 'set-password');
      expect(await store.redeemOneTimeToken(first.token, 'set-password')).toBeNull();
      clock.advance({ minutes: 16 });
      expect(await store.recentOneTimeTokens(user.id, 'set-password', 15 * MINUTE)).toBe(0);
    });

    it('makes a secret once and keeps it', async () => {
      const secret = await store.secret('csrf');
      expect(secret).toMatch(/^[\w-]{43}$/);
      expect(await store.secret('csrf')).toBe(secret);
      expect(await store.secret('other')).not.toBe(secret);
    });
  });
}
