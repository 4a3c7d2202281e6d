import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';

/** Issue 8, awards and the summit: the reads of apps/api/src/awards, shared by the staff, board and applicant pages. */
export type Criterion = { code: string; title: string; question: string };
export type Teacher = { name: string; subject: string; statement: string };
export type Portfolio = { title: string; summary: string; link: string };
export type InvitationStatus = 'invited' | 'accepted' | 'declined' | 'unanswered';
export type AwardNomination = {
  nominationId: string;
  year: number;
  applicationId: string;
  leaderName: string;
  institutionName: string;
  country: string;
  designation: string;
  teachers: Teacher[];
  portfolios: Portfolio[];
  nominatedByRole: 'applicant' | 'staff';
  submittedAt: string;
  rank: number | null;
  meanScore: number | null;
  selected: boolean;
  invitation: { status: InvitationStatus; rsvpBy: string; invitedAt: string; respondedAt: string | null; declineReason: string | null; reminders: number } | null;
  scores?: { boardMemberId: string; scores: { criterion: string; level: number }[]; comment: string | null; scoredAt: string }[];
};
export type AwardCycleSummary = {
  year: number;
  awardCycleId: string;
  award: string;
  status: 'Nominating' | 'Selecting' | 'Selected';
  awardsAvailable: number;
  nominationsCloseAt: string;
  rsvpBy: string;
  summit: { startsAt: string; place: string };
  overridesRanking: boolean | null;
  selectionJustification: string | null;
};
export type AwardCycle = AwardCycleSummary & { criteria: Criterion[]; nominations: AwardNomination[] };
export type MyNomination = AwardNomination & { award: string; summit: { startsAt: string; place: string } };

const read = <T,>(path: string | null) => useQuery<T>({ queryKey: [path, {}], queryFn: () => get<T>(path!), enabled: path !== null, retry: false });

export const useAwardCycles = () => read<AwardCycleSummary[]>('/award-cycles');
export const useAwardCycle = (year: number | null) => read<AwardCycle>(year ? `/award-cycles/${year}` : null);
export const useMyAwardNominations = () => read<MyNomination[]>('/me/award-invitations');

export const CYCLE_STATUS: Record<AwardCycleSummary['status'], string> = {
  Nominating: 'Nominations and scoring open',
  Selecting: 'Scoring closed: the board selects',
  Selected: 'Recipients selected',
};

export const INVITATION_LABEL: Record<InvitationStatus, { label: string; color: string }> = {
  invited: { label: 'Invited: answer pending', color: 'blue' },
  accepted: { label: 'Accepted', color: 'green' },
  declined: { label: 'Declined', color: 'gray' },
  unanswered: { label: 'No answer by the RSVP date', color: 'orange' },
};

/** A date input's day, as the instant 09:00 UTC on it (deadlines are days; the API wants instants). */
export const dayToInstant = (day: string) => (day ? `${day}T09:00:00.000Z` : '');
