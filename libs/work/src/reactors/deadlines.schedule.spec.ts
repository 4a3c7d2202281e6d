import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { rsvpTimersSetBy, timersSetBy } from '@cert/projections';
import { candidate, cmd, historyOf, ratingsAt, scoresAt } from '../../../domain/src/application/application.fixtures';
import { award, cycleHistory } from '../../../domain/src/award/award.fixtures';
import { deadlineJobs } from './deadlines.reactor';
import { awardJobs } from './awards.reactor';

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

  it("set the same summit RSVP timers as the awards reactor (its mail and the award's recording are not deadlines)", () => {
    const events = cycleHistory(
      award.open(),
      award.nominate('a'),
      award.nominate('b'),
      award.score('a', 5),
      award.score('b', 4),
      award.close(),
      award.select(['nom-a', 'nom-b']),
    );
    let compared = 0;
    events.forEach((event, i) => {
      const recordedEvent = {
        ...event,
        id: `aw-${i}`,
        streamId: 'award-cycle-2027',
        version: i + 1,
        position: String(i + 1),
        schemaVersion: 1,
        metadata: {} as never,
      };
      const jobs = awardJobs(recordedEvent).filter((j) => j.name === 'SummitRsvpReminder' || j.name === 'SummitRsvpCloses');
      expect(rsvpTimersSetBy(event).map((t) => [t.key, t.runs_at])).toEqual(jobs.map((j) => [j.jobId, j.runAt]));
      compared += jobs.length;
    });
    expect(compared).toBe(4);
  });
});
