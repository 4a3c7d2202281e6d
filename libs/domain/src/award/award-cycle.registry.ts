import { EventTable, applicant } from '../events/event-spec';
import { count, day } from '../events/words';
import { AwardCycleEvent } from './award-cycle.events';

/**
 * Every event of a yearly award cycle's stream. A nomination names the leader, up to three teachers and up to three
 * student portfolios; every event about one nomination carries its applicationId, so these are sealed under that
 * leader's key (erasing the leader erases the teachers' and students' entries they made). Subjects, countries,
 * scores, the ranking and the selection's recipients stay clear, so the cycle can be replayed after an erasure.
 */
export const AWARD_CYCLE_EVENTS: EventTable<AwardCycleEvent> = {
  AwardCycleOpened: {
    schemaVersion: 1,
    label: 'Award cycle opened',
    describe: ({ data }) =>
      `${data.award} opened: ${count(data.awardsAvailable, 'award')} to give, nominations close ${day(data.nominationsCloseAt)}`,
  },
  AwardNominationSubmitted: {
    schemaVersion: 1,
    personal: applicant(
      'leaderName',
      'institutionName',
      'teachers[].name',
      'teachers[].statement',
      'portfolios[].title',
      'portfolios[].summary',
      'portfolios[].link',
    ),
    label: 'Award nomination submitted',
    describe: ({ data }) => {
      const by = data.nominatedByRole === 'staff' ? 'staff' : 'the leader';
      return `${data.leaderName}, ${data.institutionName} nominated for the ${data.year} award by ${by}`;
    },
  },
  AwardNominationScored: {
    schemaVersion: 1,
    personal: applicant('comment'),
    label: 'Award nomination scored',
    describe: ({ data }, { person }) =>
      `Board member ${person(data.boardMemberId)} scored a nomination: ${data.scores.map((s) => `${s.criterion} ${s.level}`).join(', ')}`,
  },
  AwardScoringClosed: {
    schemaVersion: 1,
    label: 'Award scoring closed',
    describe: ({ data }) => `Award scoring closed; ${count(data.ranking.length, 'nomination')} ranked by mean score`,
  },
  AwardRecipientsSelected: {
    schemaVersion: 1,
    label: 'Award recipients selected',
    describe: ({ data }) =>
      `The board selected ${count(data.recipients.length, 'recipient')} of ${data.award}${
        data.overridesRanking ? `, departing from the score ranking: ${data.justification ?? ''}` : ''
      }`,
  },
  AwardCycleDatesChanged: {
    schemaVersion: 1,
    label: 'Award cycle dates changed',
    describe: ({ data }, { person }) => {
      const was = data.previous;
      const moves = [
        data.closedNominationsEarly
          ? `nominations closed early (they were to close ${day(was.nominationsCloseAt)})`
          : data.nominationsCloseAt !== was.nominationsCloseAt &&
            `nominations close ${day(data.nominationsCloseAt)} (was ${day(was.nominationsCloseAt)})`,
        data.rsvpBy !== was.rsvpBy && `answers due ${day(data.rsvpBy)} (was ${day(was.rsvpBy)})`,
        data.summit.startsAt !== was.summitStartsAt && `the summit on ${day(data.summit.startsAt)} (was ${day(was.summitStartsAt)})`,
      ].filter((m): m is string => !!m);
      return `${person(data.changedBy)} changed the ${data.year} award cycle's dates: ${moves.join('; ')}. Reason: ${data.reason}`;
    },
  },
  AwardNominationNotSelected: {
    schemaVersion: 1,
    label: 'Award nomination not selected',
    describe: ({ data }) => `Not selected for ${data.award}`,
  },
  SummitInvitationSent: {
    schemaVersion: 1,
    label: 'Summit invitation sent',
    describe: ({ data }) => `Invited to the summit at ${data.summit.place} on ${day(data.summit.startsAt)}; answer due ${day(data.rsvpBy)}`,
  },
  SummitInvitationAccepted: {
    schemaVersion: 1,
    label: 'Summit invitation accepted',
    describe: () => 'Summit invitation accepted',
  },
  SummitInvitationDeclined: {
    schemaVersion: 1,
    personal: applicant('reason'),
    label: 'Summit invitation declined',
    describe: ({ data }) => `Summit invitation declined${data.reason ? `: ${data.reason}` : ''}`,
  },
  SummitRsvpReminderIssued: {
    schemaVersion: 1,
    label: 'Summit answer reminder',
    describe: ({ data }) => `Reminder: the answer to the summit invitation is due ${day(data.rsvpBy)}`,
    byEngine: true,
  },
  SummitInvitationUnanswered: {
    schemaVersion: 1,
    label: 'Summit invitation unanswered',
    describe: ({ data }) => `No answer to the summit invitation by ${day(data.rsvpBy)}`,
    byEngine: true,
  },
};

export const AWARD_CYCLE_EVENT_TYPES = Object.keys(AWARD_CYCLE_EVENTS) as readonly AwardCycleEvent['type'][];
