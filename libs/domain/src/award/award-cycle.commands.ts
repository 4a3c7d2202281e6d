import { CommandMeta } from '../decider';
import { CriterionScore, StudentPortfolio, Summit, Teacher } from './award-cycle.events';

type Command<T extends string, D> = { type: T; data: D; metadata: CommandMeta };

/**
 * What the handler found about the nominated application (the decider never fetches): whether it holds an active
 * designation (charter membership or Program of Excellence, neither suspended nor expired), and who leads it.
 */
export type Nominee = {
  applicationId: string;
  designation: 'ProgramOfExcellence' | 'CharterMembership' | null;
  /** Why it is not designated, in words, when `designation` is null. */
  notDesignatedBecause: string | null;
  /**
   * Where the designation's term ends (null: none, or recorded before terms existed). The status alone is not enough:
   * the expiry timer may fire late, and a term already over must not count as active meanwhile.
   */
  termEndsAt: string | null;
  applicantEmail: string;
  leaderName: string;
  institutionName: string;
  country: string;
};

export type OpenAwardCycle = Command<
  'OpenAwardCycle',
  {
    year: number;
    award: string;
    criteriaVersion: string;
    awardsAvailable: number;
    nominationsCloseAt: string;
    rsvpBy: string;
    summit: Summit;
  }
>;
/** `nominationId` is minted by the handler. */
export type NominateForAward = Command<
  'NominateForAward',
  {
    nominationId: string;
    nominee: Nominee;
    teachers: Teacher[];
    portfolios: StudentPortfolio[];
  }
>;
/** `scorerInstitution`: the board member's own institution from their profile, for the conflict check. */
export type ScoreNomination = Command<
  'ScoreNomination',
  {
    nominationId: string;
    scores: CriterionScore[];
    comment: string | null;
    scorerInstitution: string | null;
  }
>;
export type CloseAwardScoring = Command<'CloseAwardScoring', Record<string, never>>;
/**
 * Where a nominated application's designation stands now, folded by the select handler from the application's own
 * stream (as the nominate handler does): a program suspended, expired or renewed since its nomination is not selected.
 */
export type CurrentDesignation = Pick<Nominee, 'applicationId' | 'designation' | 'notDesignatedBecause' | 'termEndsAt'>;
/** `standings`: the current designation of each chosen nomination's application, looked up by the handler. */
export type SelectAwardRecipients = Command<
  'SelectAwardRecipients',
  { nominationIds: string[]; justification: string | null; standings: CurrentDesignation[] }
>;
/** `applicantEmail`: the leader of the nominated application, looked up by the handler. */
export type RespondToSummitInvitation = Command<
  'RespondToSummitInvitation',
  {
    nominationId: string;
    accept: boolean;
    reason: string | null;
    applicantEmail: string;
  }
>;
/**
 * Staff set the cycle's dates (docs/DOMAIN.md, Awards and summit, Changing the dates). A null date stays as it is;
 * `closeNominationsNow` closes nominations at the command's own moment, so "early" is exactly when staff said so.
 */
export type ChangeAwardCycleDates = Command<
  'ChangeAwardCycleDates',
  {
    closeNominationsNow: boolean;
    nominationsCloseAt: string | null;
    rsvpBy: string | null;
    summitStartsAt: string | null;
    reason: string;
  }
>;
/** Timers (docs/DOMAIN.md, Deadlines): each names the RSVP date it was set for, so a superseded one decides nothing. */
export type RemindSummitRsvp = Command<'RemindSummitRsvp', { nominationId: string; rsvpBy: string; daysBefore: number }>;
export type CloseSummitRsvp = Command<'CloseSummitRsvp', { nominationId: string; rsvpBy: string }>;

export type AwardCycleCommand =
  | OpenAwardCycle
  | NominateForAward
  | ScoreNomination
  | CloseAwardScoring
  | ChangeAwardCycleDates
  | SelectAwardRecipients
  | RespondToSummitInvitation
  | RemindSummitRsvp
  | CloseSummitRsvp;

/** At most three teachers and three student portfolios per nomination (IASL's certification page). */
export const MAX_TEACHERS = 3;
export const MAX_PORTFOLIOS = 3;
/** Choosing other than the top of the ranking needs a written reason, as overruling a decision does. */
export const MIN_SELECTION_JUSTIFICATION = 20;
/** A change of the cycle's dates says why, as an extension of an assessment does. */
export const MIN_DATES_CHANGE_REASON = 5;
/** RSVP reminders go out this many days before the RSVP date. */
export const RSVP_REMINDER_DAYS = [7] as const;
