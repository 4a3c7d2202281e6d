import { Test } from '@nestjs/testing';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@cert/config';
import { EventStoreModule, SqliteEventStore } from '@cert/event-store';
import { cmd } from '../../domain/src/application/application.fixtures';
import { getApplication } from './application-summary/application-summary.queries';
import { LogRunner } from './log-runner';
import { ProjectionsModule } from './projections.module';
import { ReadDb, SqliteReadDb } from './read-db';
import { runCommands } from './testing/given';

describe('ProjectionsModule', () => {
  it('catches up at boot and polls when the runner is hosted here, and stops on shutdown', async () => {
    const store = SqliteEventStore.open(':memory:');
    const readDb = SqliteReadDb.open(':memory:');
    await runCommands(store, 'app-1', cmd.submitSurvey());
    const app = await Test.createTestingModule({
      imports: [EventStoreModule.forInstance(store), ProjectionsModule.forInstance(readDb, { runLogRunner: true })],
    }).compile();
    await app.init();

    const runner = app.get(LogRunner);
    expect(getApplication(app.get(ReadDb).db, 'app-1')?.status).toBe('Screening');
    expect(runner.isRunning()).toBe(true);

    await app.close();
    expect(runner.isRunning()).toBe(false);
    expect(readDb.db.open).toBe(true);
    readDb.close();
    await store.close();
  });

  it('leaves the read tables alone when the runner is hosted elsewhere', async () => {
    const store = SqliteEventStore.open(':memory:');
    const readDb = SqliteReadDb.open(':memory:');
    await runCommands(store, 'app-1', cmd.submitSurvey());
    const app = await Test.createTestingModule({
      imports: [EventStoreModule.forInstance(store), ProjectionsModule.forInstance(readDb)],
    }).compile();
    await app.init();

    expect(app.get(LogRunner).checkpoint()).toBeNull();
    expect(await app.get(LogRunner).catchUp()).toBe(1);
    await app.close();
    readDb.close();
    await store.close();
  });

  it('opens the read db file from config and closes it on shutdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'projections-'));
    const config = loadConfig({ DATA_DIR: join(dir, 'nested') });
    const store = SqliteEventStore.open(':memory:');
    const app = await Test.createTestingModule({
      imports: [EventStoreModule.forInstance(store), ProjectionsModule.forRoot(config, { runLogRunner: false })],
    }).compile();
    await app.init();
    const readDb = app.get(ReadDb);
    expect(existsSync(config.readDbPath)).toBe(true);
    expect(readDb.db.pragma('journal_mode', { simple: true })).toBe('wal');

    await app.close();
    expect(readDb.db.open).toBe(false);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
