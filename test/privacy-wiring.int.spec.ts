import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { ProtectedEventStore, SubjectKeys } from '@cert/privacy';
import { ApiModule } from '../apps/api/src/api.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

/** Every process that writes the log seals personal data; one wired to the plain adapter would write it clear. */
describe('every app writes through the sealing store', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'iasl-wiring-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['api', (c: ReturnType<typeof loadConfig>) => ApiModule.forRoot(c)],
    ['worker', (c: ReturnType<typeof loadConfig>) => WorkerModule.forRoot(c)],
  ])('%s', async (_name, moduleFor) => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const app = await Test.createTestingModule({ imports: [moduleFor(config)] }).compile();
    expect(app.get(EventStore)).toBeInstanceOf(ProtectedEventStore);
    expect(app.get(SubjectKeys)).toBeDefined();
    await app.close();
  });
});
