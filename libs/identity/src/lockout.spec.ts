import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, accountKey, lockFor } from './lockout';
import { HOUR, MINUTE } from './user';

describe('lockout policy', () => {
  it('lets the first failures pass, then locks for 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 4, 5, 6, 7, 10, 30].map((n) => lockFor(n, ACCOUNT_LOCKOUT))).toEqual([
      0,
      0,
      MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      32 * MINUTE,
      HOUR,
    ]);
  });

  it('allows an address (many people behind one NAT) more failures than one account', () => {
    expect(lockFor(19, ADDRESS_LOCKOUT)).toBe(0);
    expect(lockFor(20, ADDRESS_LOCKOUT)).toBe(MINUTE);
  });

  it('keys accounts by a digest of the normalised email', () => {
    expect(accountKey(' Ada@IASL.org ')).toBe(accountKey('ada@iasl.org'));
    expect(accountKey('ada@iasl.org')).toMatch(/^account:[0-9a-f]{64}$/);
  });
});
