import { AWARD_CYCLE_EVENT_TYPES, AwardCycleEvent, RSVP_REMINDER_DAYS, addDays } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { JobSpec } from '@cert/jobs';
import { NotificationJob, TemplateName } from '../notifications/notification-job';
import { AwardJob } from './award-jobs';

const ms = (iso: string) => Date.parse(iso);
const TYPES = new Set<string>(AWARD_CYCLE_EVENT_TYPES);

export const isAwardCycleEvent = (event: RecordedEvent): event is RecordedEvent<AwardCycleEvent> => TYPES.has(event.type);

const deadline = (j: AwardJob, jobId: string, runAt: string | null): JobSpec => ({
  queue: 'deadlines',
  name: j.name,
  jobId,
  data: j.data,
  runAt,
});

/**
 * What an award cycle's events set in motion (docs/DOMAIN.md, Awards and summit). Pure. Mail goes to the leader of
 * the nominated application (the notifications processor resolves the address from that application), so every job
 * names it.
 */
export const awardJobs = (event: RecordedEvent<AwardCycleEvent>): JobSpec[] => {
  const notify = (applicationId: string, template: TemplateName, params: Record<string, unknown>): JobSpec => {
    const data: NotificationJob = { eventId: event.id, applicationId, template, recipient: { kind: 'applicant' }, params };
    return { queue: 'notifications', name: 'Notify', jobId: `notify-${event.id}-${template}-applicant`, data, runAt: null };
  };
  const { year } = event.data;
  const rsvpTimers = (nominationId: string, rsvpBy: string): JobSpec[] => [
    ...RSVP_REMINDER_DAYS.map((daysBefore) =>
      deadline(
        { name: 'SummitRsvpReminder', data: { year, nominationId, rsvpBy, daysBefore } },
        `summit-rsvp-reminder-${nominationId}-${ms(rsvpBy)}-${daysBefore}d`,
        addDays(rsvpBy, -daysBefore),
      ),
    ),
    deadline(
      { name: 'SummitRsvpCloses', data: { year, nominationId, rsvpBy } },
      `summit-rsvp-closes-${nominationId}-${ms(rsvpBy)}`,
      rsvpBy,
    ),
  ];
  switch (event.type) {
    case 'AwardNominationSubmitted':
      return [notify(event.data.applicationId, 'award-nomination-received', { year, nominatedByRole: event.data.nominatedByRole })];
    case 'AwardRecipientsSelected':
      // The board's selection is the award: it goes on each recipient's record now, whether or not they attend the summit.
      return event.data.recipients.map((r) =>
        deadline(
          {
            name: 'RecordAward',
            data: { applicationId: r.applicationId, awardCycleId: event.data.awardCycleId, year, award: event.data.award },
          },
          `record-award-${event.data.awardCycleId}-${r.applicationId}`,
          null,
        ),
      );
    case 'SummitInvitationSent': {
      const { nominationId, applicationId, rsvpBy, award, summit } = event.data;
      return [
        notify(applicationId, 'award-invitation', { year, award, summitStartsAt: summit.startsAt, summitPlace: summit.place, rsvpBy }),
        ...rsvpTimers(nominationId, rsvpBy),
      ];
    }
    case 'AwardNominationNotSelected':
      return [notify(event.data.applicationId, 'award-not-selected', { year, award: event.data.award })];
    case 'AwardCycleDatesChanged': {
      // docs/DOMAIN.md, Deadlines: the invitations follow the new RSVP date with timers of their own; the old ones
      // name the old date and decide nothing. Every invitee hears of the new dates.
      const { award, rsvpBy, summit, previous, invitations } = event.data;
      const rsvpMoved = rsvpBy !== previous.rsvpBy;
      return invitations.flatMap(({ nominationId, applicationId }) => [
        {
          ...notify(applicationId, 'award-dates-changed', {
            year,
            award,
            summitStartsAt: summit.startsAt,
            summitPlace: summit.place,
            rsvpBy,
          }),
          jobId: `notify-${event.id}-award-dates-changed-${applicationId}`,
        },
        ...(rsvpMoved ? rsvpTimers(nominationId, rsvpBy) : []),
      ]);
    }
    case 'SummitRsvpReminderIssued':
      return [notify(event.data.applicationId, 'award-rsvp-reminder', { year, rsvpBy: event.data.rsvpBy })];
    default:
      return [];
  }
};
