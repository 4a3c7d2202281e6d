import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import type { ConfirmationAssignmentView, ProgressView, RenewalHistoryView } from '@cert/contracts';

/** The yearly progress, term and renewal reads (apps/api/src/progress). */
const useRead = <T>(path: string | null) =>
  useQuery<T>({ queryKey: [path, {}], queryFn: () => get<T>(path!), enabled: path !== null, retry: false });

export const useProgress = (id: string | undefined, enabled = true) =>
  useRead<ProgressView>(id && enabled ? `/applications/${id}/progress` : null);
export const useRenewalHistory = (id: string | undefined, enabled = true) =>
  useRead<RenewalHistoryView>(id && enabled ? `/applications/${id}/renewal-history` : null);
export const useProgressConfirmations = () => useRead<ConfirmationAssignmentView[]>('/reviewers/me/progress-confirmations');

/** "+1", "0", "−2"; a dash when either side is missing. */
export const change = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
