import { Actor } from '../decider';
import { awardCriteriaV1 } from './award-criteria';
import { AwardCycleCommand, CurrentDesignation, Nominee } from './award-cycle.commands';
import { AwardCycleEvent, CriterionScore, StudentPortfolio, Teacher } from './award-cycle.events';
import { awardCycleDecider } from './award-cycle.decider';

/** Builders for award-cycle specs: readable histories through the real decider, no mocks. */
export const YEAR = 2027;
export const OPENED = '2027-01-05T09:00:00.000Z';
export const CLOSES = '2027-02-15T09:00:00.000Z';
export const RSVP_BY = '2027-04-01T09:00:00.000Z';
export const SUMMIT = { startsAt: '2027-04-24T15:00:00.000Z', place: 'Walter E. Washington Convention Center, Washington, DC' };
export const AWARD = 'IASL Leadership Award 2027';
/** The nominees' designations run well past the cycle unless a spec says otherwise. */
export const TERM_ENDS = '2031-01-01T09:00:00.000Z';

export const staffer: Actor = { id: 'user-staff', role: 'staff' };
export const chair: Actor = { id: 'board-chair', role: 'board' };
export const member: Actor = { id: 'board-member', role: 'board' };
export const timer: Actor = { id: 'deadlines', role: 'system' };
export const leaderOf = (n: 'a' | 'b' | 'c'): Actor => ({ id: `user-${n}`, role: 'applicant', email: `leader-${n}@school-${n}.edu` });

export const nominee = (n: 'a' | 'b' | 'c', overrides: Partial<Nominee> = {}): Nominee => ({
  applicationId: `app-${n}`,
  designation: 'CharterMembership',
  notDesignatedBecause: null,
  applicantEmail: `leader-${n}@school-${n}.edu`,
  leaderName: `Leader ${n.toUpperCase()}`,
  institutionName: `School ${n.toUpperCase()}`,
  country: 'US',
  termEndsAt: TERM_ENDS,
  ...overrides,
});
export const standingOf = ({ applicationId, designation, notDesignatedBecause, termEndsAt }: Nominee): CurrentDesignation => ({
  applicationId,
  designation,
  notDesignatedBecause,
  termEndsAt,
});
export const teacher = (i: number): Teacher => ({
  name: `Teacher ${i}`,
  subject: 'Robotics',
  statement: 'Runs the after-school robotics league.',
});
export const portfolio = (i: number): StudentPortfolio => ({
  title: `Portfolio ${i}`,
  summary: 'A solar car designed in the Fab Lab.',
  link: `https://example.org/p/${i}`,
});
export const levels = (level: number): CriterionScore[] => awardCriteriaV1.criteria.map((c) => ({ criterion: c.code, level }));

const meta = (actor: Actor, now: string) => ({ actor, now });
export const award = {
  open: (o: { now?: string; actor?: Actor; awardsAvailable?: number } = {}): AwardCycleCommand => ({
    type: 'OpenAwardCycle',
    data: {
      year: YEAR,
      award: AWARD,
      criteriaVersion: awardCriteriaV1.version,
      awardsAvailable: o.awardsAvailable ?? 2,
      nominationsCloseAt: CLOSES,
      rsvpBy: RSVP_BY,
      summit: SUMMIT,
    },
    metadata: meta(o.actor ?? staffer, o.now ?? OPENED),
  }),
  nominate: (
    n: 'a' | 'b' | 'c',
    o: { actor?: Actor; now?: string; nominee?: Nominee; teachers?: Teacher[]; portfolios?: StudentPortfolio[] } = {},
  ): AwardCycleCommand => ({
    type: 'NominateForAward',
    data: {
      nominationId: `nom-${n}`,
      nominee: o.nominee ?? nominee(n),
      teachers: o.teachers ?? [teacher(1), teacher(2)],
      portfolios: o.portfolios ?? [portfolio(1)],
    },
    metadata: meta(o.actor ?? leaderOf(n), o.now ?? '2027-01-20T09:00:00.000Z'),
  }),
  score: (
    n: 'a' | 'b' | 'c',
    level: number,
    o: { actor?: Actor; institution?: string | null; scores?: CriterionScore[] } = {},
  ): AwardCycleCommand => ({
    type: 'ScoreNomination',
    data: {
      nominationId: `nom-${n}`,
      scores: o.scores ?? levels(level),
      comment: 'Strong evidence of sustained practice.',
      scorerInstitution: o.institution ?? null,
    },
    metadata: meta(o.actor ?? chair, '2027-02-01T09:00:00.000Z'),
  }),
  close: (now = '2027-02-16T09:00:00.000Z', actor: Actor = staffer): AwardCycleCommand => ({
    type: 'CloseAwardScoring',
    data: {},
    metadata: meta(actor, now),
  }),
  /** Staff change the dates; what is not named stays. */
  dates: (
    change: { closeNow?: boolean; nominationsCloseAt?: string; rsvpBy?: string; summitStartsAt?: string },
    o: { now?: string; actor?: Actor; reason?: string } = {},
  ): AwardCycleCommand => ({
    type: 'ChangeAwardCycleDates',
    data: {
      closeNominationsNow: change.closeNow ?? false,
      nominationsCloseAt: change.nominationsCloseAt ?? null,
      rsvpBy: change.rsvpBy ?? null,
      summitStartsAt: change.summitStartsAt ?? null,
      reason: o.reason ?? 'The venue moved the summit by a week.',
    },
    metadata: meta(o.actor ?? staffer, o.now ?? '2027-01-25T09:00:00.000Z'),
  }),
  /** By default every chosen nomination's designation still stands; `standings` says otherwise. */
  select: (
    ids: string[],
    justification: string | null = null,
    now = '2027-02-20T09:00:00.000Z',
    standings?: CurrentDesignation[],
  ): AwardCycleCommand => ({
    type: 'SelectAwardRecipients',
    data: {
      nominationIds: ids,
      justification,
      standings: standings ?? ids.map((id) => standingOf(nominee(id.replace('nom-', '') as 'a' | 'b' | 'c'))),
    },
    metadata: meta(chair, now),
  }),
  respond: (n: 'a' | 'b' | 'c', accept: boolean, o: { actor?: Actor; now?: string; reason?: string } = {}): AwardCycleCommand => ({
    type: 'RespondToSummitInvitation',
    data: { nominationId: `nom-${n}`, accept, reason: o.reason ?? null, applicantEmail: nominee(n).applicantEmail },
    metadata: meta(o.actor ?? leaderOf(n), o.now ?? '2027-03-01T09:00:00.000Z'),
  }),
  remind: (n: 'a' | 'b' | 'c', rsvpBy = RSVP_BY, daysBefore = 7): AwardCycleCommand => ({
    type: 'RemindSummitRsvp',
    data: { nominationId: `nom-${n}`, rsvpBy, daysBefore },
    metadata: meta(timer, '2027-03-25T09:00:00.000Z'),
  }),
  closeRsvp: (n: 'a' | 'b' | 'c', now = RSVP_BY, rsvpBy = RSVP_BY): AwardCycleCommand => ({
    type: 'CloseSummitRsvp',
    data: { nominationId: `nom-${n}`, rsvpBy },
    metadata: meta(timer, now),
  }),
};

export const cycleHistory = (...commands: AwardCycleCommand[]): AwardCycleEvent[] =>
  commands.reduce<AwardCycleEvent[]>((events, command) => {
    const state = events.reduce(awardCycleDecider.evolve, awardCycleDecider.initialState());
    return [...events, ...awardCycleDecider.decide(command, state)];
  }, []);

/** Two designated programs nominated, A scored above B, scoring closed. */
export const scored = () =>
  cycleHistory(award.open(), award.nominate('a'), award.nominate('b'), award.score('a', 5), award.score('b', 3), award.close());
