import { AwardCycleEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { award, cycleHistory } from '../../../domain/src/award/award.fixtures';
import { toMail } from '../notifications/mail';
import { NotificationJob } from '../notifications/notification-job';
import { compose } from '../notifications/templates';
import { reactTo } from '../reaction-runner';
import { awardCommandFor } from './award-jobs';
import { awardJobs } from './awards.reactor';

let n = 0;
const recorded = (e: AwardCycleEvent): RecordedEvent<AwardCycleEvent> => ({
  ...e,
  id: `ev-${++n}`,
  streamId: 'award-cycle-2027',
  version: n,
  position: String(n),
  schemaVersion: 1,
  metadata: {} as never,
});
const selected = () =>
  cycleHistory(
    award.open(),
    award.nominate('a'),
    award.nominate('b'),
    award.score('a', 5),
    award.close(),
    award.select(['nom-a', 'nom-b']),
  );
const jobs = (events: AwardCycleEvent[]) => events.flatMap((e) => awardJobs(recorded(e)));

describe('awards reactor', () => {
  it("acknowledges each nomination to the program's leader", () => {
    const notices = jobs(cycleHistory(award.open(), award.nominate('a'))).map((j) => j.data as NotificationJob);
    expect(notices).toEqual([
      expect.objectContaining({ applicationId: 'app-a', template: 'award-nomination-received', recipient: { kind: 'applicant' } }),
    ]);
  });

  it("records the award on each recipient's application, invites them, and sets the RSVP reminder and closing", () => {
    const specs = jobs(selected().slice(-3));
    expect(specs.map((j) => `${j.queue}/${j.name}/${j.jobId}@${j.runAt}`)).toEqual([
      'deadlines/RecordAward/record-award-award-cycle-2027-app-a@null',
      'deadlines/RecordAward/record-award-award-cycle-2027-app-b@null',
      `notifications/Notify/notify-ev-${n - 1}-award-invitation-applicant@null`,
      'deadlines/SummitRsvpReminder/summit-rsvp-reminder-nom-a-1806570000000-7d@2027-03-25T09:00:00.000Z',
      'deadlines/SummitRsvpCloses/summit-rsvp-closes-nom-a-1806570000000@2027-04-01T09:00:00.000Z',
      `notifications/Notify/notify-ev-${n}-award-invitation-applicant@null`,
      'deadlines/SummitRsvpReminder/summit-rsvp-reminder-nom-b-1806570000000-7d@2027-03-25T09:00:00.000Z',
      'deadlines/SummitRsvpCloses/summit-rsvp-closes-nom-b-1806570000000@2027-04-01T09:00:00.000Z',
    ]);
    expect(specs.every((j) => !j.jobId.includes(':'))).toBe(true);
  });

  it('turns the record-award job into the exact AwardRecorded command on the application stream', () => {
    const [job] = jobs(selected().slice(-3));
    const command = awardCommandFor({ ...job, attempt: 1 }, { id: 'deadlines', role: 'system' }) as unknown as {
      applicationId: string;
      body: unknown;
    };
    expect(command.applicationId).toBe('app-a');
    expect(command.body).toEqual({
      type: 'RecordAward',
      data: { awardCycleId: 'award-cycle-2027', year: 2027, award: 'IASL Leadership Award 2027' },
    });
  });

  it('reminds the leader before the RSVP date, and the log runner reacts to award events', () => {
    const reminder = cycleHistory(award.open(), award.nominate('a'), award.close(), award.select(['nom-a']), award.remind('a')).at(-1)!;
    expect(jobs([reminder]).map((j) => (j.data as NotificationJob).template)).toEqual(['award-rsvp-reminder']);
    expect(reactTo(recorded(reminder) as never)).toHaveLength(1);
  });

  it('the invitation mail names the award, the summit and the RSVP date, and links to the awards page', () => {
    const mail = toMail(
      compose('award-invitation', {
        reference: 'APP-2026-3F1C2A',
        leaderName: 'Leader A',
        institutionName: 'School A',
        applicationId: 'app-a',
        publicUrl: 'https://cert.iasl.org',
        now: '2027-02-20T09:00:00.000Z',
        params: {
          award: 'IASL Leadership Award 2027',
          summitStartsAt: '2027-04-24T15:00:00.000Z',
          summitPlace: 'Washington, DC',
          rsvpBy: '2027-04-01T09:00:00.000Z',
        },
      }),
    );
    expect(mail.subject).toContain('IASL Leadership Award 2027');
    expect(mail.text).toContain('Sat, 24 Apr 2027 15:00:00 GMT, Washington, DC');
    expect(mail.text).toContain('in 40 days (Thu, 01 Apr 2027 09:00:00 UTC)');
    expect(mail.text).toContain('https://cert.iasl.org/awards');
  });

  it('tells every nominee the board passed over, once each, kindly', () => {
    const history = cycleHistory(award.open(), award.nominate('a'), award.nominate('b'), award.close(), award.select(['nom-a']));
    const notSelected = history.filter((e) => e.type === 'AwardNominationNotSelected');
    const notices = jobs(notSelected);
    expect(notices.map((j) => j.data as NotificationJob)).toEqual([
      expect.objectContaining({ applicationId: 'app-b', template: 'award-not-selected', recipient: { kind: 'applicant' } }),
    ]);
    const mail = toMail(
      compose('award-not-selected', {
        reference: 'APP-2026-3F1C2B',
        leaderName: 'Leader B',
        institutionName: 'School B',
        applicationId: 'app-b',
        publicUrl: 'https://cert.iasl.org',
        now: '2027-02-20T09:00:00.000Z',
        params: { year: 2027, award: 'IASL Leadership Award 2027' },
      }),
    );
    expect(mail.text).toContain('this year your program was not among the recipients');
    expect(mail.text).toContain('may be nominated again');
  });

  it('a new RSVP date sets new timers for each invitation (the old ones name the old date) and tells each invitee', () => {
    const history = cycleHistory(
      award.open(),
      award.nominate('a'),
      award.nominate('b'),
      award.close(),
      award.select(['nom-a', 'nom-b']),
      award.dates({ rsvpBy: '2027-04-10T09:00:00.000Z' }, { now: '2027-03-01T09:00:00.000Z' }),
    );
    const specs = jobs([history.at(-1)!]);
    expect(specs.map((j) => `${j.queue}/${j.name}/${j.jobId}@${j.runAt}`)).toEqual([
      `notifications/Notify/notify-ev-${n}-award-dates-changed-app-a@null`,
      'deadlines/SummitRsvpReminder/summit-rsvp-reminder-nom-a-1807347600000-7d@2027-04-03T09:00:00.000Z',
      'deadlines/SummitRsvpCloses/summit-rsvp-closes-nom-a-1807347600000@2027-04-10T09:00:00.000Z',
      `notifications/Notify/notify-ev-${n}-award-dates-changed-app-b@null`,
      'deadlines/SummitRsvpReminder/summit-rsvp-reminder-nom-b-1807347600000-7d@2027-04-03T09:00:00.000Z',
      'deadlines/SummitRsvpCloses/summit-rsvp-closes-nom-b-1807347600000@2027-04-10T09:00:00.000Z',
    ]);
    // Before any invitation, a change of dates sets nothing in motion.
    expect(jobs(cycleHistory(award.open(), award.dates({ closeNow: true })).slice(-1))).toEqual([]);
  });
});
