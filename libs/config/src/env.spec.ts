import { loadConfig } from './env';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      eventStore: 'sqlite',
      sqlitePath: './data/events.sqlite',
      sqliteSynchronous: 'FULL',
      port: 3000,
      redisUrl: null,
    });
    expect(config.mail.transport).toBe('log');
  });

  it('lists every bad key at once', () => {
    expect(() => loadConfig({ EVENT_STORE: 'mongo', PORT: 'abc', MAIL_TRANSPORT: 'smtp' })).toThrow(
      /EVENT_STORE[\s\S]*PORT[\s\S]*SMTP_URL/,
    );
  });

  it('requires ESDB_URL when the EventStoreDB adapter is chosen', () => {
    expect(() => loadConfig({ EVENT_STORE: 'esdb' })).toThrow(/ESDB_URL/);
  });

  /** What a shared log needs besides the log (docs/ARCHITECTURE.md, Distributed). */
  const SHARED = {
    KEYS_DATABASE_URL: 'postgres://u@h/keys',
    REDIS_URL: 'redis://h:6379',
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: 'smtp://h:25',
    CHECKPOINT_KEY_PATH: '/secrets/checkpoint-key.pem',
    WITNESS_DIR: '/shared/witness',
    CREDENTIAL_KEY_PATH: '/secrets/credential-key.pem',
  };

  it('requires DATABASE_URL when the PostgreSQL adapter is chosen, and carries it', () => {
    expect(() => loadConfig({ ...SHARED, EVENT_STORE: 'postgres' })).toThrow(/DATABASE_URL: required when EVENT_STORE=postgres/);
    expect(loadConfig({ ...SHARED, EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({
      eventStore: 'postgres',
      databaseUrl: 'postgres://u@h/db',
    });
  });

  it('refuses a shared log with anything left local to one machine, naming every key to set', () => {
    // given a shared log and nothing else: keys, mail, jobs and the checkpoint key would each stay on one machine
    const refusal = (() => {
      try {
        loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' });
      } catch (error) {
        return (error as Error).message;
      }
      return null;
    })();
    expect(
      refusal
        ?.split('\n')
        .slice(1)
        .map((line) => line.trim().split(':')[0]),
    ).toEqual(['KEYS_DATABASE_URL', 'MAIL_TRANSPORT', 'REDIS_URL', 'CHECKPOINT_KEY_PATH', 'WITNESS_DIR', 'CREDENTIAL_KEY_PATH']);
    expect(refusal).toMatch(/reads the others' data as \[erased\]/);
    // the keys in the log's own database, accounts or documents kept local: refused with the reason
    const base = { ...SHARED, EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' };
    expect(() => loadConfig({ ...base, KEYS_DATABASE_URL: base.DATABASE_URL })).toThrow(
      /KEYS_DATABASE_URL: must name a database other than/,
    );
    expect(() => loadConfig({ ...base, IDENTITY_STORE: 'sqlite' })).toThrow(/IDENTITY_STORE: sqlite keeps accounts/);
    expect(() => loadConfig({ ...base, BLOB_STORE: 'files' })).toThrow(/BLOB_STORE: files under DATA_DIR/);
    expect(loadConfig({ ...base, BLOB_STORE: 'files', BLOB_DIR: '/mnt/shared/documents' }).blobDir).toBe('/mnt/shared/documents');
    // the embedded log needs none of it
    expect(loadConfig({}).eventStore).toBe('sqlite');
  });

  it('keeps accounts where the log is shared: PostgreSQL by default with a postgres or esdb log, else SQLite', () => {
    expect(loadConfig({}).identityStore).toBe('sqlite');
    expect(loadConfig({ ...SHARED, EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' }).identityStore).toBe('postgres');
    expect(loadConfig({ ...SHARED, EVENT_STORE: 'esdb', ESDB_URL: 'esdb://h:2113', DATABASE_URL: 'postgres://u@h/db' }).identityStore).toBe(
      'postgres',
    );
    expect(loadConfig({ IDENTITY_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' }).identityStore).toBe('postgres');
    expect(() => loadConfig({ IDENTITY_STORE: 'mysql' })).toThrow(/IDENTITY_STORE/);
  });

  it('refuses IDENTITY_STORE=postgres without DATABASE_URL, naming the key and an example', () => {
    expect(() => loadConfig({ IDENTITY_STORE: 'postgres' })).toThrow(
      /DATABASE_URL: required when IDENTITY_STORE=postgres \(e\.g\. postgres:\/\/iasl:secret@db\.example\.org:5432\/iasl\)/,
    );
    expect(() => loadConfig({ ...SHARED, EVENT_STORE: 'esdb', ESDB_URL: 'esdb://h:2113' })).toThrow(
      /DATABASE_URL: required when IDENTITY_STORE=postgres \(its default with EVENT_STORE=esdb\) and BLOB_STORE=postgres \(its default with EVENT_STORE=esdb\)/,
    );
  });

  it('keeps keys in KEYS_DATABASE_URL when it is set, and in the SQLite file otherwise', () => {
    expect(loadConfig({}).keysDatabaseUrl).toBeNull();
    expect(loadConfig({ KEYS_DATABASE_URL: 'postgres://u@keys/k' }).keysDatabaseUrl).toBe('postgres://u@keys/k');
  });

  it('keeps documents in PostgreSQL by default with a log on a server, in files otherwise, and needs DATABASE_URL for it', () => {
    expect(loadConfig({}).blobStore).toBe('files');
    const shared = { ...SHARED, EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' };
    expect(loadConfig(shared).blobStore).toBe('postgres');
    expect(loadConfig({ ...shared, BLOB_STORE: 'files', BLOB_DIR: '/mnt/shared/documents' }).blobStore).toBe('files');
    expect(() => loadConfig({ BLOB_STORE: 'postgres' })).toThrow(/DATABASE_URL: required when BLOB_STORE=postgres \(e\.g\./);
    expect(() => loadConfig({ BLOB_STORE: 's3' })).toThrow(/BLOB_STORE/);
  });

  it('runs the work side in this process unless RUN_WORK_SIDE=false', () => {
    expect(loadConfig({}).runWorkSide).toBe(true);
    expect(loadConfig({ RUN_WORK_SIDE: 'false' }).runWorkSide).toBe(false);
    expect(() => loadConfig({ RUN_WORK_SIDE: 'no' })).toThrow(/RUN_WORK_SIDE/);
  });

  it('refuses the retired RUN_LOG_RUNNER and names its replacement', () => {
    expect(() => loadConfig({ RUN_LOG_RUNNER: 'false' })).toThrow(/RUN_LOG_RUNNER: replaced by RUN_WORK_SIDE/);
  });

  it('trusts no proxy unless TRUST_PROXY says which: a hop count, or addresses, subnets and range names', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: not an address, subnet, hop count .*"true"/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});
