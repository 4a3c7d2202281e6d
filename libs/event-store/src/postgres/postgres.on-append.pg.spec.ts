import { Client } from 'pg';
import { noteAdded } from '../testing/event-store.contract';
import { freshDatabase } from '../testing/postgres-test-db';
import { PostgresEventStore } from './postgres.event-store';

/** Resolves once `condition` holds, checking between turns of the event loop; the suite's timeout bounds it. */
const until = async (condition: () => boolean | Promise<boolean>) => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('PostgresEventStore.onAppend: every process hears every append', () => {
  const db = { url: '', drop: async () => {} };
  let listening: PostgresEventStore;
  let writing: PostgresEventStore;
  beforeAll(async () => {
    Object.assign(db, await freshDatabase('on_append'));
  });
  beforeEach(async () => {
    listening = await PostgresEventStore.connect(db.url);
    writing = await PostgresEventStore.connect(db.url);
  });
  afterEach(async () => {
    await Promise.all([listening.close(), writing.close()]);
  });
  afterAll(() => db.drop());

  /** Subscribes and waits for the call made once the LISTEN connection is up, so later calls are appends heard. */
  const subscribe = async () => {
    let calls = 0;
    const unsubscribe = listening.onAppend(() => (calls += 1));
    await until(() => calls > 0);
    return { calls: () => calls, unsubscribe };
  };

  it('given a listener on one store, when another store appends, then the listener is called', async () => {
    const heard = await subscribe();
    const before = heard.calls();
    await writing.appendToStream('note-1', [noteAdded('a')], { expectedVersion: 0 });
    await until(() => heard.calls() > before);
    heard.unsubscribe();
  });

  it('given an append that is refused, then nothing is notified: the notice is sent at COMMIT', async () => {
    const heard = await subscribe();
    await writing.appendToStream('note-2', [noteAdded('a')], { expectedVersion: 0 });
    await until(() => heard.calls() > 1);
    const before = heard.calls();
    await expect(writing.appendToStream('note-2', [noteAdded('b')], { expectedVersion: 0 })).rejects.toThrow('expected 0');
    // A later append's notice arrives after any notice of the refused one would have (one connection, in order).
    let marker = 0;
    const unsubscribe = listening.onAppend(() => (marker += 1));
    await writing.appendToStream('note-3', [noteAdded('c')], { expectedVersion: 0 });
    await until(() => marker > 0 && heard.calls() > before);
    expect(heard.calls()).toBe(before + 1);
    unsubscribe();
    heard.unsubscribe();
  });

  it('given the LISTEN connection is cut, then it connects again and the next append is heard', async () => {
    const heard = await subscribe();
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rowCount } = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
    );
    await admin.end();
    expect(rowCount).toBe(1);
    // The reconnect wakes the listener once (appends made meanwhile were not heard), then appends are heard again.
    const afterCut = heard.calls();
    await until(() => heard.calls() > afterCut);
    const reconnected = heard.calls();
    await writing.appendToStream('note-4', [noteAdded('d')], { expectedVersion: 0 });
    await until(() => heard.calls() > reconnected);
    heard.unsubscribe();
  });
});
