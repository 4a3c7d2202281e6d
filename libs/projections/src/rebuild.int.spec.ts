import { SqliteEventStore } from '@cert/event-store';
import { CODES, candidate, cmd, ratingsAt, scoresAt } from '../../domain/src/application/application.fixtures';
import { getApplication, getTimeline } from './application-summary/application-summary.queries';
import { LogRunner } from './log-runner';
import { ALL_PROJECTIONS } from './projections';
import { SqliteReadDb } from './read-db';
import { rebuildAndCompare } from './rebuild';
import { runCommands } from './testing/given';

describe('rebuildAndCompare', () => {
  let store: SqliteEventStore;
  let readDb: SqliteReadDb;
  let runner: LogRunner;

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    readDb = SqliteReadDb.open(':memory:');
    runner = new LogRunner(store, readDb, ALL_PROJECTIONS);
    await runCommands(
      store,
      'app-1',
      cmd.submitSurvey(),
      cmd.accept(),
      cmd.submitAssessment(ratingsAt(3)),
      cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
      cmd.submitScores('rev-a', scoresAt(4)),
      cmd.submitScores('rev-b', scoresAt(4, { [CODES[0]]: 2 })),
    );
    await runCommands(store, 'app-2', cmd.submitSurvey(), cmd.reject('Not a STEM program'));
    await runner.catchUp();
  });
  afterEach(async () => {
    readDb.close();
    await store.close();
  });

  it('finds no difference between the live read models and a replay of the log', async () => {
    const progress: number[] = [];
    const report = await rebuildAndCompare(store, ALL_PROJECTIONS, readDb.db, { onProgress: (n) => progress.push(n) });
    expect(report).toEqual({ events: 10, differences: [] });
    expect(progress).toEqual([10]);
  });

  it('reports corrupted, missing and extra rows per table, and a swap repairs them', async () => {
    const db = readDb.db;
    db.prepare("UPDATE application_summary SET status = 'Decided' WHERE id = 'app-1'").run();
    db.prepare("DELETE FROM application_timeline WHERE application_id = 'app-2' AND version = 2").run();
    db.prepare("INSERT INTO reviewer_assignment VALUES ('app-9', 'rev-x', 'review', 'assigned', 'x', 'x', 0, NULL, NULL)").run();
    db.prepare("UPDATE projection_state SET position = '3'").run();

    const report = await rebuildAndCompare(store, ALL_PROJECTIONS, db, { swap: true });
    expect(report.differences).toEqual([
      { table: 'application_summary', missing: 0, extra: 0, changed: 1 },
      { table: 'application_timeline', missing: 1, extra: 0, changed: 0 },
      { table: 'reviewer_assignment', missing: 0, extra: 1, changed: 0 },
    ]);

    expect(getApplication(db, 'app-1')?.status).toBe('NeedsAdjudication');
    expect(getTimeline(db, 'app-2')).toHaveLength(2);
    expect(runner.checkpoint()).toBe(await store.head().then((h) => h?.position ?? null));
    expect(await runner.catchUp()).toBe(0);
    expect((await rebuildAndCompare(store, ALL_PROJECTIONS, db)).differences).toEqual([]);
  });

  it('reports progress page by page over a long log', async () => {
    for (let i = 0; i < 250; i++) await runCommands(store, `bulk-${i}`, cmd.submitSurvey(), cmd.accept());
    await runner.catchUp();
    const progress: number[] = [];
    const report = await rebuildAndCompare(store, ALL_PROJECTIONS, readDb.db, { onProgress: (n) => progress.push(n) });
    expect(report).toEqual({ events: 510, differences: [] });
    expect(progress).toEqual([500, 510]);
  });
});
