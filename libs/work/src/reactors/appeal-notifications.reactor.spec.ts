import { ApplicationCommand, ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import {
  applicant,
  candidate,
  cmd,
  historyOfAfter,
  scoresAt,
  staff,
  underReview,
} from '../../../domain/src/application/application.fixtures';
import { NotificationJob } from '../notifications/notification-job';
import { deadlineJobs } from './deadlines.reactor';
import { notificationJobs } from './notifications.reactor';

let n = 0;
const recorded = (e: ApplicationEvent): RecordedEvent<ApplicationEvent> => ({
  ...e,
  id: `ev-${++n}`,
  streamId: 'application-x',
  version: n,
  position: String(n),
  schemaVersion: 1,
  metadata: {} as never,
});
const notices = (events: ApplicationEvent[]) =>
  events
    .flatMap((e) => notificationJobs(recorded(e)))
    .map((j) => {
      const d = j.data as NotificationJob;
      return `${d.template}→${d.recipient.kind === 'user' ? d.recipient.userId : d.recipient.kind}`;
    });

const NOW = '2026-01-20T09:00:00.000Z';
const appeal: ApplicationCommand = {
  type: 'FileAppeal',
  data: { statement: 'Our robotics evidence was not read.' },
  metadata: { actor: applicant, now: NOW },
};
const toFreshReview: ApplicationCommand = { type: 'RouteAppeal', data: { route: 'fresh-review' }, metadata: { actor: staff, now: NOW } };
const decided = historyOfAfter(
  underReview(),
  cmd.submitScores('rev-a', scoresAt(1), 'NotYetReady'),
  cmd.submitScores('rev-b', scoresAt(1), 'NotYetReady'),
  cmd.decide('NotYetReady'),
);
const appealed = historyOfAfter(decided, appeal);
const appealDecided = historyOfAfter(
  appealed,
  toFreshReview,
  cmd.assignManual([candidate('rev-c'), candidate('rev-d')], NOW),
  cmd.submitScores('rev-c', scoresAt(3), 'CharterMembership', NOW),
  cmd.submitScores('rev-d', scoresAt(3), 'CharterMembership', NOW),
  cmd.decide('CharterMembership', null, NOW),
);
const after = (before: ApplicationEvent[], all: ApplicationEvent[]) => all.slice(before.length);

describe('notifications reactor › appeals', () => {
  it('acknowledges the appeal to the applicant and alerts staff to route it', () =>
    expect(notices(after(decided, appealed))).toEqual(['appeal-received→applicant', 'appeal-filed→staff']));

  it('keeps the statement (personal data) out of the job queue', () => {
    const jobs = after(decided, appealed).flatMap((e) => notificationJobs(recorded(e)));
    expect(JSON.stringify(jobs)).not.toContain('robotics');
  });

  it('tells the applicant the appeal outcome, not a second ordinary decision, and asks new reviewers to score', () => {
    const all = notices(after(appealed, appealDecided));
    expect(all).toEqual([
      'reviewers-needed→staff',
      'reviewer-assigned→rev-c',
      'reviewer-assigned→rev-d',
      'decision-waiting→board',
      'appeal-outcome→applicant',
    ]);
    const outcome = after(appealed, appealDecided)
      .flatMap((e) => notificationJobs(recorded(e)))
      .at(-1)!.data as NotificationJob;
    expect(outcome.params).toEqual(expect.objectContaining({ outcome: 'CharterMembership', appealedOutcome: 'NotYetReady' }));
  });
});

describe('notifications reactor › appeals routed', () => {
  it('tells staff a fresh review needs reviewers: it starts with none', () =>
    expect(notices(after(appealed, historyOfAfter(appealed, toFreshReview)))).toEqual(['reviewers-needed→staff']));

  it('tells the board an appeal routed to it waits for its decision', () => {
    const toBoard: ApplicationCommand = { type: 'RouteAppeal', data: { route: 'board' }, metadata: { actor: staff, now: NOW } };
    const jobs = after(appealed, historyOfAfter(appealed, toBoard)).flatMap((e) => notificationJobs(recorded(e)));
    expect(jobs.map((j) => `${(j.data as NotificationJob).template}→${(j.data as NotificationJob).recipient.kind}`)).toEqual([
      'decision-waiting→board',
    ]);
    expect((jobs[0].data as NotificationJob).params).toEqual({ appeal: true });
  });
});

describe('deadlines reactor › appeals', () => {
  it('sets the yearly progress timers of a designation granted on appeal', () => {
    const names = after(appealed, appealDecided)
      .flatMap((e) => deadlineJobs(recorded(e)))
      .map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(['ProgressReminder', 'ProgressOverdue']));
  });
});
