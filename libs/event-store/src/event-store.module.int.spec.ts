import { Test } from '@nestjs/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLog, EventStore } from './event-store';
import { EventStoreModule } from './event-store.module';
import { SqliteEventStore } from './sqlite/sqlite.event-store';
import { EsdbEventStore } from './esdb/esdb.event-store';

type AppConfig = Parameters<typeof EventStoreModule.forRoot>[0];
// Only the fields the module reads; the rest of AppConfig is not this lib's business.
const configOf = (c: Pick<AppConfig, 'eventStore' | 'sqlitePath' | 'sqliteSynchronous' | 'esdbUrl'>) => c as AppConfig;

describe('EventStoreModule', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-store-module-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('provides the SQLite store from config under the EventStore and EventLog tokens and closes it on shutdown', async () => {
    const config = configOf({
      eventStore: 'sqlite',
      sqlitePath: join(dir, 'data', 'events.sqlite'),
      sqliteSynchronous: 'NORMAL',
      esdbUrl: null,
    });
    const app = await Test.createTestingModule({ imports: [EventStoreModule.forRoot(config)] }).compile();
    const store = app.get(EventStore);
    expect(store).toBeInstanceOf(SqliteEventStore);
    expect(app.get(EventLog)).toBe(store);
    expect(existsSync(join(dir, 'data'))).toBe(true);
    await store.appendToStream(
      'application-1',
      [
        {
          id: 'e-1',
          type: 'Noted',
          schemaVersion: 1,
          data: {},
          metadata: { actorId: 'a', actorRole: 'staff', correlationId: 'c', causationId: null, occurredAt: '2026-01-01T00:00:00Z' },
        },
      ],
      { expectedVersion: 0 },
    );
    await app.close();
    await expect(store.readStream('application-1')).rejects.toThrow(/not open/);
  });

  it('picks EventStoreDB when EVENT_STORE=esdb (connecting lazily, so no server is needed here)', async () => {
    const config = configOf({ eventStore: 'esdb', sqlitePath: '', sqliteSynchronous: 'FULL', esdbUrl: 'esdb://127.0.0.1:1?tls=false' });
    const app = await Test.createTestingModule({ imports: [EventStoreModule.forRoot(config)] }).compile();
    expect(app.get(EventStore)).toBeInstanceOf(EsdbEventStore);
    await app.close();
  });

  it('serves a given instance for tests, and leaves closing it to them', async () => {
    const store = SqliteEventStore.open(':memory:');
    const app = await Test.createTestingModule({ imports: [EventStoreModule.forInstance(store)] }).compile();
    expect(app.get(EventStore)).toBe(store);
    expect(app.get(EventLog)).toBe(store);
    await app.close();
    await expect(store.readStream('x')).resolves.toEqual({ version: 0, events: [] });
    await store.close();
  });
});
