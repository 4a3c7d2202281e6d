import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import {
  accepted,
  cmd,
  historyOf,
  historyOfAfter,
  T0,
  nominator,
  reviewer,
  scoresAt,
  underReview,
} from '../../../domain/src/application/application.fixtures';
import { NotificationJob } from '../notifications/notification-job';
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

describe('notifications reactor', () => {
  it('tells the leader who applied that their application arrived, and invites them to the assessment', () =>
    expect(notices(accepted())).toEqual(['application-received→applicant', 'assessment-invitation→applicant']));

  it('asks a nominated leader to claim the nomination, and gives each nominator a receipt', () =>
    expect(
      notices(
        historyOf(cmd.submitSurvey({ actor: nominator, asNominator: true }), cmd.linkNomination({ id: 'user-2', role: 'applicant' })),
      ),
    ).toEqual(['nomination-to-claim→applicant', 'nomination-received→user-nominator', 'nomination-received→user-2']));

  it('tells the leader their application arrived once they claim the nomination', () =>
    expect(notices(historyOf(cmd.submitSurvey({ actor: nominator }), cmd.claim()))).toEqual([
      'nomination-to-claim→applicant',
      'nomination-received→user-nominator',
      'application-received→applicant',
    ]));

  it('does not call a renewal a nomination: its applicant is only invited to the new assessment', () => {
    const renewal = accepted().map((e) => (e.type === 'SurveySubmitted' ? { ...e, data: { ...e.data, renewalOf: 'app-designated' } } : e));
    expect(notices(renewal)).toEqual(['assessment-invitation→applicant']);
  });

  it('tells each reviewer about an assignment, and the applicant about the decision', () => {
    const decided = historyOfAfter(
      underReview(),
      cmd.submitScores('rev-a', scoresAt(3)),
      cmd.submitScores('rev-b', scoresAt(3)),
      cmd.decide('CharterMembership'),
    );
    const all = notices(decided);
    expect(all).toEqual(
      expect.arrayContaining(['reviewer-assigned→rev-a', 'reviewer-assigned→rev-b', 'assessment-received→applicant', 'decision→applicant']),
    );
    expect(all.filter((x) => x.startsWith('decision→'))).toHaveLength(1);
  });

  it('tells every staff account when a reviewer is released, and keeps the reason out of the job queue', () => {
    const released = historyOfAfter(underReview(), {
      type: 'ReleaseReviewer',
      data: { reviewerId: 'rev-a', reason: 'conflict of interest declared: my cousin leads it' },
      metadata: { actor: reviewer('rev-a'), now: T0 },
    });
    const jobs = released.slice(underReview().length).flatMap((e) => notificationJobs(recorded(e)));
    expect(jobs.map((j) => (j.data as NotificationJob).template)).toEqual(['reviewer-released']);
    expect((jobs[0].data as NotificationJob).recipient).toEqual({ kind: 'staff' });
    expect(JSON.stringify(jobs)).not.toContain('cousin');
  });

  it('tells the board when reviews complete and the application waits for its decision', () => {
    const before = underReview();
    const waiting = historyOfAfter(before, cmd.submitScores('rev-a', scoresAt(3)), cmd.submitScores('rev-b', scoresAt(3)));
    expect(notices(waiting.slice(before.length))).toEqual(['decision-waiting→board']);
  });

  it('tells the board when reviewers disagree and an adjudication waits', () => {
    const before = underReview();
    const disputed = historyOfAfter(before, cmd.submitScores('rev-a', scoresAt(1)), cmd.submitScores('rev-b', scoresAt(4)));
    expect(notices(disputed.slice(before.length))).toEqual(['adjudication-waiting→board']);
  });

  it('gives every notification a deterministic id without a colon', () => {
    const ids = historyOfAfter(underReview(), cmd.release('rev-a')).flatMap((e) => notificationJobs(recorded(e)).map((j) => j.jobId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.includes(':'))).toEqual([]);
  });
});
