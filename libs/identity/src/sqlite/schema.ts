import type Database from 'better-sqlite3';

/** Times are ISO-8601 UTC strings (docs/ARCHITECTURE.md, Principles (the ten rules), rule 4), so text comparison orders them correctly. */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id            TEXT PRIMARY KEY,
      email         TEXT NOT NULL UNIQUE,
      name          TEXT NOT NULL,
      role          TEXT NOT NULL CHECK (role IN ('applicant', 'staff', 'reviewer', 'board', 'auditor', 'operator')),
      password_hash TEXT,
      institution   TEXT,
      region        TEXT,
      created_at    TEXT NOT NULL,
      disabled_at   TEXT
    );
    CREATE INDEX IF NOT EXISTS users_role ON users (role);

    CREATE TABLE IF NOT EXISTS sessions (
      token_hash TEXT PRIMARY KEY,
      user_id    TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);

    CREATE TABLE IF NOT EXISTS one_time_tokens (
      token_hash TEXT PRIMARY KEY,
      purpose    TEXT NOT NULL CHECK (purpose IN ('sign-in', 'set-password')),
      user_id    TEXT NOT NULL REFERENCES users (id),
      email      TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at    TEXT
    );
    CREATE INDEX IF NOT EXISTS one_time_tokens_user ON one_time_tokens (user_id, purpose);

    -- Consecutive wrong passwords per account (digest of the email) and per client address.
    CREATE TABLE IF NOT EXISTS sign_in_failures (
      key          TEXT PRIMARY KEY,
      failures     INTEGER NOT NULL,
      last_at      TEXT NOT NULL,
      locked_until TEXT
    );

    -- Server-side secrets generated on first use (the CSRF token key), so the embedded default needs no configuration.
    CREATE TABLE IF NOT EXISTS secrets (
      name       TEXT PRIMARY KEY,
      value      TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `);
  // Added after the first release: a store made before has no such column.
  const columns = db.prepare('PRAGMA table_info(users)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'expertise')) db.exec('ALTER TABLE users ADD COLUMN expertise TEXT');
}
