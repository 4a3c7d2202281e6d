import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicantListItem,
  ApplicationReadView,
  ApplicationScheduleView,
  ApplicationSummaryView,
  AssessmentItemView,
  BoardItemView,
  CommandResult,
  ConflictView,
  DecisionPolicy,
  EvidenceItemView,
  EvidencePolicyView,
  FeedView,
  FinishedReviewView,
  GrowthReportView,
  HistoryEntry,
  OwnAssignmentView,
  PersonView,
  RecordOfReasonsView,
  ReviewerPoolEntry,
  ReviewerScoreView,
  Rubric,
  StaffQueue,
  TimelineView,
  WorkOverviewView,
} from '@cert/contracts';
import { get, write } from './client';

/** Read models: one hook per API read, cached by path; a write refreshes everything (see useWrite). */
const useRead = <T>(
  path: string | null,
  query?: Record<string, string | undefined>,
  opts: { retry?: boolean; refetchInterval?: number; refetchOnMount?: 'always' } = {},
) =>
  useQuery<T>({
    queryKey: [path, query ?? {}],
    queryFn: () => get<T>(path!, query),
    enabled: path !== null,
    retry: opts.retry ?? false,
    refetchInterval: opts.refetchInterval,
    refetchOnMount: opts.refetchOnMount ?? true,
  });

export const useRubric = (version = 'ic-map.v1') =>
  useQuery<Rubric>({ queryKey: ['rubric', version], queryFn: () => get<Rubric>(`/rubrics/${version}`), staleTime: Infinity });
/** The decision policy an application is pinned to (its `policyVersion`): every policy number a page shows comes from it. */
export const usePolicy = (version: string | undefined) =>
  useQuery<DecisionPolicy>({
    queryKey: ['policy', version],
    queryFn: () => get<DecisionPolicy>(`/policies/${version}`),
    enabled: !!version,
    staleTime: Infinity,
  });

export const useMyApplications = () => useRead<ApplicantListItem[]>('/applications');
/** The staff queue; the filters are the api's (search in reference, leader and institution; short of reviewers only). */
export const useStaffQueue = (status?: string, filters: { q?: string; needsReviewers?: boolean } = {}) =>
  useRead<StaffQueue>('/applications', {
    status,
    q: filters.q || undefined,
    needsReviewers: filters.needsReviewers ? 'true' : undefined,
    limit: '500',
  });
/** The api shapes the application by who asks: staff, board and auditors read the summary, others their own view of it. */
export const useApplication = <V extends ApplicationReadView = ApplicationSummaryView>(id: string | undefined) =>
  useRead<V>(id ? `/applications/${id}` : null);
/** Staff, board and auditors read who did each step; applicants and reviewers the milestones. */
export const useTimeline = <V extends TimelineView = TimelineView>(id: string | undefined) =>
  useRead<V>(id ? `/applications/${id}/timeline` : null);
export const useAssessment = (id: string | undefined, enabled = true) =>
  useRead<AssessmentItemView[]>(id && enabled ? `/applications/${id}/assessment` : null);
export const useGrowthReport = (id: string | undefined, enabled = true) =>
  useRead<GrowthReportView>(id && enabled ? `/applications/${id}/growth-report` : null);
/**
 * The feed: others' actions put things in it, so the header's count refreshes every 30 s while the app is open, and
 * the notifications page reads it afresh when it opens (`page`).
 */
export const useNotifications = (enabled = true, opts: { page?: boolean } = {}) =>
  useRead<FeedView>(enabled ? '/me/notifications' : null, undefined, {
    refetchInterval: 30_000,
    refetchOnMount: opts.page ? 'always' : undefined,
  });

export const useAssignments = () => useRead<OwnAssignmentView[]>('/reviewers/me/assignments');
export const useMyConflicts = () => useRead<ConflictView[]>('/reviewers/me/conflicts');
export const useMyScores = (id: string | undefined) => useRead<ReviewerScoreView[]>(id ? `/applications/${id}/scores` : null);
export const useFinishedReviews = (id: string | undefined) => useRead<FinishedReviewView[]>(id ? `/applications/${id}/scores` : null);
export const useReviewers = () => useRead<ReviewerPoolEntry[]>('/reviewers');
export const usePeople = () => useRead<PersonView[]>('/people');
export const usePersonHistory = (id: string | null) => useRead<HistoryEntry[]>(id ? `/people/${id}/history` : null);

/** docs/DOMAIN.md, Deadlines: what needs action now and the timers due within `within` days. */
export const useWorkOverview = (withinDays: number) => useRead<WorkOverviewView>('/deadlines', { within: `${withinDays}d` });
export const useSchedule = (id: string | undefined) => useRead<ApplicationScheduleView>(id ? `/applications/${id}/schedule` : null);

export const useBoardQueue = () => useRead<BoardItemView[]>('/board/queue');
export const useBoardItem = (id: string | undefined) => useRead<BoardItemView>(id ? `/board/queue/${id}` : null);

export const useEvidence = (id: string | undefined) => useRead<EvidenceItemView[]>(id ? `/applications/${id}/evidence` : null);
export const useEvidencePolicy = (id: string | undefined) => useRead<EvidencePolicyView>(id ? `/applications/${id}/evidence/policy` : null);
export const useHistory = (id: string | undefined) => useRead<HistoryEntry[]>(id ? `/audit/applications/${id}/history` : null);
export const useRecordOfReasons = (id: string | undefined) =>
  useRead<RecordOfReasonsView>(id ? `/audit/applications/${id}/record-of-reasons` : null);

/**
 * A command. On success every cached read is refreshed; the client passes the write's position as `?after=`,
 * so what the page shows next already includes the write (read-your-writes).
 */
export function useWrite<V, R = CommandResult>(
  send: (vars: V) => Promise<R>,
  opts: { done?: (result: R) => { title: string; message: string } } = {},
) {
  const client = useQueryClient();
  return useMutation<R, Error, V>({
    mutationFn: send,
    onSuccess: async (result) => {
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'rubric' && q.queryKey[0] !== 'policy' });
      // Here, not in mutate()'s callbacks: the form that sent it may be gone once the page shows the new state.
      if (opts.done) notifications.show({ color: 'green', ...opts.done(result) });
    },
  });
}

export { write };
