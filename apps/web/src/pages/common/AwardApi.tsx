import { useQuery } from '@tanstack/react-query';
import type {
  AwardCycleDetail,
  AwardCycleDetailView,
  AwardCycleList,
  AwardCycleView,
  InvitationStatus,
  LeaderNominationView,
} from '@cert/contracts';
import { get } from '../../api/client';

/** The reads of apps/api/src/awards, shared by the staff, board and applicant pages; each role reads its own view. */
const useRead = <T,>(path: string | null) =>
  useQuery<T>({ queryKey: [path, {}], queryFn: () => get<T>(path!), enabled: path !== null, retry: false });

export const useAwardCycles = <V extends AwardCycleList = AwardCycleView[]>() => useRead<V>('/award-cycles');
export const useAwardCycle = <V extends AwardCycleDetailView = AwardCycleDetail>(year: number | null) =>
  useRead<V>(year ? `/award-cycles/${year}` : null);
export const useMyAwardNominations = () => useRead<LeaderNominationView[]>('/me/award-invitations');

export const CYCLE_STATUS: Record<AwardCycleView['status'], string> = {
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
