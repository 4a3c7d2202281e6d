import type { AwardCriterion, AwardCycleStatus, CriterionScore, InvitationStatus, StudentPortfolio, Teacher } from '@cert/domain';

export type AwardScoreView = { boardMemberId: string; scores: CriterionScore[]; comment: string | null; scoredAt: string };

export type AwardNominationView = {
  nominationId: string;
  year: number;
  applicationId: string;
  leaderName: string;
  institutionName: string;
  country: string;
  designation: string;
  teachers: Teacher[];
  portfolios: StudentPortfolio[];
  nominatedBy: string;
  nominatedByRole: 'applicant' | 'staff';
  submittedAt: string;
  /** Place in the ranking fixed when scoring closed (1 = highest mean), and that mean. */
  rank: number | null;
  meanScore: number | null;
  selected: boolean;
  invitation: {
    status: InvitationStatus;
    rsvpBy: string;
    invitedAt: string;
    respondedAt: string | null;
    declineReason: string | null;
    reminders: number;
  } | null;
  /** Board scores: for staff, the board and auditors only. */
  scores?: AwardScoreView[];
};

export type AwardCycleView = {
  year: number;
  awardCycleId: string;
  award: string;
  status: AwardCycleStatus;
  criteriaVersion: string;
  awardsAvailable: number;
  nominationsCloseAt: string;
  rsvpBy: string;
  summit: { startsAt: string; place: string };
  openedAt: string;
  closedAt: string | null;
  selectedAt: string | null;
  overridesRanking: boolean | null;
  selectionJustification: string | null;
  /** The latest change of the dates by staff, with their reason; null while the dates are as opened. */
  datesChanged: { at: string; reason: string; closedNominationsEarly: boolean } | null;
};

/** What the board weighed stays with the board: an applicant reads the cycle without its ranking or justification. */
export type ApplicantAwardCycleView = Omit<AwardCycleView, 'overridesRanking' | 'selectionJustification' | 'datesChanged'>;
export type ApplicantNominationView = Omit<AwardNominationView, 'rank' | 'meanScore'>;

/** GET /award-cycles/:year: the cycle, its criteria and its nominations (an applicant's own, without the board's ranking). */
export type AwardCycleDetailView = AwardCycleDetail | ApplicantAwardCycleDetail;
export type AwardCycleDetail = AwardCycleView & { criteria: readonly AwardCriterion[]; nominations: AwardNominationView[] };
export type ApplicantAwardCycleDetail = ApplicantAwardCycleView & {
  criteria: readonly AwardCriterion[];
  nominations: ApplicantNominationView[];
};

export type AwardCycleList = AwardCycleView[] | ApplicantAwardCycleView[];

/** The leader's own nominations and summit invitations, with the award and summit of each cycle. */
export type LeaderNominationView = ApplicantNominationView & { award: string; summit: AwardCycleView['summit'] };

export type Summit = { startsAt: string; place: string };

export type OpenAwardCycleRequest = {
  year: number;
  /** Defaults to "IASL STEM Leadership Award <year>". */
  award?: string;
  awardsAvailable: number;
  nominationsCloseAt: string;
  /** Invitations must be answered by then; before the summit. */
  rsvpBy: string;
  summit: Summit;
};

/** IASL's certification page: the leader, up to three teachers and up to three student portfolios. */
export type NominateRequest = { applicationId: string; teachers: Teacher[]; portfolios: StudentPortfolio[] };
export type ScoreNominationRequest = { scores: CriterionScore[]; comment?: string };
export type SelectRecipientsRequest = { nominationIds: string[]; justification?: string };
export type RespondToInvitationRequest = { accept: boolean; reason?: string };

/**
 * POST /award-cycles/:year/dates: staff change the cycle's dates with a reason. A date left out stays as it is;
 * `closeNominationsNow` ends nominations at once (docs/DOMAIN.md, Awards and summit, Changing the dates).
 */
export type ChangeAwardCycleDatesRequest = {
  closeNominationsNow?: boolean;
  nominationsCloseAt?: string;
  rsvpBy?: string;
  summitStartsAt?: string;
  reason: string;
};
