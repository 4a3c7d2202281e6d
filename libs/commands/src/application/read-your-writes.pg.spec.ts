import { findDuplicate, LogRunner, ALL_PROJECTIONS, SqliteReadDb } from '@cert/projections';
import { FixedClock } from '@cert/testing';
import { PostgresEventStore } from '../../../event-store/src/postgres/postgres.event-store';
import { freshDatabase } from '../../../event-store/src/testing/postgres-test-db';
import { applicant, staff, survey } from '../../../domain/src/application/application.fixtures';
import { executeOnApplication } from './execute';
import { SubmitSurveyCommand, SubmitSurveyHandler } from './submit-survey.command';

/** One api replica's worth: its own connections to the shared log, its own read tables, its own log runner (not polling). */
async function replica(url: string, clock: FixedClock) {
  const store = await PostgresEventStore.connect(url);
  const readDb = SqliteReadDb.open(':memory:');
  const runner = new LogRunner(store, readDb, ALL_PROJECTIONS);
  return {
    store,
    readDb,
    runner,
    submitSurvey: (command: SubmitSurveyCommand) => new SubmitSurveyHandler(store, clock, readDb, runner).execute(command),
    close: async () => {
      readDb.close();
      await store.close();
    },
  };
}

describe('Commands that decide on read tables, on replicas sharing one PostgreSQL log', () => {
  const db = { url: '', drop: async () => {} };
  beforeAll(async () => Object.assign(db, await freshDatabase('read_your_writes')));
  afterAll(() => db.drop());

  it('given a survey rejected through one replica, when the leader applies again through another, then a new application opens', async () => {
    const clock = new FixedClock('2026-01-10T09:00:00.000Z');
    const [a, b] = await Promise.all([replica(db.url, clock), replica(db.url, clock)]);
    try {
      const first = await a.submitSurvey(new SubmitSurveyCommand(survey(), false, applicant));
      await b.runner.catchUp();
      await executeOnApplication(a.store, clock, first.applicationId, { type: 'RejectSurvey', data: { reason: 'Out of scope' } }, staff);

      // Replica b has not seen the rejection: its tables still show the first application open.
      const { contactEmail, institution } = survey();
      expect(findDuplicate(b.readDb.db, contactEmail, institution.name)?.id).toBe(first.applicationId);

      clock.advance({ days: 1 });
      const second = await b.submitSurvey(new SubmitSurveyCommand(survey(), false, applicant));
      expect(second.applicationId).not.toBe(first.applicationId);
      expect(second).toMatchObject({ duplicate: false, events: ['SurveySubmitted'] });
      expect(findDuplicate(b.readDb.db, contactEmail, institution.name)).toBeNull();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
