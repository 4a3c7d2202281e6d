import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../event-store/src/postgres/postgres.event-store';
import { freshDatabase } from '../../event-store/src/testing/postgres-test-db';
import { LogRunner } from './log-runner';
import { ALL_PROJECTIONS } from './projections';
import { SqliteReadDb } from './read-db';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

const note = () => ({
  id: randomUUID(),
  type: 'NoteAdded',
  schemaVersion: 1,
  data: {},
  metadata: { actorId: 'a', actorRole: 'staff', correlationId: randomUUID(), causationId: null, occurredAt: '2026-01-01T00:00:00.000Z' },
});

describe('LogRunner on a shared PostgreSQL log', () => {
  const db = { url: '', drop: async () => {} };
  beforeAll(async () => Object.assign(db, await freshDatabase('log_runner')));
  afterAll(() => db.drop());

  it('given a runner that polls once an hour, when another process appends, then it catches up on the notice', async () => {
    const [mine, theirs] = await Promise.all([PostgresEventStore.connect(db.url), PostgresEventStore.connect(db.url)]);
    const readDb = SqliteReadDb.open(':memory:');
    const runner = new LogRunner(mine, readDb, ALL_PROJECTIONS, (listener) => mine.onAppend(listener));
    try {
      runner.start(3_600_000);
      const { position } = await theirs.appendToStream('note-1', [note()], { expectedVersion: 0 });
      await until(() => runner.checkpoint() === position);
      const next = await theirs.appendToStream('note-1', [note()], { expectedVersion: 1 });
      await until(() => runner.checkpoint() === next.position);
    } finally {
      await runner.stop();
      readDb.close();
      await Promise.all([mine.close(), theirs.close()]);
    }
  });
});
