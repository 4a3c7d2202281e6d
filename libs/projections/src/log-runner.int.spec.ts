import { Logger } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent, SqliteEventStore } from '@cert/event-store';
import { cmd } from '../../domain/src/application/application.fixtures';
import { getApplication } from './application-summary/application-summary.queries';
import { LogRunner, ReadModelsBehind } from './log-runner';
import { Projection, ProjectionFailed } from './projection';
import { ALL_PROJECTIONS } from './projections';
import { ReadDb, SqliteReadDb } from './read-db';
import { runCommands } from './testing/given';

/** Records every event it is given, with no key, so an event applied twice shows up as a second row. */
const spy = (version = 1): Projection => ({
  name: 'spy',
  version,
  schema: ['CREATE TABLE IF NOT EXISTS spy_seen (event_id TEXT NOT NULL, position TEXT NOT NULL)'],
  tables: ['spy_seen'],
  handles: ['SurveySubmitted', 'SurveyAccepted'],
  apply: (db: Database, e: RecordedEvent<ApplicationEvent>) => void db.prepare('INSERT INTO spy_seen VALUES (?, ?)').run(e.id, e.position),
});

const seen = (readDb: ReadDb) => readDb.db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS distinctN FROM spy_seen').get();

describe('LogRunner', () => {
  let store: SqliteEventStore;
  let readDb: SqliteReadDb;

  beforeEach(() => {
    store = SqliteEventStore.open(':memory:');
    readDb = SqliteReadDb.open(':memory:');
  });
  afterEach(async () => {
    readDb.close();
    await store.close();
  });

  it('applies each event once across pages, even with concurrent callers', async () => {
    for (let i = 0; i < 260; i++) await runCommands(store, `app-${i}`, cmd.submitSurvey(), cmd.accept());
    const runner = new LogRunner(store, readDb, [...ALL_PROJECTIONS, spy()]);

    const applied = await Promise.all([runner.catchUp(), runner.catchUp(), runner.catchUp()]);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(520);
    expect(seen(readDb)).toEqual({ n: 520, distinctN: 520 });
    expect(runner.checkpoint()).toBe(await store.head().then((h) => h?.position ?? null));
    expect(await runner.catchUp()).toBe(0);
    expect(getApplication(readDb.db, 'app-259')).toMatchObject({ status: 'AwaitingAssessment', version: 2 });
  });

  it('waits for a position it reaches, and gives up on one it never reaches', async () => {
    const runner = new LogRunner(store, readDb, ALL_PROJECTIONS);
    const position = await runCommands(store, 'app-1', cmd.submitSurvey());

    expect(await runner.waitFor(position!)).toBe(true);
    expect(getApplication(readDb.db, 'app-1')?.status).toBe('Screening');
    expect(await runner.waitFor('1000000', 50)).toBe(false);
  });

  it("catches up to the log's head before a command, and refuses when a projection keeps it from getting there", async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let broken = false;
    const flaky: Projection = {
      ...spy(),
      name: 'flaky',
      schema: [],
      tables: [],
      apply: () => {
        if (broken) throw new Error('disk on fire');
      },
    };
    const runner = new LogRunner(store, readDb, [...ALL_PROJECTIONS, flaky]);
    await runner.catchUpToHead();
    expect(runner.checkpoint()).toBeNull();

    const position = await runCommands(store, 'app-1', cmd.submitSurvey());
    await runner.catchUpToHead();
    expect(runner.checkpoint()).toBe(position);

    broken = true;
    await runCommands(store, 'app-1', cmd.accept());
    await expect(runner.catchUpToHead(50)).rejects.toBeInstanceOf(ReadModelsBehind);
    expect(getApplication(readDb.db, 'app-1')?.status).toBe('Screening');
    error.mockRestore();
  });

  it('reports lag against the head of the log', async () => {
    const runner = new LogRunner(store, readDb, ALL_PROJECTIONS);
    expect(await runner.lag()).toEqual({ head: null, checkpoint: null, behind: false });
    await runCommands(store, 'app-1', cmd.submitSurvey());
    expect(await runner.lag()).toEqual({ head: '1', checkpoint: null, behind: true });
    await runner.catchUp();
    expect(await runner.lag()).toEqual({ head: '1', checkpoint: '1', behind: false });
  });

  it('polls once started, and stops', async () => {
    const runner = new LogRunner(store, readDb, ALL_PROJECTIONS);
    runner.start(5);
    expect(runner.isRunning()).toBe(true);
    const position = await runCommands(store, 'app-1', cmd.submitSurvey());
    for (let i = 0; i < 100 && runner.checkpoint() !== position; i++) await new Promise((r) => setTimeout(r, 5));
    expect(runner.checkpoint()).toBe(position);
    await runner.stop();
    expect(runner.isRunning()).toBe(false);
  });

  it('does not skip an event a projection fails on: nothing of the page is kept, and it retries', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let broken = true;
    const flaky: Projection = {
      ...spy(),
      name: 'flaky',
      schema: [],
      tables: [],
      apply: () => {
        if (broken) throw new Error('disk on fire');
      },
    };
    const runner = new LogRunner(store, readDb, [...ALL_PROJECTIONS, flaky]);
    await runCommands(store, 'app-1', cmd.submitSurvey());

    await expect(runner.catchUp()).rejects.toBeInstanceOf(ProjectionFailed);
    expect(runner.checkpoint()).toBeNull();
    expect(getApplication(readDb.db, 'app-1')).toBeNull();
    const [event] = await store.readAll(null, 1);
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining(`${event.id} (SurveySubmitted at 1)`),
      expect.stringContaining('disk on fire'),
    );

    broken = false;
    expect(await runner.catchUp()).toBe(1);
    expect(getApplication(readDb.db, 'app-1')?.status).toBe('Screening');
    error.mockRestore();
  });

  it('replays the log from the start when a projection version changes', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await runCommands(store, 'app-1', cmd.submitSurvey(), cmd.accept());
    await new LogRunner(store, readDb, [...ALL_PROJECTIONS, spy(1)]).catchUp();
    readDb.db.prepare("UPDATE application_summary SET status = 'Corrupted'").run();

    const upgraded = new LogRunner(store, readDb, [...ALL_PROJECTIONS, spy(2)]);
    expect(upgraded.checkpoint()).toBeNull();
    expect(await upgraded.catchUp()).toBe(2);
    expect(seen(readDb)).toEqual({ n: 2, distinctN: 2 });
    expect(getApplication(readDb.db, 'app-1')?.status).toBe('AwaitingAssessment');

    const same = new LogRunner(store, readDb, [...ALL_PROJECTIONS, spy(2)]);
    expect(same.checkpoint()).toBe('2');
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });
});
