/**
 * docs/DOMAIN.md, Awards and summit: a yearly award cycle is a stream of its own, `award-cycle-<year>`, that starts
 * from designated applications. Every nomination, board score, selection, summit invitation and answer is an event of
 * it; the award itself is then recorded on each recipient's application (AwardRecorded).
 */
export type Teacher = { name: string; subject: string; statement: string };
export type StudentPortfolio = { title: string; summary: string; link: string };
export type CriterionScore = { criterion: string; level: number };
export type Summit = { startsAt: string; place: string };
export type RankedNomination = { nominationId: string; applicationId: string; meanScore: number | null; scoreCount: number };

type Cycle = { awardCycleId: string; year: number };
type Event<T extends string, D> = { type: T; data: D & Cycle };
/** Events about one nomination name its application, so its personal fields are sealed under that leader's key. */
type NominationRef = { nominationId: string; applicationId: string };

export type AwardCycleOpened = Event<
  'AwardCycleOpened',
  {
    award: string;
    criteriaVersion: string;
    awardsAvailable: number;
    nominationsCloseAt: string;
    rsvpBy: string;
    summit: Summit;
    openedAt: string;
  }
>;
export type AwardNominationSubmitted = Event<
  'AwardNominationSubmitted',
  NominationRef & {
    leaderName: string;
    institutionName: string;
    country: string;
    designation: 'ProgramOfExcellence' | 'CharterMembership';
    teachers: Teacher[];
    portfolios: StudentPortfolio[];
    nominatedBy: string;
    nominatedByRole: 'applicant' | 'staff';
    submittedAt: string;
  }
>;
export type AwardNominationScored = Event<
  'AwardNominationScored',
  NominationRef & {
    boardMemberId: string;
    scores: CriterionScore[];
    comment: string | null;
    scoredAt: string;
  }
>;
export type AwardScoringClosed = Event<'AwardScoringClosed', { ranking: RankedNomination[]; closedAt: string }>;
export type AwardRecipientsSelected = Event<
  'AwardRecipientsSelected',
  {
    award: string;
    recipients: NominationRef[];
    /** The board chose other than the top of the score ranking; then a justification is required. */
    overridesRanking: boolean;
    justification: string | null;
    selectedBy: string;
    selectedAt: string;
  }
>;
/**
 * Staff moved one or more of the cycle's dates. The event carries every date as it now stands and as it was, and the
 * invitations whose answer date moved with the RSVP date (each gets new timers; the old ones no longer match).
 */
export type AwardCycleDatesChanged = Event<
  'AwardCycleDatesChanged',
  {
    award: string;
    nominationsCloseAt: string;
    rsvpBy: string;
    summit: Summit;
    previous: { nominationsCloseAt: string; rsvpBy: string; summitStartsAt: string };
    closedNominationsEarly: boolean;
    invitations: NominationRef[];
    reason: string;
    changedBy: string;
    changedAt: string;
  }
>;
/** A nomination the board's final selection passed over: its leader is told, kindly, once. */
export type AwardNominationNotSelected = Event<'AwardNominationNotSelected', NominationRef & { award: string; decidedAt: string }>;
export type SummitInvitationSent = Event<
  'SummitInvitationSent',
  NominationRef & { award: string; summit: Summit; rsvpBy: string; invitedAt: string }
>;
export type SummitInvitationAccepted = Event<'SummitInvitationAccepted', NominationRef & { respondedBy: string; respondedAt: string }>;
export type SummitInvitationDeclined = Event<
  'SummitInvitationDeclined',
  NominationRef & { reason: string | null; respondedBy: string; respondedAt: string }
>;
export type SummitRsvpReminderIssued = Event<
  'SummitRsvpReminderIssued',
  NominationRef & { rsvpBy: string; daysBefore: number; remindedAt: string }
>;
export type SummitInvitationUnanswered = Event<'SummitInvitationUnanswered', NominationRef & { rsvpBy: string; markedAt: string }>;

export type AwardCycleEvent =
  | AwardCycleOpened
  | AwardNominationSubmitted
  | AwardNominationScored
  | AwardScoringClosed
  | AwardRecipientsSelected
  | AwardCycleDatesChanged
  | AwardNominationNotSelected
  | SummitInvitationSent
  | SummitInvitationAccepted
  | SummitInvitationDeclined
  | SummitRsvpReminderIssued
  | SummitInvitationUnanswered;

export const awardCycleId = (year: number) => `award-cycle-${year}`;
/** The stream id is the cycle id: an auditor opens the cycle's history by the id every award names. */
export const awardCycleStream = awardCycleId;
