import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, write, WriteResult } from './client';
import type {
  ApplicantListItem, Application, AssessmentItem, BoardItem, DecisionPolicy, Feed, FinishedReview, GrowthReport, HistoryEntry,
  Reproduction, Reviewer, ReviewerAssignment, ReviewerScore, Rubric, StaffQueue, TimelineEntry,
} from './types';

/** Read models: one hook per API read, cached by path; a write refreshes everything (see useWrite). */
const useRead = <T,>(path: string | null, query?: Record<string, string | undefined>, opts: { retry?: boolean } = {}) =>
  useQuery<T>({
    queryKey: [path, query ?? {}],
    queryFn: () => get<T>(path!, query),
    enabled: path !== null,
    retry: opts.retry ?? false,
  });

export const useRubric = (version = 'ic-map.v1') => useQuery<Rubric>({ queryKey: ['rubric', version], queryFn: () => get<Rubric>(`/rubrics/${version}`), staleTime: Infinity });
export const usePolicy = (version = 'decision-policy.v1') =>
  useQuery<DecisionPolicy>({ queryKey: ['policy', version], queryFn: () => get<DecisionPolicy>(`/policies/${version}`), staleTime: Infinity });

export const useMyApplications = () => useRead<ApplicantListItem[]>('/applications');
export const useStaffQueue = (status?: string) => useRead<StaffQueue>('/applications', { status, limit: '500' });
export const useApplication = (id: string | undefined) => useRead<Application>(id ? `/applications/${id}` : null);
export const useTimeline = (id: string | undefined) => useRead<TimelineEntry[]>(id ? `/applications/${id}/timeline` : null);
export const useAssessment = (id: string | undefined, enabled = true) => useRead<AssessmentItem[]>(id && enabled ? `/applications/${id}/assessment` : null);
export const useGrowthReport = (id: string | undefined, enabled = true) => useRead<GrowthReport>(id && enabled ? `/applications/${id}/growth-report` : null);
export const useNotifications = (enabled = true) => useRead<Feed>(enabled ? '/me/notifications' : null);

export const useAssignments = () => useRead<ReviewerAssignment[]>('/reviewers/me/assignments');
export const useMyScores = (id: string | undefined) => useRead<ReviewerScore[]>(id ? `/applications/${id}/scores` : null);
export const useFinishedReviews = (id: string | undefined) => useRead<FinishedReview[]>(id ? `/applications/${id}/scores` : null);
export const useReviewers = () => useRead<Reviewer[]>('/reviewers');

export const useBoardQueue = () => useRead<BoardItem[]>('/board/queue');
export const useBoardItem = (id: string | undefined) => useRead<BoardItem>(id ? `/board/queue/${id}` : null);

export const useHistory = (id: string | undefined) => useRead<HistoryEntry[]>(id ? `/audit/applications/${id}/history` : null);
export const useReproduction = (id: string | undefined, enabled: boolean) => useRead<Reproduction>(id && enabled ? `/audit/applications/${id}/decision/reproduce` : null);

/**
 * A command. On success every cached read is refreshed; the client passes the write's position as `?after=`,
 * so what the page shows next already includes the write (read-your-writes).
 */
export function useWrite<V>(send: (vars: V) => Promise<WriteResult>, opts: { done?: (result: WriteResult) => { title: string; message: string } } = {}) {
  const client = useQueryClient();
  return useMutation<WriteResult, Error, V>({
    mutationFn: send,
    onSuccess: async (result) => {
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'rubric' && q.queryKey[0] !== 'policy' });
      // Here, not in mutate()'s callbacks: the form that sent it may be gone once the page shows the new state.
      if (opts.done) notifications.show({ color: 'green', ...opts.done(result) });
    },
  });
}

export { write };
