import type { Clock } from '@cert/config';
import type { ReviewerProfile } from '@cert/contracts';
import type { LockoutPolicy } from './lockout';
import { Account, NewUser, OneTimePurpose, PasswordRole, User, UserRole } from './user';

export type IssuedToken = { token: string; expiresAt: string };

/** A row of `users` as both adapters store it: times are ISO-8601 UTC text (docs/ARCHITECTURE.md, rule 4). */
export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string | null;
  institution: string | null;
  region: string | null;
  expertise: string | null;
  created_at: string;
  disabled_at: string | null;
};

export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  institution: r.institution,
  region: r.region,
  expertise: r.expertise,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});
export const toAccount = (r: UserRow): Account => ({
  ...toUser(r),
  status: r.disabled_at ? 'deactivated' : r.password_hash ? 'active' : 'invited',
});
// Emails are compared case-insensitively everywhere: people type them as they like.
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const reviewerProfiles = (reviewers: User[]): ReviewerProfile[] =>
  reviewers
    .filter((u) => u.disabledAt === null)
    .map(({ id, name, email, institution, region }) => ({ id, name, email, institution, region }));

/**
 * Accounts, sessions, one-time links, sign-in lockouts and server-side secrets: the port, and the DI token
 * (docs/ARCHITECTURE.md, Distributed). Identity is not event-sourced: it is access control, not certification
 * history. SqliteIdentityStore keeps it in one process's file; PostgresIdentityStore shares it between replicas, so
 * every guarantee below (a link redeemed once, a lockout counted once per failure, one first account, one secret)
 * holds across processes on it.
 */
export abstract class IdentityStore {
  constructor(protected readonly clock: Clock) {}

  /** Throws EmailTaken when the (normalised) email has an account already. */
  abstract createUser(input: NewUser): Promise<User>;
  /** The account with this email, created as `input` when there is none; two callers at once get the same account. */
  abstract findOrCreateUser(input: NewUser): Promise<User>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findById(id: string): Promise<User | null>;
  abstract listByRole(role: UserRole): Promise<User[]>;
  /** Every account, for naming people in a view (docs/DOMAIN.md, Names). */
  abstract listUsers(): Promise<User[]>;

  async listReviewers(): Promise<ReviewerProfile[]> {
    return reviewerProfiles(await this.listByRole('reviewer'));
  }

  /** Everyone who signs in with a password (applicants sign in by email link and are not listed), with where they stand. */
  abstract listPasswordAccounts(): Promise<Account[]>;
  /** One account with where it stands, or null. */
  abstract findAccount(id: string): Promise<Account | null>;
  /** A new role applies to the next request: every request reads the account through its session. */
  abstract setRole(userId: string, role: PasswordRole): Promise<void>;
  /** No more sign-in: every session and unused link of the account ends now. The account stays, so the log still names them. */
  abstract deactivate(userId: string): Promise<void>;
  /** True when at least one account of this role can sign in with a password. */
  abstract hasPasswordUser(role: UserRole): Promise<boolean>;
  /** A new password ends every session opened with the old one (it may have been set because the old one leaked). */
  abstract setPassword(userId: string, password: string): Promise<void>;
  /** The user when the password is right; null for a wrong password, an unknown email or a disabled account, in equal time. */
  abstract verifyPassword(email: string, password: string): Promise<User | null>;

  abstract issueOneTimeToken(purpose: OneTimePurpose, user: User, ttlMs: number): Promise<IssuedToken>;
  /**
   * Single use, whichever process redeems it: of two redeems, one wins. `accept` may refuse what comes with the token
   * (e.g. a weak password) by throwing: the token then stays unused.
   */
  abstract redeemOneTimeToken(token: string, purpose: OneTimePurpose, accept?: (user: User) => void): Promise<User | null>;
  /** How many links of this purpose the account was sent since `sinceMs` ago (a cap on mail to one address). */
  abstract recentOneTimeTokens(userId: string, purpose: OneTimePurpose, sinceMs: number): Promise<number>;
  /** A new link makes the account's older unused ones worthless, so only the latest mail can be used. */
  abstract revokeOneTimeTokens(userId: string, purpose: OneTimePurpose): Promise<void>;

  abstract createSession(userId: string, ttlMs: number): Promise<IssuedToken>;
  /** The signed-in user, or null when the session is unknown, expired, revoked or its account disabled. */
  abstract resolveSession(token: string): Promise<User | null>;
  abstract revokeSession(token: string): Promise<void>;

  /**
   * docs/DOMAIN.md, Erasure: removes the account with its sessions and one-time links, leaving no copy of the email
   * or name in the store's files that the adapter can reach. Returns false when there was no such account.
   */
  abstract eraseAccount(userId: string): Promise<boolean>;

  /** The latest sign-in lock among these keys (account, address) still in force, or null. */
  abstract signInLockedUntil(keys: string[]): Promise<string | null>;
  /** Counts a wrong password against each key and locks the ones past their allowance; returns the latest new lock. */
  abstract recordSignInFailure(keys: { key: string; policy: LockoutPolicy }[]): Promise<string | null>;
  /** A right password (or a new one) clears the account's count; an address's count only runs out. */
  abstract clearSignInFailures(key: string): Promise<void>;

  /** A server-side secret, made on first use and kept in the store, so every process sharing it gets the same one. */
  abstract secret(name: string): Promise<string>;

  abstract close(): Promise<void>;

  /** Seconds from now until `iso`, at least 1 (for Retry-After). */
  secondsUntil(iso: string): number {
    return Math.max(1, Math.ceil((Date.parse(iso) - this.clock.now().getTime()) / 1000));
  }

  protected nowIso(): string {
    return this.clock.now().toISOString();
  }

  protected isoAfter(ms: number): string {
    return new Date(this.clock.now().getTime() + ms).toISOString();
  }
}
