import { CriterionScore, RankedNomination, StudentPortfolio, Summit, Teacher } from './award-cycle.events';

export type InvitationStatus = 'invited' | 'accepted' | 'declined' | 'unanswered';

export type Nomination = {
  nominationId: string;
  applicationId: string;
  leaderName: string;
  institutionName: string;
  teachers: Teacher[];
  portfolios: StudentPortfolio[];
  /** By board member id; a member may rescore until scoring closes. */
  scores: Record<string, CriterionScore[]>;
  invitation: { status: InvitationStatus; rsvpBy: string; reminders: number[] } | null;
};

export type AwardCycleStatus = 'Nominating' | 'Selecting' | 'Selected';

export type OpenCycle = {
  status: AwardCycleStatus;
  awardCycleId: string;
  year: number;
  award: string;
  criteriaVersion: string;
  awardsAvailable: number;
  nominationsCloseAt: string;
  rsvpBy: string;
  summit: Summit;
  /** In the order they arrived (ties in the ranking go to the earlier nomination). */
  nominations: Nomination[];
  ranking: RankedNomination[] | null;
};

/** `None` is a year without a cycle. Scoring is open from the first nomination until staff or the board close it. */
export type AwardCycle = { status: 'None' } | OpenCycle;

export const findNomination = (cycle: OpenCycle, nominationId: string) => cycle.nominations.find((n) => n.nominationId === nominationId);

/** Mean over every board member's levels on every criterion, rounded to 2 decimals; null when nobody scored. */
export const meanScore = (n: Nomination): number | null => {
  const levels = Object.values(n.scores).flatMap((s) => s.map((x) => x.level));
  return levels.length === 0 ? null : Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 100) / 100;
};

/** Highest mean first; unscored last; ties keep nomination order, so the ranking is reproducible from the log. */
export const rank = (cycle: OpenCycle): RankedNomination[] =>
  cycle.nominations
    .map((n, order) => ({ n, order, mean: meanScore(n) }))
    .sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || a.order - b.order)
    .map(({ n, mean }) => ({
      nominationId: n.nominationId,
      applicationId: n.applicationId,
      meanScore: mean,
      scoreCount: Object.keys(n.scores).length,
    }));
