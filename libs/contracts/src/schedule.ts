/*
 * docs/DOMAIN.md, Deadlines: the timers the engine sets for each application, and the staff's work overview built on
 * them (GET /deadlines, GET /applications/:id/schedule).
 */

/** What a timer does when it runs; one per timer the deadline reactor sets. */
export type DeadlineKind =
  | 'assessment-reminder'
  | 'assessment-due'
  | 'reviewer-reminder'
  | 'review-overdue'
  | 'reviewer-replacement'
  | 'appeal-window'
  | 'progress-reminder'
  | 'progress-overdue'
  | 'renewal-reminder'
  | 'designation-expiry'
  | 'record-retention'
  | 'rsvp-reminder'
  | 'rsvp-closes';

/**
 * `pending`: still to run and, on the application as it stands, it will act; `happened`: it ran and acted (at
 * `happenedAt`); `will-do-nothing`: the work it guarded finished or its date moved, so when it runs it records nothing.
 */
export type DeadlineState = 'pending' | 'happened' | 'will-do-nothing';

export type DeadlineItemView = {
  /** The timer's job id. */
  key: string;
  kind: DeadlineKind;
  /** What it does, in words: "Reminder to the leader, 7 days before the assessment is due". */
  label: string;
  /** When the timer runs (UTC). */
  runsAt: string;
  /** The date it guards: the assessment's, the review's, the appeal window's, the progress update's or the term's end. */
  dueAt: string;
  daysBefore: number | null;
  state: DeadlineState;
  happenedAt: string | null;
  /** Pending, yet its time has passed: the timer has not run (a stalled worker shows here). */
  late: boolean;
  applicationId: string;
  reference: string;
  leaderName: string;
  institutionName: string;
  /** Whom it concerns: the reviewer for a reviewer's timers, otherwise the leader. */
  personName: string;
  reviewerId: string | null;
};

export type ApplicationScheduleView = {
  applicationId: string;
  reference: string;
  leaderName: string;
  institutionName: string;
  /** Every timer, by when it runs. */
  items: DeadlineItemView[];
};

export type NeedsActionReason =
  'unscreened' | 'needs-reviewers' | 'assessment-overdue' | 'review-overdue' | 'appeal-to-route' | 'adjudication-waiting' | 'timer-late';

export type NeedsActionItemView = {
  reason: NeedsActionReason;
  /** What is wrong, in words, with the deciding fact: "Reviews: 1 of 2 needed". */
  label: string;
  applicationId: string;
  reference: string;
  leaderName: string;
  institutionName: string;
  /** Since when it has waited (the due date passed, the survey arrived, the appeal was filed). */
  since: string;
  /** The reviewer concerned, for an overdue review. */
  personName: string | null;
};

export type WorkOverviewView = {
  /** The instant the overview was read at, and the end of the window it looks ahead to. */
  now: string;
  until: string;
  withinDays: number;
  needsAction: NeedsActionItemView[];
  /** Pending timers due from now to `until`, soonest first. */
  coming: DeadlineItemView[];
};
