import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { Clock, SystemClock } from '@cert/config';
import { IdentityStore, IssuedToken, UserRow, normaliseEmail, toAccount, toUser } from '../identity.store';
import { LockoutPolicy } from '../lockout';
import { hashPassword, hashToken, newToken, passwordMatches } from '../secrets';
import { Account, EmailTaken, HOUR, NewUser, OneTimePurpose, PASSWORD_ROLES, PasswordRole, User, UserRole } from '../user';

/**
 * The same tables as on SQLite, in a schema of their own so they stay apart from the event log's tables when they
 * share its database. Times are ISO-8601 UTC text as there (text order is time order), except the lockout's, which
 * are epoch milliseconds so that a failure is counted and its lock computed in one statement.
 */
const SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS identity;
  CREATE TABLE IF NOT EXISTS identity.users (
    id            text PRIMARY KEY,
    email         text NOT NULL UNIQUE,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('applicant', 'staff', 'reviewer', 'board', 'auditor', 'operator')),
    password_hash text,
    institution   text,
    region        text,
    expertise     text,
    created_at    text NOT NULL,
    disabled_at   text
  );
  CREATE INDEX IF NOT EXISTS users_role ON identity.users (role);
  CREATE TABLE IF NOT EXISTS identity.sessions (
    token_hash text PRIMARY KEY,
    user_id    text NOT NULL REFERENCES identity.users (id),
    created_at text NOT NULL,
    expires_at text NOT NULL,
    revoked_at text
  );
  CREATE INDEX IF NOT EXISTS sessions_user ON identity.sessions (user_id);
  CREATE TABLE IF NOT EXISTS identity.one_time_tokens (
    token_hash text PRIMARY KEY,
    purpose    text NOT NULL CHECK (purpose IN ('sign-in', 'set-password')),
    user_id    text NOT NULL REFERENCES identity.users (id),
    email      text NOT NULL,
    created_at text NOT NULL,
    expires_at text NOT NULL,
    used_at    text
  );
  CREATE INDEX IF NOT EXISTS one_time_tokens_user ON identity.one_time_tokens (user_id, purpose);
  CREATE TABLE IF NOT EXISTS identity.sign_in_failures (
    key             text PRIMARY KEY,
    failures        integer NOT NULL,
    last_at_ms      bigint NOT NULL,
    locked_until_ms bigint
  );
  CREATE TABLE IF NOT EXISTS identity.secrets (
    name       text PRIMARY KEY,
    value      text NOT NULL,
    created_at text NOT NULL
  );`;

/** Taken while the schema is created, so processes starting together do not race on it; one number per lock on the database (docs/ARCHITECTURE.md, Distributed). */
const SCHEMA_LOCK = 7_362_202;

const USER_COLUMNS = 'id, email, name, role, password_hash, institution, region, expertise, created_at, disabled_at';
const INSERT_USER = `INSERT INTO identity.users (id, email, name, role, institution, region, expertise, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`;

/*
 * lockFor (lockout.ts) in SQL, for a count `f`: parameters $3 free failures, $4 first lock, $5 longest lock (ms).
 * Doubled in float8 and capped before the cast, so a long run of failures cannot overflow bigint.
 */
const lockMs = (f: string) =>
  `(CASE WHEN (${f}) < $3::int THEN 0 ELSE LEAST($5::float8, $4::float8 * power(2::float8, LEAST((${f}) - $3::int, 60)))::bigint END)`;
const lockedUntil = (f: string) => `(CASE WHEN ${lockMs(f)} > 0 THEN $2::bigint + ${lockMs(f)} END)`;
// A count older than its window (plus the lock it earned) starts again, as on SQLite; $6 is the window.
const nextCount = `(CASE WHEN $2::bigint - f.last_at_ms > $6::bigint + ${lockMs('f.failures')} THEN 1 ELSE f.failures + 1 END)`;
/** One statement per key: concurrent failures on any replica each count, and each lock follows from the count it made. */
const RECORD_FAILURE = `
  INSERT INTO identity.sign_in_failures AS f (key, failures, last_at_ms, locked_until_ms)
  VALUES ($1, 1, $2::bigint, ${lockedUntil('1')})
  ON CONFLICT (key) DO UPDATE SET failures = ${nextCount}, last_at_ms = $2::bigint, locked_until_ms = ${lockedUntil(nextCount)}
  RETURNING locked_until_ms`;

/**
 * The identity store in PostgreSQL (IDENTITY_STORE=postgres, DATABASE_URL): one set of accounts, sessions, links,
 * lockouts and secrets for every api replica and worker (docs/ARCHITECTURE.md, Distributed). What must happen once
 * across replicas happens in one statement (a row lock or a conflict target), never as a read and then a write here.
 */
export class PostgresIdentityStore extends IdentityStore {
  private constructor(
    private readonly pool: Pool,
    clock: Clock,
  ) {
    super(clock);
  }

  /** Connects and creates the schema if it is not there yet. */
  static async open(url: string, clock: Clock = new SystemClock(), opts: { max?: number } = {}): Promise<PostgresIdentityStore> {
    const pool = new Pool({ connectionString: url, max: opts.max ?? 10 });
    // An idle client's error (the server restarted) must not crash the process: the pool drops that client.
    pool.on('error', () => {});
    const store = new PostgresIdentityStore(pool, clock);
    try {
      await store.transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query(SCHEMA);
      });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  async createUser(input: NewUser): Promise<User> {
    const { rows } = await this.pool.query<UserRow>(INSERT_USER, this.newUserValues(input));
    if (!rows[0]) throw new EmailTaken(normaliseEmail(input.email));
    return toUser(rows[0]);
  }

  async findOrCreateUser(input: NewUser): Promise<User> {
    // ON CONFLICT waits for a concurrent insert of the same email to commit, so the read after it finds that account
    // (unless it was erased in between: then the insert is tried again).
    for (;;) {
      const { rows } = await this.pool.query<UserRow>(INSERT_USER, this.newUserValues(input));
      if (rows[0]) return toUser(rows[0]);
      const found = await this.findByEmail(input.email);
      if (found) return found;
    }
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.userWhere('email', normaliseEmail(email));
  }

  async findById(id: string): Promise<User | null> {
    return this.userWhere('id', id);
  }

  // COLLATE "C": the byte order SQLite sorts by, whatever the database's locale.
  async listByRole(role: UserRole): Promise<User[]> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM identity.users WHERE role = $1 ORDER BY email COLLATE "C"`,
      [role],
    );
    return rows.map(toUser);
  }

  async listUsers(): Promise<User[]> {
    const { rows } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM identity.users ORDER BY id COLLATE "C"`);
    return rows.map(toUser);
  }

  async listPasswordAccounts(): Promise<Account[]> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM identity.users WHERE role = ANY($1) ORDER BY name COLLATE "C", email COLLATE "C"`,
      [PASSWORD_ROLES],
    );
    return rows.map(toAccount);
  }

  async findAccount(id: string): Promise<Account | null> {
    const { rows } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM identity.users WHERE id = $1`, [id]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async setRole(userId: string, role: PasswordRole): Promise<void> {
    await this.pool.query('UPDATE identity.users SET role = $1 WHERE id = $2', [role, userId]);
  }

  async deactivate(userId: string): Promise<void> {
    const now = this.nowIso();
    await this.transaction(async (c) => {
      await c.query('UPDATE identity.users SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL', [now, userId]);
      await c.query('UPDATE identity.sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL', [now, userId]);
      await c.query('UPDATE identity.one_time_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL', [now, userId]);
    });
  }

  async hasPasswordUser(role: UserRole): Promise<boolean> {
    const { rows } = await this.pool.query<{ found: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM identity.users WHERE role = $1 AND password_hash IS NOT NULL AND disabled_at IS NULL) AS found',
      [role],
    );
    return rows[0].found;
  }

  async setPassword(userId: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.transaction(async (c) => {
      await c.query('UPDATE identity.users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
      await c.query('UPDATE identity.sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL', [this.nowIso(), userId]);
    });
  }

  async verifyPassword(email: string, password: string): Promise<User | null> {
    const { rows } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM identity.users WHERE email = $1`, [normaliseEmail(email)]);
    const row = rows[0];
    const ok = await passwordMatches(row?.password_hash ?? null, password);
    return ok && row && row.disabled_at === null ? toUser(row) : null;
  }

  async issueOneTimeToken(purpose: OneTimePurpose, user: User, ttlMs: number): Promise<IssuedToken> {
    const token = newToken();
    const expiresAt = this.isoAfter(ttlMs);
    await this.pool.query(
      'INSERT INTO identity.one_time_tokens (token_hash, purpose, user_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [hashToken(token), purpose, user.id, user.email, this.nowIso(), expiresAt],
    );
    return { token, expiresAt };
  }

  /**
   * The UPDATE marks the link used and takes its row lock; a redeem on another replica waits on that lock and then
   * finds used_at set, so it gets nothing. If `accept` refuses, the transaction rolls back and the link stays unused.
   */
  async redeemOneTimeToken(token: string, purpose: OneTimePurpose, accept?: (user: User) => void): Promise<User | null> {
    const now = this.nowIso();
    return this.transaction(async (c) => {
      const { rows } = await c.query<UserRow>(
        `UPDATE identity.one_time_tokens t SET used_at = $3 FROM identity.users u
         WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3
           AND u.id = t.user_id AND u.disabled_at IS NULL
         RETURNING ${USER_COLUMNS.replace(/(\w+)/g, 'u.$1')}`,
        [hashToken(token), purpose, now],
      );
      if (!rows[0]) return null;
      const user = toUser(rows[0]);
      accept?.(user);
      return user;
    });
  }

  async recentOneTimeTokens(userId: string, purpose: OneTimePurpose, sinceMs: number): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT COUNT(*) AS count FROM identity.one_time_tokens WHERE user_id = $1 AND purpose = $2 AND created_at > $3',
      [userId, purpose, this.isoAfter(-sinceMs)],
    );
    return Number(rows[0].count);
  }

  async revokeOneTimeTokens(userId: string, purpose: OneTimePurpose): Promise<void> {
    await this.pool.query('UPDATE identity.one_time_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL', [
      this.nowIso(),
      userId,
      purpose,
    ]);
  }

  async createSession(userId: string, ttlMs: number): Promise<IssuedToken> {
    const token = newToken();
    const expiresAt = this.isoAfter(ttlMs);
    await this.pool.query('INSERT INTO identity.sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      hashToken(token),
      userId,
      this.nowIso(),
      expiresAt,
    ]);
    return { token, expiresAt };
  }

  async resolveSession(token: string): Promise<User | null> {
    // Named, so each pooled connection plans it once: every signed-in request resolves its session.
    const { rows } = await this.pool.query<UserRow>({
      name: 'identity-resolve-session',
      text: `SELECT ${USER_COLUMNS.replace(/(\w+)/g, 'u.$1')} FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL`,
      values: [hashToken(token), this.nowIso()],
    });
    return rows[0] ? toUser(rows[0]) : null;
  }

  async revokeSession(token: string): Promise<void> {
    await this.pool.query('UPDATE identity.sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [
      this.nowIso(),
      hashToken(token),
    ]);
  }

  /**
   * VACUUM FULL rewrites the three tables, so the deleted rows (and the older versions updates left) are not kept in
   * their pages. The server's WAL and any backup or archive of it still hold them until they are recycled: that is the
   * operator's retention to set (docs/DOMAIN.md, Erasure).
   */
  async eraseAccount(userId: string): Promise<boolean> {
    const removed = await this.transaction(async (c) => {
      await c.query('DELETE FROM identity.one_time_tokens WHERE user_id = $1', [userId]);
      await c.query('DELETE FROM identity.sessions WHERE user_id = $1', [userId]);
      return ((await c.query('DELETE FROM identity.users WHERE id = $1', [userId])).rowCount ?? 0) > 0;
    });
    await this.pool.query('VACUUM FULL identity.one_time_tokens, identity.sessions, identity.users');
    return removed;
  }

  async signInLockedUntil(keys: string[]): Promise<string | null> {
    const { rows } = await this.pool.query<{ until: string | null }>(
      'SELECT max(locked_until_ms) AS until FROM identity.sign_in_failures WHERE key = ANY($1) AND locked_until_ms > $2',
      [keys, this.clock.now().getTime()],
    );
    return rows[0].until === null ? null : new Date(Number(rows[0].until)).toISOString();
  }

  async recordSignInFailure(keys: { key: string; policy: LockoutPolicy }[]): Promise<string | null> {
    const now = this.clock.now().getTime();
    // Counts older than a day can lock nothing any more (the longest lock is an hour): keep no more than that.
    await this.pool.query('DELETE FROM identity.sign_in_failures WHERE last_at_ms < $1', [now - 24 * HOUR]);
    let latest: number | null = null;
    for (const { key, policy } of keys) {
      const { rows } = await this.pool.query<{ locked_until_ms: string | null }>(RECORD_FAILURE, [
        key,
        now,
        policy.freeFailures,
        policy.firstLockMs,
        policy.maxLockMs,
        policy.windowMs,
      ]);
      const until = rows[0].locked_until_ms === null ? null : Number(rows[0].locked_until_ms);
      if (until !== null && (latest === null || until > latest)) latest = until;
    }
    return latest === null ? null : new Date(latest).toISOString();
  }

  async clearSignInFailures(key: string): Promise<void> {
    await this.pool.query('DELETE FROM identity.sign_in_failures WHERE key = $1', [key]);
  }

  /** The first process to ask makes it; every other one reads that one. */
  async secret(name: string): Promise<string> {
    await this.pool.query('INSERT INTO identity.secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [
      name,
      newToken(),
      this.nowIso(),
    ]);
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM identity.secrets WHERE name = $1', [name]);
    return rows[0].value;
  }

  private closing: Promise<void> | null = null;

  async close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }

  private async userWhere(column: 'id' | 'email', value: string): Promise<User | null> {
    const { rows } = await this.pool.query<UserRow>({
      name: `identity-user-by-${column}`,
      text: `SELECT ${USER_COLUMNS} FROM identity.users WHERE ${column} = $1`,
      values: [value],
    });
    return rows[0] ? toUser(rows[0]) : null;
  }

  private newUserValues(input: NewUser): unknown[] {
    return [
      randomUUID(),
      normaliseEmail(input.email),
      input.name.trim(),
      input.role,
      input.institution ?? null,
      input.region ?? null,
      input.expertise ?? null,
      this.nowIso(),
    ];
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}
