import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import { Clock, SystemClock } from '@cert/config';
import { IdentityStore, IssuedToken, UserRow, normaliseEmail as normalise, toAccount, toUser } from '../identity.store';
import { LockoutPolicy, lockFor } from '../lockout';
import { hashPassword, hashToken, newToken, passwordMatches } from '../secrets';
import { Account, EmailTaken, HOUR, NewUser, OneTimePurpose, PASSWORD_ROLES, PasswordRole, User, UserRole } from '../user';
import { migrate } from './schema';

/**
 * The identity store in one SQLite file (IDENTITY_STORE=sqlite): for one api process, or several on one machine
 * sharing the file. better-sqlite3 answers synchronously; each method is one statement or one transaction.
 */
export class SqliteIdentityStore extends IdentityStore {
  private readonly db: Database.Database;

  constructor(path: string, clock: Clock = new SystemClock()) {
    super(clock);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  async createUser(input: NewUser): Promise<User> {
    const email = normalise(input.email);
    if (this.userWhere('email = ?', email)) throw new EmailTaken(email);
    const id = this.insertUser(input);
    return this.userWhere('id = ?', id)!;
  }

  async findOrCreateUser(input: NewUser): Promise<User> {
    // One process's statements run one at a time, and a write transaction excludes the other processes on the file.
    return this.db
      .transaction(() => {
        const found = this.userWhere('email = ?', normalise(input.email));
        if (found) return found;
        const id = this.insertUser(input);
        return this.userWhere('id = ?', id)!;
      })
      .immediate();
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.userWhere('email = ?', normalise(email));
  }

  async findById(id: string): Promise<User | null> {
    return this.userWhere('id = ?', id);
  }

  async listByRole(role: UserRole): Promise<User[]> {
    this.roleLookup ??= this.db.prepare('SELECT * FROM users WHERE role = ? ORDER BY email');
    const rows = this.roleLookup.all(role) as UserRow[];
    return rows.map(toUser);
  }

  async listUsers(): Promise<User[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser);
  }

  /** Everyone who signs in with a password (applicants sign in by email link and are not listed), with where they stand. */
  async listPasswordAccounts(): Promise<Account[]> {
    const marks = PASSWORD_ROLES.map(() => '?').join(', ');
    const rows = this.db.prepare(`SELECT * FROM users WHERE role IN (${marks}) ORDER BY name, email`).all(...PASSWORD_ROLES) as UserRow[];
    return rows.map(toAccount);
  }

  /** One account with where it stands, or null. */
  async findAccount(id: string): Promise<Account | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toAccount(row) : null;
  }

  /** A new role applies to the next request: every request reads the account through its session. */
  async setRole(userId: string, role: PasswordRole): Promise<void> {
    this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId);
  }

  /** No more sign-in: every session and unused link of the account ends now. The account stays, so the log still names them. */
  async deactivate(userId: string): Promise<void> {
    const now = this.nowIso();
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL').run(now, userId);
      this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(now, userId);
      this.db.prepare('UPDATE one_time_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, userId);
    })();
  }

  /** True when at least one account of this role can sign in with a password. */
  async hasPasswordUser(role: UserRole): Promise<boolean> {
    return !!this.db.prepare('SELECT 1 FROM users WHERE role = ? AND password_hash IS NOT NULL AND disabled_at IS NULL').get(role);
  }

  /** A new password ends every session opened with the old one (it may have been set because the old one leaked). */
  async setPassword(userId: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
      this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(this.nowIso(), userId);
    })();
  }

  /** The user when the password is right; null for a wrong password, an unknown email or a disabled account, in equal time. */
  async verifyPassword(email: string, password: string): Promise<User | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(normalise(email)) as UserRow | undefined;
    const ok = await passwordMatches(row?.password_hash ?? null, password);
    return ok && row && row.disabled_at === null ? toUser(row) : null;
  }

  async issueOneTimeToken(purpose: OneTimePurpose, user: User, ttlMs: number): Promise<IssuedToken> {
    const token = newToken();
    const expiresAt = this.isoAfter(ttlMs);
    this.db
      .prepare('INSERT INTO one_time_tokens (token_hash, purpose, user_id, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hashToken(token), purpose, user.id, user.email, this.nowIso(), expiresAt);
    return { token, expiresAt };
  }

  /**
   * Single use: marking it used and reading it happen in one write transaction, so two redeems cannot both win.
   * `accept` may refuse what comes with the token (e.g. a weak password) by throwing: the token then stays unused.
   */
  async redeemOneTimeToken(token: string, purpose: OneTimePurpose, accept?: (user: User) => void): Promise<User | null> {
    const now = this.nowIso();
    return this.db
      .transaction(() => {
        const row = this.db
          .prepare('SELECT user_id FROM one_time_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?')
          .get(hashToken(token), purpose, now) as { user_id: string } | undefined;
        const user = row ? this.userWhere('id = ?', row.user_id) : null;
        if (!user || user.disabledAt !== null) return null;
        accept?.(user);
        this.db.prepare('UPDATE one_time_tokens SET used_at = ? WHERE token_hash = ?').run(now, hashToken(token));
        return user;
      })
      .immediate();
  }

  async createSession(userId: string, ttlMs: number): Promise<IssuedToken> {
    const token = newToken();
    const expiresAt = this.isoAfter(ttlMs);
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(hashToken(token), userId, this.nowIso(), expiresAt);
    return { token, expiresAt };
  }

  /** The signed-in user, or null when the session is unknown, expired, revoked or its account disabled. */
  // Every signed-in request resolves its session: the statement is prepared once, not per request.
  private sessionLookup?: Statement;

  async resolveSession(token: string): Promise<User | null> {
    this.sessionLookup ??= this.db.prepare(
      `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
    );
    const row = this.sessionLookup.get(hashToken(token), this.nowIso()) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async revokeSession(token: string): Promise<void> {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(this.nowIso(), hashToken(token));
  }

  /**
   * docs/DOMAIN.md, Erasure: removes the account with its sessions and one-time links. secure_delete zeroes what is
   * freed, VACUUM rewrites the file (older updates left copies of the row in free space) and the WAL is truncated, so
   * no copy of the email or name stays on disk. Returns false when there was no such account.
   */
  async eraseAccount(userId: string): Promise<boolean> {
    this.db.pragma('secure_delete = ON');
    const removed = this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM one_time_tokens WHERE user_id = ?').run(userId);
        this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
        return this.db.prepare('DELETE FROM users WHERE id = ?').run(userId).changes > 0;
      })
      .immediate();
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return removed;
  }

  /** The latest sign-in lock among these keys (account, address) still in force, or null. */
  async signInLockedUntil(keys: string[]): Promise<string | null> {
    const now = this.nowIso();
    const rows = this.db
      .prepare(`SELECT locked_until FROM sign_in_failures WHERE key IN (${keys.map(() => '?').join(', ')}) AND locked_until > ?`)
      .pluck()
      .all(...keys, now) as string[];
    return rows.sort().at(-1) ?? null;
  }

  /** Counts a wrong password against each key and locks the ones past their allowance; returns the new locks. */
  async recordSignInFailure(keys: { key: string; policy: LockoutPolicy }[]): Promise<string | null> {
    const now = this.clock.now().getTime();
    const read = this.db.prepare('SELECT failures, last_at FROM sign_in_failures WHERE key = ?');
    const write = this.db.prepare(
      `INSERT INTO sign_in_failures (key, failures, last_at, locked_until) VALUES (@key, @failures, @lastAt, @lockedUntil)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at, locked_until = excluded.locked_until`,
    );
    let latest: string | null = null;
    this.db
      .transaction(() => {
        // Counts older than a day can lock nothing any more (the longest lock is an hour): keep no more than that.
        this.db.prepare('DELETE FROM sign_in_failures WHERE last_at < ?').run(new Date(now - 24 * HOUR).toISOString());
        for (const { key, policy } of keys) {
          const row = read.get(key) as { failures: number; last_at: string } | undefined;
          const fresh = !row || now - Date.parse(row.last_at) > policy.windowMs + lockFor(row.failures, policy);
          const failures = fresh ? 1 : row.failures + 1;
          const lockMs = lockFor(failures, policy);
          const lockedUntil = lockMs > 0 ? new Date(now + lockMs).toISOString() : null;
          write.run({ key, failures, lastAt: new Date(now).toISOString(), lockedUntil });
          if (lockedUntil && (!latest || lockedUntil > latest)) latest = lockedUntil;
        }
      })
      .immediate();
    return latest;
  }

  /** A right password (or a new one) clears the account's count; an address's count only runs out. */
  async clearSignInFailures(key: string): Promise<void> {
    this.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(key);
  }

  /** How many links of this purpose the account was sent since `sinceMs` ago (a cap on mail to one address). */
  async recentOneTimeTokens(userId: string, purpose: OneTimePurpose, sinceMs: number): Promise<number> {
    return this.db
      .prepare('SELECT COUNT(*) FROM one_time_tokens WHERE user_id = ? AND purpose = ? AND created_at > ?')
      .pluck()
      .get(userId, purpose, this.isoAfter(-sinceMs)) as number;
  }

  /** A new link makes the account's older unused ones worthless, so only the latest mail can be used. */
  async revokeOneTimeTokens(userId: string, purpose: OneTimePurpose): Promise<void> {
    this.db
      .prepare('UPDATE one_time_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL')
      .run(this.nowIso(), userId, purpose);
  }

  /** A server-side secret, made on first use and kept in this database (so every process sharing it agrees). */
  async secret(name: string): Promise<string> {
    this.db.prepare('INSERT OR IGNORE INTO secrets (name, value, created_at) VALUES (?, ?, ?)').run(name, newToken(), this.nowIso());
    return this.db.prepare('SELECT value FROM secrets WHERE name = ?').pluck().get(name) as string;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // Looked up by the access checks and the commands of most requests (the reviewers' list by every assignment), so
  // each statement is prepared once: compiling them per call showed in the api's profile under load.
  private readonly userLookups = new Map<string, Statement>();
  private roleLookup?: Statement;

  private userWhere(condition: 'id = ?' | 'email = ?', value: string): User | null {
    let lookup = this.userLookups.get(condition);
    if (!lookup) this.userLookups.set(condition, (lookup = this.db.prepare(`SELECT * FROM users WHERE ${condition}`)));
    const row = lookup.get(value) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  private insertUser(input: NewUser): string {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO users (id, email, name, role, institution, region, expertise, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        id,
        normalise(input.email),
        input.name.trim(),
        input.role,
        input.institution ?? null,
        input.region ?? null,
        input.expertise ?? null,
        this.nowIso(),
      );
    return id;
  }
}
