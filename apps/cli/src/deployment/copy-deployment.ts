import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool, PoolClient } from 'pg';
import { verifyLog } from '@cert/audit';
import { BlobStore } from '@cert/blob-store';
import { LogHead, SqliteEventStore } from '@cert/event-store';
import type { LogVerdict } from '@cert/contracts';
import { FileBlobStore } from '../../../../libs/blob-store/src/files/file.blob-store';
import { PostgresBlobStore } from '../../../../libs/blob-store/src/postgres/postgres.blob-store';
import { PostgresEventStore } from '../../../../libs/event-store/src/postgres/postgres.event-store';
import { PostgresIdentityStore } from '../../../../libs/identity/src/postgres/postgres.identity-store';
import { PostgresSubjectKeys } from '../../../../libs/privacy/src/postgres.subject-keys';
import { CopyMismatch, copyLog } from './copy-log';

/** An embedded deployment's files, as its configuration names them (the defaults: under DATA_DIR). */
export type EmbeddedFiles = { log: string; identity: string; keys: string; documents: string };

export const embeddedFiles = (dataDir: string): EmbeddedFiles => ({
  log: join(dataDir, 'events.sqlite'),
  identity: join(dataDir, 'identity.sqlite'),
  keys: join(dataDir, 'keys.sqlite'),
  documents: join(dataDir, 'documents'),
});

export type CopyReport = {
  events: number;
  streams: number;
  head: LogHead | null;
  accounts: number;
  sessions: number;
  links: number;
  keys: number;
  documents: number;
  verdict: LogVerdict;
};

export class CopyRefused extends Error {}

/** The accounts' tables in the order their foreign keys need; the lockouts' times become epoch milliseconds there. */
const IDENTITY_TABLES = [
  {
    name: 'users',
    columns: ['id', 'email', 'name', 'role', 'password_hash', 'institution', 'region', 'expertise', 'created_at', 'disabled_at'],
  },
  { name: 'sessions', columns: ['token_hash', 'user_id', 'created_at', 'expires_at', 'revoked_at'] },
  { name: 'one_time_tokens', columns: ['token_hash', 'purpose', 'user_id', 'email', 'created_at', 'expires_at', 'used_at'] },
  { name: 'secrets', columns: ['name', 'value', 'created_at'] },
] as const;

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

async function insertRows(client: PoolClient, table: string, columns: readonly string[], rows: Record<string, unknown>[]) {
  const list = columns.join(', ');
  const params = columns.map((_, i) => `$${i + 1}`).join(', ');
  for (const row of rows)
    await client.query(
      `INSERT INTO ${table} (${list}) VALUES (${params})`,
      columns.map((c) => row[c] ?? null),
    );
}

async function inTransaction(pool: Pool, work: (client: PoolClient) => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const count = async (pool: Pool, table: string) =>
  Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

/**
 * docs/ARCHITECTURE.md, Distributed: moves an embedded deployment (stopped) into the PostgreSQL shape. Refuses unless
 * every target is empty, so nothing is ever merged into or overwritten; then copies the keys, the accounts, the
 * documents and the log, and checks the copy: each event's hash as it is written, the head, every count, and a full
 * verification of the copied log and documents.
 */
export async function copyDeployment(
  files: EmbeddedFiles,
  target: { databaseUrl: string; keysDatabaseUrl: string },
  say: (line: string) => void = () => undefined,
): Promise<CopyReport> {
  for (const [what, path] of [
    ['log', files.log],
    ['accounts', files.identity],
    ['keys', files.keys],
  ] as const) {
    if (!existsSync(path)) throw new CopyRefused(`no ${what} at ${path}: is --from the embedded deployment's data folder?`);
  }
  if (target.databaseUrl === target.keysDatabaseUrl) {
    throw new CopyRefused('KEYS_DATABASE_URL must name a database other than DATABASE_URL (a backup of the log never holds the keys)');
  }
  const source = {
    log: SqliteEventStore.open(files.log),
    identity: new Database(files.identity, { readonly: true, fileMustExist: true }),
    keys: new Database(files.keys, { readonly: true, fileMustExist: true }),
    blobs: await FileBlobStore.open(files.documents),
  };
  // Opening each adapter creates its tables (and the keys' store a pseudonym secret of its own, replaced below).
  const log = await PostgresEventStore.connect(target.databaseUrl);
  await (await PostgresIdentityStore.open(target.databaseUrl)).close();
  await (await PostgresSubjectKeys.connect(target.keysDatabaseUrl)).close();
  const blobs = await PostgresBlobStore.connect(target.databaseUrl);
  const accountsDb = new Pool({ connectionString: target.databaseUrl, max: 2 });
  const keysDb = new Pool({ connectionString: target.keysDatabaseUrl, max: 2 });
  try {
    const taken = [
      (await log.head()) && 'the log has events',
      (await count(accountsDb, 'identity.users')) > 0 && 'there are accounts',
      (await count(keysDb, 'subject_keys')) > 0 && 'there are personal-data keys',
      !(await isEmpty(blobs)) && 'there are documents',
    ].filter(Boolean);
    if (taken.length > 0) throw new CopyRefused(`the target is not empty (${taken.join('; ')}): the copy writes only into empty databases`);

    const keyRows = source.keys.prepare('SELECT key_id, subject_id, key, created_at, destroyed_at FROM subject_keys').all() as Record<
      string,
      unknown
    >[];
    const secret = source.keys.prepare("SELECT value FROM key_store_secret WHERE name = 'subject-id'").get() as
      { value: Buffer } | undefined;
    if (!secret) throw new CopyRefused(`${files.keys} holds no pseudonym secret: it is not a key store this engine made`);
    await inTransaction(keysDb, async (client) => {
      // The pseudonym secret decides every subject id in the log: the source's, not the one the empty store made.
      await client.query("UPDATE key_store_secret SET value = $1 WHERE name = 'subject-id'", [secret.value]);
      await insertRows(client, 'subject_keys', ['key_id', 'subject_id', 'key', 'created_at', 'destroyed_at'], keyRows);
    });
    say(`keys: ${keyRows.length} copied, with the pseudonym secret`);

    const identityCounts: Record<string, number> = {};
    await inTransaction(accountsDb, async (client) => {
      for (const table of IDENTITY_TABLES) {
        const columns = table.columns.filter((c) => c !== 'expertise' || hasColumn(source.identity, 'users', 'expertise'));
        const rows = source.identity.prepare(`SELECT ${columns.join(', ')} FROM ${table.name}`).all() as Record<string, unknown>[];
        // The store made a CSRF secret of its own on open if none was there: the source's wins, so cookies stay valid.
        if (table.name === 'secrets') await client.query('DELETE FROM identity.secrets');
        await insertRows(client, `identity.${table.name}`, columns, rows);
        identityCounts[table.name] = rows.length;
      }
      const failures = source.identity.prepare('SELECT key, failures, last_at, locked_until FROM sign_in_failures').all() as {
        key: string;
        failures: number;
        last_at: string;
        locked_until: string | null;
      }[];
      for (const f of failures) {
        await client.query('INSERT INTO identity.sign_in_failures (key, failures, last_at_ms, locked_until_ms) VALUES ($1, $2, $3, $4)', [
          f.key,
          f.failures,
          ms(f.last_at),
          ms(f.locked_until),
        ]);
      }
    });
    say(
      `accounts: ${identityCounts.users} copied, with ${identityCounts.sessions} sessions and ${identityCounts.one_time_tokens} one-time links`,
    );

    let documents = 0;
    for await (const { id } of source.blobs.list()) {
      const content = await source.blobs.get(id);
      if (content) await blobs.put(id, content);
      documents++;
      if (documents % 100 === 0) say(`documents: ${documents} copied`);
    }
    say(`documents: ${documents} copied`);

    const { events, streams } = await copyLog(source.log, log, (n) => say(`log: ${n} events copied`));
    const head = await log.head();
    const verdict = await verifyLog(log, await source.log.head(), blobs);
    if (!verdict.ok) throw new CopyMismatch(`the copied log does not verify: ${verdict.problem?.detail ?? 'a document differs'}`);

    const expect = async (what: string, copied: number, pool: Pool, table: string) => {
      const found = await count(pool, table);
      if (found !== copied) throw new CopyMismatch(`${what}: ${copied} in the source, ${found} in the target`);
    };
    await expect('accounts', identityCounts.users, accountsDb, 'identity.users');
    await expect('sessions', identityCounts.sessions, accountsDb, 'identity.sessions');
    await expect('one-time links', identityCounts.one_time_tokens, accountsDb, 'identity.one_time_tokens');
    await expect('keys', keyRows.length, keysDb, 'subject_keys');
    return {
      events,
      streams,
      head,
      accounts: identityCounts.users,
      sessions: identityCounts.sessions,
      links: identityCounts.one_time_tokens,
      keys: keyRows.length,
      documents,
      verdict,
    };
  } finally {
    await Promise.allSettled([log.close(), blobs.close(), accountsDb.end(), keysDb.end(), source.log.close(), source.blobs.close()]);
    source.identity.close();
    source.keys.close();
  }
}

async function isEmpty(blobs: BlobStore): Promise<boolean> {
  for await (const _ of blobs.list()) return false;
  return true;
}

const hasColumn = (db: Database.Database, table: string, column: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
