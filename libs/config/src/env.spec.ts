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

  it('requires DATABASE_URL when the PostgreSQL adapter is chosen, and carries it', () => {
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(/DATABASE_URL: required when EVENT_STORE=postgres/);
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({
      eventStore: 'postgres',
      databaseUrl: 'postgres://u@h/db',
    });
  });

  it('keeps keys in KEYS_DATABASE_URL when it is set, and in the SQLite file otherwise', () => {
    expect(loadConfig({}).keysDatabaseUrl).toBeNull();
    expect(loadConfig({ KEYS_DATABASE_URL: 'postgres://u@keys/k' }).keysDatabaseUrl).toBe('postgres://u@keys/k');
  });

  it('keeps documents in PostgreSQL by default with a log on a server, in files otherwise, and needs DATABASE_URL for it', () => {
    expect(loadConfig({}).blobStore).toBe('files');
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' }).blobStore).toBe('postgres');
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db', BLOB_STORE: 'files' }).blobStore).toBe('files');
    expect(() => loadConfig({ EVENT_STORE: 'esdb', ESDB_URL: 'esdb://h' })).toThrow(
      /DATABASE_URL: required when BLOB_STORE=postgres \(the default with EVENT_STORE=esdb\)[^\n]*or set BLOB_STORE=files/,
    );
    expect(loadConfig({ EVENT_STORE: 'esdb', ESDB_URL: 'esdb://h', BLOB_STORE: 'files' }).blobStore).toBe('files');
    expect(() => loadConfig({ BLOB_STORE: 'postgres' })).toThrow(/DATABASE_URL: required when BLOB_STORE=postgres,/);
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
