import { assertNever } from '../decider';
import { AwardCycleEvent } from './award-cycle.events';
import { AwardCycle, Nomination, OpenCycle } from './award-cycle.state';

export const initialAwardCycle = (): AwardCycle => ({ status: 'None' });

export const evolveAwardCycle = (state: AwardCycle, event: AwardCycleEvent): AwardCycle => {
  if (event.type === 'AwardCycleOpened') {
    const { awardCycleId, year, award, criteriaVersion, awardsAvailable, nominationsCloseAt, rsvpBy, summit } = event.data;
    return {
      status: 'Nominating',
      awardCycleId,
      year,
      award,
      criteriaVersion,
      awardsAvailable,
      nominationsCloseAt,
      rsvpBy,
      summit,
      nominations: [],
      ranking: null,
    };
  }
  if (state.status === 'None') return state;
  return evolveOpen(state, event);
};

const evolveOpen = (s: OpenCycle, event: AwardCycleEvent): OpenCycle => {
  switch (event.type) {
    case 'AwardCycleOpened':
      return s;
    case 'AwardNominationSubmitted': {
      const { nominationId, applicationId, leaderName, institutionName, teachers, portfolios } = event.data;
      return {
        ...s,
        nominations: [
          ...s.nominations,
          { nominationId, applicationId, leaderName, institutionName, teachers, portfolios, scores: {}, invitation: null },
        ],
      };
    }
    case 'AwardNominationScored':
      return update(s, event.data.nominationId, (n) => ({ scores: { ...n.scores, [event.data.boardMemberId]: event.data.scores } }));
    case 'AwardScoringClosed':
      return { ...s, status: 'Selecting', ranking: event.data.ranking };
    case 'AwardRecipientsSelected':
      return { ...s, status: 'Selected' };
    case 'AwardNominationNotSelected':
      return s;
    case 'AwardCycleDatesChanged': {
      const { nominationsCloseAt, rsvpBy, summit, invitations } = event.data;
      const moved = new Set(invitations.map((i) => i.nominationId));
      // An invitation's answer date moves with the cycle's; its reminders start over for the new date.
      const nominations = s.nominations.map((n) =>
        n.invitation && moved.has(n.nominationId) && n.invitation.rsvpBy !== rsvpBy
          ? { ...n, invitation: { ...n.invitation, rsvpBy, reminders: [] } }
          : n,
      );
      return { ...s, nominationsCloseAt, rsvpBy, summit, nominations };
    }
    case 'SummitInvitationSent':
      return update(s, event.data.nominationId, () => ({ invitation: { status: 'invited', rsvpBy: event.data.rsvpBy, reminders: [] } }));
    case 'SummitInvitationAccepted':
      return invitation(s, event.data.nominationId, 'accepted');
    case 'SummitInvitationDeclined':
      return invitation(s, event.data.nominationId, 'declined');
    case 'SummitInvitationUnanswered':
      return invitation(s, event.data.nominationId, 'unanswered');
    case 'SummitRsvpReminderIssued':
      return update(s, event.data.nominationId, (n) =>
        n.invitation ? { invitation: { ...n.invitation, reminders: [...n.invitation.reminders, event.data.daysBefore] } } : {},
      );
    default:
      return assertNever(event);
  }
};

const update = (s: OpenCycle, nominationId: string, patch: (n: Nomination) => Partial<Nomination>): OpenCycle => ({
  ...s,
  nominations: s.nominations.map((n) => (n.nominationId === nominationId ? { ...n, ...patch(n) } : n)),
});

const invitation = (s: OpenCycle, nominationId: string, status: 'accepted' | 'declined' | 'unanswered') =>
  update(s, nominationId, (n) => (n.invitation ? { invitation: { ...n.invitation, status } } : {}));
