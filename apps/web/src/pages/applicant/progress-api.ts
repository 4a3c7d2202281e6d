import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import type { Level, Outcome } from '../../api/types';

/** Issue 8: the yearly progress, term and renewal reads (apps/api/src/progress). */
export type ProgressVerdict = { indicator: string; verdict: 'confirmed' | 'disputed'; comment: string };
export type ProgressConfirmation = { reviewerId: string; updateSubmittedAt: string; requestedAt: string; recordedAt: string | null; verdicts: ProgressVerdict[] | null };
export type IndicatorProgress = {
  indicator: string;
  title: string;
  atDesignation: number | null;
  consensusAtDesignation: number | null;
  lastYear: number | null;
  thisYear: number | null;
  changeSinceLastYear: number | null;
  changeSinceDesignation: number | null;
};
export type PreviousDesignation = { reference: string; outcome: Outcome; decidedAt: string; termEndsAt: string };
export type Progress = {
  applicationId: string;
  reference: string;
  rubricVersion: string;
  designation: {
    outcome: Outcome;
    designatedAt: string;
    status: 'active' | 'suspended' | 'expired' | 'renewed';
    termEndsAt: string | null;
    progressDueAt: string | null;
    renewalId: string | null;
    endedAt: string | null;
  } | null;
  renewalOf: { applicationId: string; previous: PreviousDesignation } | null;
  indicators: IndicatorProgress[];
  updates: { submittedAt: string; dueAt: string; late: boolean; ratings: { indicator: string; level: Level; evidence: string }[]; confirmations: ProgressConfirmation[] }[];
};
export type RenewalHistory = {
  renewalOf: string;
  previous: PreviousDesignation;
  indicators: IndicatorProgress[];
  years: { submittedAt: string; late: boolean; levels: { indicator: string; level: number }[]; disputed: string[] }[];
};
export type ConfirmationAssignment = ProgressConfirmation & {
  applicationId: string;
  reference: string;
  institutionName: string;
  ratings: { indicator: string; level: Level; evidence: string }[];
};

const read = <T,>(path: string | null) => useQuery<T>({ queryKey: [path, {}], queryFn: () => get<T>(path!), enabled: path !== null, retry: false });

export const useProgress = (id: string | undefined, enabled = true) => read<Progress>(id && enabled ? `/applications/${id}/progress` : null);
export const useRenewalHistory = (id: string | undefined, enabled = true) => read<RenewalHistory>(id && enabled ? `/applications/${id}/renewal-history` : null);
export const useProgressConfirmations = () => read<ConfirmationAssignment[]>('/reviewers/me/progress-confirmations');

/** "+1", "0", "−2"; a dash when either side is missing. */
export const change = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
