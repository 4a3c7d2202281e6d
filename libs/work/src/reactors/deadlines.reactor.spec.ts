import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import {
  accepted,
  cmd,
  historyOf,
  historyOfAfter,
  scoresAt,
  timer,
  underReview,
} from '../../../domain/src/application/application.fixtures';
import { deadlineJobs } from './deadlines.reactor';

let position = 0;
const recorded = (e: ApplicationEvent): RecordedEvent<ApplicationEvent> => ({
  ...e,
  id: `ev-${++position}`,
  streamId: `application-${e.data.applicationId}`,
  version: position,
  position: String(position),
  schemaVersion: 1,
  metadata: {} as never,
});
const jobsFor = (events: ApplicationEvent[], type: string) => deadlineJobs(recorded(events.find((e) => e.type === type)!));

describe('deadlines reactor', () => {
  it('sets the 7-day and 1-day reminders and the lapse for an accepted survey', () => {
    const jobs = jobsFor(accepted(), 'SurveyAccepted');
    expect(jobs.map((j) => [j.name, j.runAt])).toEqual([
      ['AssessmentReminder', '2026-02-02T09:00:00.000Z'],
      ['AssessmentReminder', '2026-02-08T09:00:00.000Z'],
      ['AssessmentDue', '2026-02-09T09:00:00.000Z'],
    ]);
  });

  it('gives an extension new timers, so the superseded ones stay distinct', () => {
    const extended = historyOfAfter(accepted(), cmd.extend('2026-03-01T09:00:00.000Z'));
    const before = jobsFor(extended, 'SurveyAccepted').map((j) => j.jobId);
    const after = jobsFor(extended, 'AssessmentDeadlineExtended').map((j) => j.jobId);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    expect(jobsFor(extended, 'AssessmentDeadlineExtended').at(-1)).toEqual(
      expect.objectContaining({ name: 'AssessmentDue', runAt: '2026-03-01T09:00:00.000Z' }),
    );
  });

  it('sets reminders, escalation and replacement for each assigned reviewer', () => {
    const jobs = jobsFor(underReview(['rev-a']), 'ReviewerAssigned');
    expect(jobs.map((j) => [j.name, j.runAt])).toEqual([
      ['ReviewerReminder', '2026-01-21T09:00:00.000Z'],
      ['ReviewerReminder', '2026-01-23T09:00:00.000Z'],
      ['ReviewOverdue', '2026-01-24T09:00:00.000Z'],
      ['ReviewerReplacement', '2026-01-31T09:00:00.000Z'],
    ]);
  });

  it('closes the appeal window, and for a granted standing schedules the yearly update', () => {
    const decided = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(3)),
      cmd.submitScores('rev-b', scoresAt(3)),
      cmd.decide('CharterMembership'),
    );
    expect(jobsFor(decided, 'DecisionRecorded').map((j) => j.name)).toEqual([
      'AppealWindowCloses',
      'ProgressReminder',
      'ProgressReminder',
      'ProgressOverdue',
      'RenewalReminder',
      'RenewalReminder',
      'DesignationExpiry',
    ]);
    const notYet = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(1)),
      cmd.submitScores('rev-b', scoresAt(1)),
      cmd.decide('NotYetReady'),
    );
    expect(jobsFor(notYet, 'DecisionRecorded').map((j) => j.name)).toEqual(['AppealWindowCloses']);
  });

  // The term's reminders (180 and 30 days before) and its expiry; a renewal's decision reports back.
  it('sets the renewal reminders and the expiry at the end of the term', () => {
    const decided = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(3)),
      cmd.submitScores('rev-b', scoresAt(3)),
      cmd.decide('CharterMembership'),
    );
    expect(
      jobsFor(decided, 'DecisionRecorded')
        .filter((j) => j.name !== 'AppealWindowCloses' && !j.name.startsWith('Progress'))
        .map((j) => [j.name, j.runAt]),
    ).toEqual([
      ['RenewalReminder', '2030-07-14T09:00:00.000Z'],
      ['RenewalReminder', '2030-12-11T09:00:00.000Z'],
      ['DesignationExpiry', '2031-01-10T09:00:00.000Z'],
    ]);
  });

  it("tells the renewed designation about its renewal's decision, designating or not", () => {
    const decided = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(1)),
      cmd.submitScores('rev-b', scoresAt(1)),
      cmd.decide('NotYetReady'),
    );
    const event = decided.find((e) => e.type === 'DecisionRecorded')!;
    const renewal = { ...event, data: { ...event.data, renewalOf: 'old-app' } } as ApplicationEvent;
    expect(deadlineJobs(recorded(renewal)).map((j) => [j.name, j.data])).toEqual([
      ['AppealWindowCloses', expect.anything()],
      ['RenewalDecided', { applicationId: 'old-app', renewalId: event.data.applicationId, outcome: 'NotYetReady' }],
    ]);
  });

  // docs/DOMAIN.md, Personal data and the record of reasons: the end of the retention, by the pinned policy (v1).
  it("sets the end of the record of reasons: 7 years after the final decision or a designation's end, 3 after a rejection", () => {
    const decided = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(1)),
      cmd.submitScores('rev-b', scoresAt(1)),
      cmd.decide('NotYetReady'),
    );
    const appealUntil = '2026-02-09T09:00:00.000Z';
    const final = historyOfAfter(decided, {
      type: 'CloseAppealWindow',
      data: { appealUntil },
      metadata: { actor: timer, now: appealUntil },
    });
    const retention = (events: ApplicationEvent[], type: string) => jobsFor(events, type).map((j) => [j.name, j.jobId, j.runAt, j.data]);
    const id = decided[0].data.applicationId;
    expect(retention(final, 'DecisionFinalized')).toEqual([
      [
        'RecordRetentionEnds',
        `record-retention-${id}-${Date.parse('2033-02-09T09:00:00.000Z')}`,
        '2033-02-09T09:00:00.000Z',
        { applicationId: id, retainedUntil: '2033-02-09T09:00:00.000Z' },
      ],
    ]);
    const rejected = historyOf(cmd.submitSurvey(), cmd.reject('Not a STEM program.'));
    expect(retention(rejected, 'SurveyRejected').map(([name, , runAt]) => [name, runAt])).toEqual([
      ['RecordRetentionEnds', '2029-01-10T09:00:00.000Z'],
    ]);
  });

  it('never puts a colon in a job id, and sets no timer for other events', () => {
    const events = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(3)),
      cmd.submitScores('rev-b', scoresAt(3)),
      cmd.decide('CharterMembership'),
    );
    const all = events.flatMap((e) => deadlineJobs(recorded(e)));
    expect(all.length).toBeGreaterThan(8);
    expect(all.filter((j) => j.jobId.includes(':'))).toEqual([]);
    expect(deadlineJobs(recorded(events.find((e) => e.type === 'ScoresSubmitted')!))).toEqual([]);
  });
});
