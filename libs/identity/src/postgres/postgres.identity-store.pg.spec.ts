import { Client } from 'pg';
import { FixedClock } from '@cert/testing';
// The event log's helper: the one server and naming every PostgreSQL spec uses.
import { freshDatabase } from '../../../event-store/src/testing/postgres-test-db';
import { IdentityStore } from '../identity.store';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, accountKey, addressKey } from '../lockout';
import { itBehavesLikeAnIdentityStore } from '../testing/identity-store.contract';
import { HOUR } from '../user';
import { PostgresIdentityStore } from './postgres.identity-store';

/** A database of this describe's own, dropped after it. */
function withDatabase(label: string) {
  const db = { url: '', drop: async () => {} };
  beforeAll(async () => Object.assign(db, await freshDatabase(label)));
  afterAll(() => db.drop());
  return db;
}

/** Each case starts from no identity schema at all, so opening creates it. */
async function dropSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS identity CASCADE');
  await client.end();
}

describe('PostgresIdentityStore', () => {
  const db = withDatabase('identity_contract');
  itBehavesLikeAnIdentityStore(async (clock) => {
    await dropSchema(db.url);
    return PostgresIdentityStore.open(db.url, clock);
  });
});

describe('PostgresIdentityStore shared by two replicas', () => {
  const db = withDatabase('identity_replicas');
  let clock: FixedClock;
  let a: IdentityStore;
  let b: IdentityStore;
  beforeEach(async () => {
    await dropSchema(db.url);
    clock = new FixedClock('2026-02-01T08:00:00.000Z');
    // Opened together: both create the schema at once, and neither fails.
    [a, b] = await Promise.all([PostgresIdentityStore.open(db.url, clock), PostgresIdentityStore.open(db.url, clock)]);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('keeps its tables in a schema of its own, apart from the event log', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ table_schema: string; table_name: string }>(
      "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 2",
    );
    await client.end();
    expect(rows).toEqual(
      ['one_time_tokens', 'secrets', 'sessions', 'sign_in_failures', 'users'].map((table_name) => ({
        table_schema: 'identity',
        table_name,
      })),
    );
  });

  it('knows on one replica the account made on the other', async () => {
    const user = await a.createUser({ email: 'ada@iasl.org', name: 'Ada', role: 'staff' });
    expect((await b.findByEmail('ADA@iasl.org'))?.id).toBe(user.id);
    await expect(b.createUser({ email: 'ada@iasl.org', name: 'Ada again', role: 'staff' })).rejects.toThrow(/already exists/);
  });

  it('redeems a link once across replicas, whichever redeems it and however many times at once', async () => {
    const user = await a.createUser({ email: 'ada@iasl.org', name: 'Ada', role: 'applicant' });
    for (let round = 0; round < 5; round++) {
      const { token } = await a.issueOneTimeToken('sign-in', user, HOUR);
      const results = await Promise.all([a, b, a, b].map((store) => store.redeemOneTimeToken(token, 'sign-in')));
      expect(results.filter((u) => u?.id === user.id)).toHaveLength(1);
      expect(results.filter((u) => u === null)).toHaveLength(3);
    }
  });

  it('lets the link a replica mailed be redeemed on another, once', async () => {
    const user = await a.createUser({ email: 'bo@iasl.org', name: 'Bo', role: 'reviewer' });
    const { token } = await a.issueOneTimeToken('set-password', user, HOUR);
    expect((await b.redeemOneTimeToken(token, 'set-password'))?.id).toBe(user.id);
    expect(await a.redeemOneTimeToken(token, 'set-password')).toBeNull();
  });

  it('counts sign-in failures on either replica toward one lockout', async () => {
    const keys = [
      { key: accountKey('ada@iasl.org'), policy: ACCOUNT_LOCKOUT },
      { key: addressKey('203.0.113.9'), policy: ADDRESS_LOCKOUT },
    ];
    // Four failures on each replica, all at once: eight in all, so the lock is 2^(8-5) = 8 minutes.
    await Promise.all([a, b, a, b, a, b, a, b].map((store) => store.recordSignInFailure(keys)));
    expect(await a.signInLockedUntil(keys.map((k) => k.key))).toBe('2026-02-01T08:08:00.000Z');
    expect(await b.signInLockedUntil(keys.map((k) => k.key))).toBe('2026-02-01T08:08:00.000Z');
    await a.clearSignInFailures(keys[0].key);
    expect(await b.signInLockedUntil([keys[0].key])).toBeNull();
  });

  it('makes the first account once when two replicas start at the same moment', async () => {
    const admin = { email: 'admin@iasl.org', name: 'Administrator', role: 'staff' as const };
    const made = await Promise.all([a, b, a, b].map((store) => store.findOrCreateUser(admin)));
    expect(new Set(made.map((u) => u.id)).size).toBe(1);
    expect(await b.listByRole('staff')).toHaveLength(1);
  });

  it('gives every replica the same secrets, made once', async () => {
    const [fromA, fromB] = await Promise.all([a.secret('csrf'), b.secret('csrf')]);
    expect(fromA).toMatch(/^[\w-]{43}$/);
    expect(fromB).toBe(fromA);
    expect(await b.secret('cookie')).toBe(await a.secret('cookie'));
  });

  it('resolves on one replica a session opened on the other, and sees its sign-out there', async () => {
    const user = await a.createUser({ email: 'ada@iasl.org', name: 'Ada', role: 'staff' });
    const { token } = await a.createSession(user.id, HOUR);
    expect((await b.resolveSession(token))?.id).toBe(user.id);
    await b.revokeSession(token);
    expect(await a.resolveSession(token)).toBeNull();
  });

  it('ends on every replica the sessions of an account deactivated, or given a new password, on one', async () => {
    const user = await a.createUser({ email: 'ada@iasl.org', name: 'Ada', role: 'staff' });
    const first = await a.createSession(user.id, HOUR);
    await b.setPassword(user.id, 'correct horse battery');
    expect(await a.resolveSession(first.token)).toBeNull();
    expect((await a.verifyPassword('ada@iasl.org', 'correct horse battery'))?.id).toBe(user.id);
    const second = await a.createSession(user.id, HOUR);
    await b.deactivate(user.id);
    expect(await a.resolveSession(second.token)).toBeNull();
    expect(await a.verifyPassword('ada@iasl.org', 'correct horse battery')).toBeNull();
  });
});
