import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLog, EventStore, RecordedEvent, SqliteEventStore } from '@cert/event-store';
import { ALL_PROJECTIONS, ReadDb, rebuildAndCompare } from '@cert/projections';
import { ratings, scores, surveyFor } from './support/cycle-data';
import { signInByEmail, signInWithPassword, startApp } from './support/test-app';

const fingerprint = (e: RecordedEvent) => `${e.position} ${e.streamId}@${e.version} ${e.type} ${e.metadata.hash}`;

async function wholeLog(path: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open(path);
  try {
    return await store.readAll(null, 10_000);
  } finally {
    await store.close();
  }
}

/** Stopping and restarting the service on the same data files loses nothing, and the read models match a rebuild. */
describe('restarting the service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iasl-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every event, account and read model across a restart', async () => {
    const first = await startApp({ dataDir, now: '2026-05-04T10:00:00.000Z' });
    const staff = await signInWithPassword(first, 'staff', 'staff@iasl.org');
    const board = await signInWithPassword(first, 'board', 'board@iasl.org');
    const north = await signInWithPassword(first, 'reviewer', 'north@review.org', { institution: 'North College' });
    const east = await signInWithPassword(first, 'reviewer', 'east@review.org', { institution: 'East University' });
    const leader = await signInByEmail(first, 'gail@summit.edu');

    const created = await first
      .http()
      .post('/applications')
      .set(leader.auth)
      .send(surveyFor('Gail', 'gail@summit.edu', 'Summit Academy'))
      .expect(201);
    const id = created.body.applicationId as string;
    await first.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await first
      .http()
      .post(`/applications/${id}/assessment`)
      .set(leader.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    await first
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [north.id, east.id] })
      .expect(201);
    await first
      .http()
      .post(`/applications/${id}/scores`)
      .set(north.auth)
      .send({ scores: scores(3), recommendation: 'CharterMembership' })
      .expect(201);
    const last = await first
      .http()
      .post(`/applications/${id}/scores`)
      .set(east.auth)
      .send({ scores: scores(3), recommendation: 'CharterMembership' })
      .expect(201);
    const before = (await first.http().get(`/applications/${id}?after=${last.body.position}`).set(board.auth).expect(200)).body;
    await first.close();
    // Read from the file once the first process has closed: its work side records each notification it sends as an
    // event of its own, so a head read right after the last command can be overtaken by those appends.
    const atStop = await wholeLog(join(dataDir, 'events.sqlite'));
    const headBefore = atStop.at(-1)!.position;

    const second = await startApp({ dataDir, now: '2026-05-04T11:00:00.000Z' });
    try {
      // Nothing lost or changed: the log after the restart begins with exactly the log at the stop.
      const afterRestart = await second.get(EventLog).readAll(null, 10_000);
      expect(afterRestart.slice(0, atStop.length).map(fingerprint)).toEqual(atStop.map(fingerprint));
      const boardAgain = await signInWithPassword(second, 'board', 'board@iasl.org');
      const after = await second.http().get(`/applications/${id}?after=${headBefore}`).set(boardAgain.auth).expect(200);
      expect(after.body).toEqual(before);

      const decided = await second
        .http()
        .post(`/applications/${id}/decision`)
        .set(boardAgain.auth)
        .send({ outcome: 'CharterMembership' })
        .expect(200);
      expect(decided.body.version).toBe(before.version + 2);

      await second.http().get(`/applications/${id}?after=${decided.body.position}`).set(boardAgain.auth).expect(200);
      const report = await rebuildAndCompare(second.get(EventStore), ALL_PROJECTIONS, second.get(ReadDb).db);
      expect(report.differences).toEqual([]);
      expect(report.events).toBeGreaterThanOrEqual(decided.body.version);
    } finally {
      await second.close();
    }
  });
});
