import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { timersSetBy } from '@cert/projections';
import { candidate, cmd, historyOf, ratingsAt, scoresAt } from '../../../domain/src/application/application.fixtures';
import { deadlineJobs } from './deadlines.reactor';

const recorded = (e: ApplicationEvent, i: number): RecordedEvent<ApplicationEvent> => ({
  ...e,
  id: `ev-${i}`,
  streamId: `application-${e.data.applicationId}`,
  version: i + 1,
  position: String(i + 1),
  schemaVersion: 1,
  metadata: {} as never,
});

// docs/DOMAIN.md, Deadlines: the staff's schedule (libs/projections, schedule) lists exactly the timers this reactor sets.
describe('the schedule read model and the deadline reactor', () => {
  it('set the same timers, at the same times, for every event of a cycle', () => {
    const log = historyOf(
      cmd.submitSurvey(),
      cmd.accept(),
      cmd.extend('2026-03-01T09:00:00.000Z'),
      cmd.submitAssessment(ratingsAt(3)),
      cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
      cmd.submitScores('rev-a', scoresAt(4), 'ProgramOfExcellence'),
      cmd.submitScores('rev-b', scoresAt(4), 'ProgramOfExcellence'),
      cmd.decide('ProgramOfExcellence'),
    ).map(recorded);
    let compared = 0;
    for (const event of log) {
      // The renewal's word to the designation it renews is a message, not a deadline: it runs at once.
      const jobs = deadlineJobs(event).filter((j) => j.name !== 'RenewalDecided');
      expect(timersSetBy(event).map((t) => [t.key, t.runs_at])).toEqual(jobs.map((j) => [j.jobId, j.runAt]));
      compared += jobs.length;
    }
    expect(compared).toBeGreaterThan(15);
  });
});
