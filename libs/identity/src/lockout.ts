import { createHash } from 'node:crypto';
import { HOUR, MINUTE } from './user';

/**
 * Sign-in hardening: after a few wrong passwords an account (and, with a larger allowance, an address)
 * is locked for a while, the lock doubling with every further failure up to an hour. Unknown emails count too,
 * so a lock says nothing about whether an account exists. A failure older than the window starts the count again.
 */
export type LockoutPolicy = { freeFailures: number; firstLockMs: number; maxLockMs: number; windowMs: number };

export const ACCOUNT_LOCKOUT: LockoutPolicy = { freeFailures: 5, firstLockMs: MINUTE, maxLockMs: HOUR, windowMs: 15 * MINUTE };
export const ADDRESS_LOCKOUT: LockoutPolicy = { freeFailures: 20, firstLockMs: MINUTE, maxLockMs: HOUR, windowMs: 15 * MINUTE };

/** How long to lock after this many failures in a row: nothing, then 1, 2, 4 … minutes, at most an hour. */
export const lockFor = (failures: number, p: LockoutPolicy): number =>
  failures < p.freeFailures ? 0 : Math.min(p.maxLockMs, p.firstLockMs * 2 ** (failures - p.freeFailures));

// Keyed by a digest, so the table holds no email address (nothing to erase, nothing to leak).
export const accountKey = (email: string) => `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
export const addressKey = (ip: string) => `address:${ip}`;
