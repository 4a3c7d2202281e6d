import type { Outcome } from '@cert/domain';

/** Payloads of the deadlines queue, one per job name; the processor switches on the name. */
export type DeadlineJob =
  | { name: 'AssessmentReminder'; data: { applicationId: string; dueAt: string; daysBefore: number } }
  | { name: 'AssessmentDue'; data: { applicationId: string; dueAt: string } }
  | { name: 'ReviewerReminder'; data: { applicationId: string; reviewerId: string; dueAt: string; daysBefore: number } }
  | { name: 'ReviewOverdue'; data: { applicationId: string; reviewerId: string; dueAt: string } }
  | { name: 'ReviewerReplacement'; data: { applicationId: string; reviewerId: string; dueAt: string } }
  | { name: 'AppealWindowCloses'; data: { applicationId: string; appealUntil: string } }
  | { name: 'ProgressReminder'; data: { applicationId: string; progressDueAt: string; daysBefore: number } }
  | { name: 'ProgressOverdue'; data: { applicationId: string; progressDueAt: string } }
  // A designation's term, and the old designation told its renewal was decided.
  | { name: 'RenewalReminder'; data: { applicationId: string; termEndsAt: string; daysBefore: number } }
  | { name: 'DesignationExpiry'; data: { applicationId: string; termEndsAt: string } }
  | { name: 'RenewalDecided'; data: { applicationId: string; renewalId: string; outcome: Outcome } }
  // docs/DOMAIN.md, Personal data and the record of reasons: the end of the record's retention.
  | { name: 'RecordRetentionEnds'; data: { applicationId: string; retainedUntil: string } };

export type DeadlineJobName = DeadlineJob['name'];

export const DEADLINE_JOB_NAMES: readonly DeadlineJobName[] = [
  'AssessmentReminder',
  'AssessmentDue',
  'ReviewerReminder',
  'ReviewOverdue',
  'ReviewerReplacement',
  'AppealWindowCloses',
  'ProgressReminder',
  'ProgressOverdue',
  'RenewalReminder',
  'DesignationExpiry',
  'RenewalDecided',
  'RecordRetentionEnds',
];
