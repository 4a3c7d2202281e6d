import { DeadlinePassed, Forbidden, NotFound, RuleViolation } from '../../errors';
import { dayOf, isAfter, isIsoInstant, isPast } from '../../time';
import { normalizeEmail } from '../../application/application.state';
import { awardCriteriaByVersion } from '../award-criteria';
import {
  CloseAwardScoring,
  MAX_PORTFOLIOS,
  MAX_TEACHERS,
  NominateForAward,
  OpenAwardCycle,
  ScoreNomination,
} from '../award-cycle.commands';
import { AwardCycleEvent, awardCycleId } from '../award-cycle.events';
import { AwardCycle, OpenCycle, findNomination, rank } from '../award-cycle.state';
import { AwardConflict } from '../award.errors';
import { requireDatesInOrder, requireSummitInYear } from './dates';
import { notDesignatedBecause, requireRole, sameInstitution } from './guards';

const cycleOf = (c: OpenCycle) => ({ awardCycleId: c.awardCycleId, year: c.year });

/** Staff open a year's cycle: the award, how many, the nomination deadline, the RSVP date and the summit. */
export const openCycle = ({ data, metadata }: OpenAwardCycle, state: AwardCycle): AwardCycleEvent[] => {
  requireRole(metadata.actor, ['staff'], 'open an award cycle');
  if (state.status !== 'None')
    throw new AwardConflict('award.cycle_exists', `the ${data.year} award cycle is already open`, { year: data.year });
  const known = (() => {
    try {
      return awardCriteriaByVersion(data.criteriaVersion);
    } catch {
      return null;
    }
  })();
  if (!known) throw new RuleViolation('award.unknown_criteria', `unknown award criteria ${data.criteriaVersion}`);
  if (!Number.isInteger(data.awardsAvailable) || data.awardsAvailable < 1)
    throw new RuleViolation('award.invalid_count', 'at least one award');
  const dates = { nominationsCloseAt: data.nominationsCloseAt, rsvpBy: data.rsvpBy, summitStartsAt: data.summit.startsAt };
  if (!Object.values(dates).every(isIsoInstant))
    throw new RuleViolation('award.invalid_dates', 'dates must be ISO-8601 UTC instants', dates);
  if (!isAfter(data.nominationsCloseAt, metadata.now)) {
    throw new RuleViolation('award.invalid_dates', `nominations must close later than now (${dayOf(data.nominationsCloseAt)})`, {
      field: 'nominationsCloseAt',
      ...dates,
    });
  }
  requireSummitInYear(data.year, data.summit.startsAt);
  requireDatesInOrder(dates);
  return [{ type: 'AwardCycleOpened', data: { awardCycleId: awardCycleId(data.year), ...data, openedAt: metadata.now } }];
};

/**
 * Nominations come only from designated programs. The leader nominates their own program; staff may nominate any
 * designated program (the engine's equivalent of IASL staff putting a program forward). Anyone else's application
 * reads as missing to an applicant, as everywhere else.
 */
export const nominate = ({ data, metadata }: NominateForAward, cycle: OpenCycle): AwardCycleEvent[] => {
  const { actor, now } = metadata;
  const { nominee, nominationId, teachers, portfolios } = data;
  requireRole(actor, ['applicant', 'staff'], 'nominate for an award');
  if (actor.role === 'applicant' && (!actor.email || normalizeEmail(actor.email) !== normalizeEmail(nominee.applicantEmail))) {
    throw new NotFound('application', nominee.applicationId);
  }
  if (cycle.status !== 'Nominating') throw new AwardConflict('award.nominations_closed', `nominations for ${cycle.year} are closed`);
  if (isPast(cycle.nominationsCloseAt, now)) throw new DeadlinePassed('award-nomination', cycle.nominationsCloseAt);
  if (cycle.nominations.some((n) => n.applicationId === nominee.applicationId)) {
    throw new AwardConflict('award.already_nominated', `this program is already nominated for ${cycle.year}`, {
      applicationId: nominee.applicationId,
    });
  }
  const unfit = notDesignatedBecause(nominee, now);
  if (unfit || !nominee.designation) {
    throw new AwardConflict(
      `award.${unfit?.code ?? 'not_designated'}`,
      `only designated programs may be nominated: ${unfit?.reason ?? 'no active designation'}`,
      {
        applicationId: nominee.applicationId,
        termEndsAt: nominee.termEndsAt,
      },
    );
  }
  if (teachers.length > MAX_TEACHERS)
    throw new RuleViolation('award.too_many_teachers', `at most ${MAX_TEACHERS} teachers`, { field: 'teachers' });
  if (portfolios.length > MAX_PORTFOLIOS)
    throw new RuleViolation('award.too_many_portfolios', `at most ${MAX_PORTFOLIOS} student portfolios`, { field: 'portfolios' });
  return [
    {
      type: 'AwardNominationSubmitted',
      data: {
        ...cycleOf(cycle),
        nominationId,
        applicationId: nominee.applicationId,
        leaderName: nominee.leaderName,
        institutionName: nominee.institutionName,
        country: nominee.country,
        designation: nominee.designation,
        teachers,
        portfolios,
        nominatedBy: actor.id,
        nominatedByRole: actor.role as 'applicant' | 'staff',
        submittedAt: now,
      },
    },
  ];
};

/** Board members score every criterion 1-5; a member may rescore until scoring closes, never their own institution. */
export const scoreNomination = ({ data, metadata }: ScoreNomination, cycle: OpenCycle): AwardCycleEvent[] => {
  requireRole(metadata.actor, ['board'], 'score award nominations');
  const nomination = findNomination(cycle, data.nominationId);
  if (!nomination) throw new NotFound('award-nomination', data.nominationId);
  if (cycle.status !== 'Nominating') throw new AwardConflict('award.scoring_closed', `scoring for ${cycle.year} is closed`);
  // docs/DOMAIN.md, Conflicts of interest, reused for the board: nobody scores their own institution.
  if (sameInstitution(data.scorerInstitution, nomination.institutionName)) {
    throw new Forbidden('award.conflict_of_interest', 'a board member does not score a nomination from their own institution');
  }
  const criteria = awardCriteriaByVersion(cycle.criteriaVersion);
  const codes = criteria.criteria.map((c) => c.code);
  const unknown = data.scores.filter((s) => !codes.includes(s.criterion)).map((s) => s.criterion);
  const missing = codes.filter((c) => data.scores.filter((s) => s.criterion === c).length !== 1);
  const badLevels = data.scores
    .filter((s) => !Number.isInteger(s.level) || s.level < criteria.minLevel || s.level > criteria.maxLevel)
    .map((s) => s.criterion);
  if (unknown.length || missing.length || badLevels.length) {
    throw new RuleViolation('award.scores_invalid', `score each of ${codes.join(', ')} once, ${criteria.minLevel}-${criteria.maxLevel}`, {
      unknown,
      missing,
      badLevels,
    });
  }
  const scores = codes.map((c) => data.scores.find((s) => s.criterion === c)!);
  return [
    {
      type: 'AwardNominationScored',
      data: {
        ...cycleOf(cycle),
        nominationId: nomination.nominationId,
        applicationId: nomination.applicationId,
        boardMemberId: metadata.actor.id,
        scores,
        comment: data.comment,
        scoredAt: metadata.now,
      },
    },
  ];
};

/** After the nomination deadline, staff or the board close scoring; the ranking is fixed in the event. */
export const closeScoring = ({ metadata }: CloseAwardScoring, cycle: OpenCycle): AwardCycleEvent[] => {
  requireRole(metadata.actor, ['staff', 'board'], 'close award scoring');
  if (cycle.status !== 'Nominating') return [];
  if (!isPast(cycle.nominationsCloseAt, metadata.now)) {
    throw new AwardConflict('award.nominations_still_open', `nominations stay open until ${cycle.nominationsCloseAt}`, {
      nominationsCloseAt: cycle.nominationsCloseAt,
    });
  }
  if (cycle.nominations.length === 0) throw new AwardConflict('award.no_nominations', `the ${cycle.year} cycle has no nominations`);
  return [{ type: 'AwardScoringClosed', data: { ...cycleOf(cycle), ranking: rank(cycle), closedAt: metadata.now } }];
};
