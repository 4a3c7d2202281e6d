import { Level } from '../rubric/rubric';
import { IndicatorRating, IndicatorScore, Outcome, Pins, Recommendation, Survey } from './application.types';

export type ApplicationStatus =
  | 'Screening'
  | 'Rejected'
  | 'AwaitingAssessment'
  | 'Lapsed'
  | 'UnderReview'
  | 'NeedsAdjudication'
  | 'AwaitingDecision'
  | 'Decided';

export type ReviewerSlot = {
  reviewerId: string;
  purpose: 'review' | 'adjudication';
  status: 'assigned' | 'released' | 'finished';
  dueAt: string;
  draft: Record<string, IndicatorScore>;
  scores: IndicatorScore[] | null;
  recommendation: Outcome | null;
  escalated: boolean;
};

/** DOMAIN.md, step 6: charter members and Programs of Excellence keep their standing by a yearly progress update. */
export type Designation = { status: 'active' | 'suspended'; progressDueAt: string };

export type OpenApplication = Pins & {
  status: ApplicationStatus;
  id: string;
  reference: string;
  survey: Survey;
  applicantEmail: string;
  submittedBy: string;
  nominators: string[];
  dueAt: string | null;
  draft: Record<string, IndicatorRating>;
  assessment: IndicatorRating[] | null;
  reviewers: Record<string, ReviewerSlot>;
  disputed: string[];
  rulings: Record<string, Level>;
  recommendation: Recommendation | null;
  decision: { outcome: Outcome; overruled: boolean; appealUntil: string; final: boolean } | null;
  designation: Designation | null;
  /** Keys of reminders already issued, so a repeated timer reminds once. */
  reminders: string[];
};

export const reminderKey = (kind: string, dueAt: string, daysBefore: number, who = '') => `${kind}|${who}|${dueAt}|${daysBefore}`;

/** `None` is the state of a stream with no events. */
export type Application = { status: 'None' } | OpenApplication;

export const activeReviewers = (app: OpenApplication, purpose?: ReviewerSlot['purpose']): ReviewerSlot[] =>
  Object.values(app.reviewers).filter((r) => r.status !== 'released' && (!purpose || r.purpose === purpose));

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
