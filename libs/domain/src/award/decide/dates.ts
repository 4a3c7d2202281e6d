import { RuleViolation } from '../../errors';
import { dayOf, isAfter, isIsoInstant, isPast } from '../../time';
import { ChangeAwardCycleDates, MIN_DATES_CHANGE_REASON } from '../award-cycle.commands';
import { AwardCycleEvent } from '../award-cycle.events';
import { OpenCycle } from '../award-cycle.state';
import { AwardConflict } from '../award.errors';
import { requireRole } from './guards';

type CycleDates = { nominationsCloseAt: string; rsvpBy: string; summitStartsAt: string };

/** The field each date is sent as, and its name in words, for refusals a person can act on. */
const FIELD = {
  nominationsCloseAt: 'when nominations close',
  rsvpBy: 'the date invitations must be answered by',
  summitStartsAt: 'when the summit starts',
} as const;

/**
 * docs/DOMAIN.md, Awards and summit: a year's summit takes place in that year. Shared by opening a cycle and changing
 * its dates, so a 2028 cycle never has its summit in 2027.
 */
export const requireSummitInYear = (year: number, summitStartsAt: string): void => {
  const summitYear = Number(summitStartsAt.slice(0, 4));
  if (summitYear !== year) {
    throw new RuleViolation(
      'award.summit_outside_year',
      `the summit of the ${year} award cycle must take place in ${year}; ${dayOf(summitStartsAt)} is in ${summitYear}`,
      { field: 'summitStartsAt', year, summitStartsAt },
    );
  }
};

/** The cycle runs in this order: nominations close, then the board selects and invites, then answers are due, then the summit. */
export const requireDatesInOrder = (d: CycleDates): void => {
  if (!isAfter(d.rsvpBy, d.nominationsCloseAt)) {
    throw new RuleViolation(
      'award.invalid_dates',
      `${FIELD.rsvpBy} (${dayOf(d.rsvpBy)}) must come after ${FIELD.nominationsCloseAt} (${dayOf(d.nominationsCloseAt)})`,
      { field: 'rsvpBy', ...d },
    );
  }
  if (!isAfter(d.summitStartsAt, d.rsvpBy)) {
    throw new RuleViolation(
      'award.invalid_dates',
      `${FIELD.summitStartsAt} (${dayOf(d.summitStartsAt)}) must come after ${FIELD.rsvpBy} (${dayOf(d.rsvpBy)})`,
      { field: 'summitStartsAt', ...d },
    );
  }
};

/**
 * docs/DOMAIN.md, Awards and summit, Changing the dates: staff close nominations early, extend them, move the RSVP
 * date or the summit, with a reason. A date that has passed stays where it was; a date cannot be set in the past
 * (closing nominations now is the one way to end them early); the invitations already sent keep at least the answer
 * date they promised. The same dates again decide nothing.
 */
export const changeDates = ({ data, metadata }: ChangeAwardCycleDates, cycle: OpenCycle): AwardCycleEvent[] => {
  const { actor, now } = metadata;
  requireRole(actor, ['staff'], "change the award cycle's dates");
  const reason = data.reason.trim();
  if (reason.length < MIN_DATES_CHANGE_REASON) {
    throw new RuleViolation(
      'award.dates_reason_required',
      `a change of dates needs a reason of at least ${MIN_DATES_CHANGE_REASON} characters`,
      {
        field: 'reason',
      },
    );
  }
  if (data.closeNominationsNow && data.nominationsCloseAt !== null) {
    throw new RuleViolation('award.invalid_dates', 'either close nominations now or give a new closing date, not both', {
      field: 'nominationsCloseAt',
    });
  }
  for (const field of ['nominationsCloseAt', 'rsvpBy', 'summitStartsAt'] as const) {
    const value = data[field];
    if (value !== null && !isIsoInstant(value))
      throw new RuleViolation('award.invalid_dates', `${FIELD[field]} must be a date and time in UTC`, { field });
  }
  const was: CycleDates = { nominationsCloseAt: cycle.nominationsCloseAt, rsvpBy: cycle.rsvpBy, summitStartsAt: cycle.summit.startsAt };
  const next: CycleDates = {
    nominationsCloseAt: data.closeNominationsNow ? now : (data.nominationsCloseAt ?? was.nominationsCloseAt),
    rsvpBy: data.rsvpBy ?? was.rsvpBy,
    summitStartsAt: data.summitStartsAt ?? was.summitStartsAt,
  };
  const moved = (field: keyof CycleDates) => Date.parse(next[field]) !== Date.parse(was[field]);
  if (!moved('nominationsCloseAt') && !moved('rsvpBy') && !moved('summitStartsAt')) return [];

  if (moved('nominationsCloseAt')) {
    if (cycle.status !== 'Nominating' || isPast(was.nominationsCloseAt, now)) {
      throw new AwardConflict(
        'award.date_passed',
        `nominations closed on ${dayOf(was.nominationsCloseAt)}; a date that has passed is not moved, so closed nominations do not reopen`,
        { field: 'nominationsCloseAt', nominationsCloseAt: was.nominationsCloseAt },
      );
    }
    if (!data.closeNominationsNow && !isAfter(next.nominationsCloseAt, now)) {
      throw new RuleViolation(
        'award.invalid_dates',
        `${FIELD.nominationsCloseAt} (${dayOf(next.nominationsCloseAt)}) must be later than now; to end nominations at once, close them now`,
        { field: 'nominationsCloseAt' },
      );
    }
  }
  if (moved('rsvpBy')) {
    if (isPast(was.rsvpBy, now)) {
      throw new AwardConflict(
        'award.date_passed',
        `invitations had to be answered by ${dayOf(was.rsvpBy)}; a date that has passed is not moved`,
        {
          field: 'rsvpBy',
          rsvpBy: was.rsvpBy,
        },
      );
    }
    const invited = cycle.nominations.some((n) => n.invitation);
    if (invited && isAfter(was.rsvpBy, next.rsvpBy)) {
      throw new AwardConflict(
        'award.rsvp_promised',
        `the invitations sent may be answered until ${dayOf(was.rsvpBy)}, as they promised; the RSVP date can only move later`,
        { field: 'rsvpBy', rsvpBy: was.rsvpBy },
      );
    }
    if (!isAfter(next.rsvpBy, now))
      throw new RuleViolation('award.invalid_dates', `${FIELD.rsvpBy} (${dayOf(next.rsvpBy)}) must be later than now`, { field: 'rsvpBy' });
  }
  if (moved('summitStartsAt')) {
    if (isPast(was.summitStartsAt, now)) {
      throw new AwardConflict(
        'award.date_passed',
        `the summit began on ${dayOf(was.summitStartsAt)}; a date that has passed is not moved`,
        {
          field: 'summitStartsAt',
          summitStartsAt: was.summitStartsAt,
        },
      );
    }
    requireSummitInYear(cycle.year, next.summitStartsAt);
  }
  requireDatesInOrder(next);

  // Every invitation still open to an answer follows the new RSVP date and the new summit; an unanswered one is over.
  const invitations =
    moved('rsvpBy') || moved('summitStartsAt')
      ? cycle.nominations
          .filter((n) => n.invitation && n.invitation.status !== 'unanswered')
          .map((n) => ({ nominationId: n.nominationId, applicationId: n.applicationId }))
      : [];
  return [
    {
      type: 'AwardCycleDatesChanged',
      data: {
        awardCycleId: cycle.awardCycleId,
        year: cycle.year,
        award: cycle.award,
        nominationsCloseAt: next.nominationsCloseAt,
        rsvpBy: next.rsvpBy,
        summit: { startsAt: next.summitStartsAt, place: cycle.summit.place },
        previous: was,
        closedNominationsEarly: data.closeNominationsNow,
        invitations,
        reason,
        changedBy: actor.id,
        changedAt: now,
      },
    },
  ];
};
