import { DeadlinePassed, NotFound, RuleViolation } from '../../errors';
import { isPast } from '../../time';
import { normalizeEmail } from '../../application/application.state';
import {
  CloseSummitRsvp,
  MIN_SELECTION_JUSTIFICATION,
  RemindSummitRsvp,
  RespondToSummitInvitation,
  SelectAwardRecipients,
} from '../award-cycle.commands';
import { AwardCycleEvent } from '../award-cycle.events';
import { OpenCycle, findNomination } from '../award-cycle.state';
import { AwardConflict } from '../award.errors';
import { notDesignatedBecause, requireRole } from './guards';

const cycleOf = (c: OpenCycle) => ({ awardCycleId: c.awardCycleId, year: c.year });

/**
 * docs/DOMAIN.md, Awards and summit: the advisory board selects the recipients, who are invited to the summit. Up to
 * the number of awards; choosing other than the top of the score ranking needs a written justification (as overruling
 * a decision does).
 */
export const selectRecipients = ({ data, metadata }: SelectAwardRecipients, cycle: OpenCycle): AwardCycleEvent[] => {
  requireRole(metadata.actor, ['board'], 'select award recipients');
  if (cycle.status === 'Nominating') throw new AwardConflict('award.scoring_open', 'close scoring before selecting recipients');
  if (cycle.status === 'Selected') throw new AwardConflict('award.already_selected', `the ${cycle.year} recipients are already selected`);
  if (isPast(cycle.rsvpBy, metadata.now)) throw new DeadlinePassed('award-rsvp', cycle.rsvpBy);
  const ids = [...new Set(data.nominationIds)];
  if (ids.length === 0 || ids.length !== data.nominationIds.length)
    throw new RuleViolation('award.invalid_selection', 'name each recipient once');
  if (ids.length > cycle.awardsAvailable) {
    throw new RuleViolation('award.too_many_recipients', `at most ${cycle.awardsAvailable} awards this year`, {
      awardsAvailable: cycle.awardsAvailable,
    });
  }
  const chosen = ids.map(
    (id) =>
      findNomination(cycle, id) ??
      (() => {
        throw new NotFound('award-nomination', id);
      })(),
  );
  // A designation may have been suspended, expired or renewed since the nomination: only a standing one is awarded.
  // A chosen application the handler found no standing for counts as not designated.
  for (const n of chosen) {
    const unfit = notDesignatedBecause(
      data.standings.find((s) => s.applicationId === n.applicationId),
      metadata.now,
    );
    if (unfit) {
      throw new AwardConflict(
        'award.recipient_not_designated',
        `nomination ${n.nominationId} no longer holds an active designation: ${unfit.reason}`,
        {
          nominationId: n.nominationId,
          applicationId: n.applicationId,
          reason: unfit.code,
        },
      );
    }
  }
  const top = new Set((cycle.ranking ?? []).slice(0, ids.length).map((r) => r.nominationId));
  const overridesRanking = ids.some((id) => !top.has(id));
  const justification = data.justification?.trim() || null;
  if (overridesRanking && (justification?.length ?? 0) < MIN_SELECTION_JUSTIFICATION) {
    throw new RuleViolation(
      'award.justification_required',
      `choosing other than the top of the ranking needs a justification of at least ${MIN_SELECTION_JUSTIFICATION} characters`,
    );
  }
  const recipients = chosen.map((n) => ({ nominationId: n.nominationId, applicationId: n.applicationId }));
  return [
    {
      type: 'AwardRecipientsSelected',
      data: {
        ...cycleOf(cycle),
        award: cycle.award,
        recipients,
        overridesRanking,
        justification,
        selectedBy: metadata.actor.id,
        selectedAt: metadata.now,
      },
    },
    ...recipients.map((r): AwardCycleEvent => ({
      type: 'SummitInvitationSent',
      data: { ...cycleOf(cycle), ...r, award: cycle.award, summit: cycle.summit, rsvpBy: cycle.rsvpBy, invitedAt: metadata.now },
    })),
    // The selection is final: every other nominee hears so now rather than never (docs/DOMAIN.md, Notifications).
    ...cycle.nominations
      .filter((n) => !ids.includes(n.nominationId))
      .map((n): AwardCycleEvent => ({
        type: 'AwardNominationNotSelected',
        data: {
          ...cycleOf(cycle),
          nominationId: n.nominationId,
          applicationId: n.applicationId,
          award: cycle.award,
          decidedAt: metadata.now,
        },
      })),
  ];
};

/** The leader, signed in, accepts or declines before the RSVP date; they may change their answer until then. */
export const respond = ({ data, metadata }: RespondToSummitInvitation, cycle: OpenCycle): AwardCycleEvent[] => {
  const { actor, now } = metadata;
  const nomination = findNomination(cycle, data.nominationId);
  const isLeader = actor.role === 'applicant' && !!actor.email && normalizeEmail(actor.email) === normalizeEmail(data.applicantEmail);
  // Someone else's invitation reads as missing, as someone else's application does.
  if (!nomination?.invitation || !isLeader) throw new NotFound('award-invitation', data.nominationId);
  const { invitation } = nomination;
  if (invitation.status === 'unanswered' || isPast(invitation.rsvpBy, now)) throw new DeadlinePassed('award-rsvp', invitation.rsvpBy);
  if (invitation.status === (data.accept ? 'accepted' : 'declined')) return [];
  const ref = { ...cycleOf(cycle), nominationId: nomination.nominationId, applicationId: nomination.applicationId };
  return data.accept
    ? [{ type: 'SummitInvitationAccepted', data: { ...ref, respondedBy: actor.id, respondedAt: now } }]
    : [
        {
          type: 'SummitInvitationDeclined',
          data: { ...ref, reason: data.reason?.trim() || null, respondedBy: actor.id, respondedAt: now },
        },
      ];
};

/** Timers fire late, twice or stale: only a pending invitation for this very RSVP date is reminded, once. */
export const remindRsvp = ({ data, metadata }: RemindSummitRsvp, cycle: OpenCycle): AwardCycleEvent[] => {
  const nomination = findNomination(cycle, data.nominationId);
  const inv = nomination?.invitation;
  if (!nomination || !inv || inv.status !== 'invited' || inv.rsvpBy !== data.rsvpBy || inv.reminders.includes(data.daysBefore)) return [];
  return [
    {
      type: 'SummitRsvpReminderIssued',
      data: {
        ...cycleOf(cycle),
        nominationId: nomination.nominationId,
        applicationId: nomination.applicationId,
        rsvpBy: inv.rsvpBy,
        daysBefore: data.daysBefore,
        remindedAt: metadata.now,
      },
    },
  ];
};

/** At the RSVP date an invitation nobody answered is marked so: staff see who will not come. */
export const closeRsvp = ({ data, metadata }: CloseSummitRsvp, cycle: OpenCycle): AwardCycleEvent[] => {
  const nomination = findNomination(cycle, data.nominationId);
  const inv = nomination?.invitation;
  if (!nomination || !inv || inv.status !== 'invited' || inv.rsvpBy !== data.rsvpBy || !isPast(inv.rsvpBy, metadata.now)) return [];
  return [
    {
      type: 'SummitInvitationUnanswered',
      data: {
        ...cycleOf(cycle),
        nominationId: nomination.nominationId,
        applicationId: nomination.applicationId,
        rsvpBy: inv.rsvpBy,
        markedAt: metadata.now,
      },
    },
  ];
};
