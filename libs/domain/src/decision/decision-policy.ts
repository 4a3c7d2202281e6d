export type DecisionPolicy = {
  version: string;
  /** STEM Program of Excellence: every desired outcome's consensus mean ≥ min and no indicator below the floor. */
  excellence: { minOutcomeMean: number; minIndicatorLevel: number };
  /** Charter membership: overall consensus mean ≥ min. */
  charter: { minOverallMean: number };
  /** Two reviewers this many levels apart on any indicator need adjudication. */
  disagreementThreshold: number;
  reviewersRequired: number;
  overruleJustificationMinLength: number;
  assessmentWindowDays: number;
  reviewWindowDays: number;
  sameRegionIsConflict: boolean;
  /** docs/DOMAIN.md, Deadlines: reminders (days before due), grace periods and windows. */
  assessmentReminderDays: number[];
  reviewReminderDays: number[];
  /** After a review is overdue by this many more days, the reviewer is released and replaced. */
  reviewReplacementGraceDays: number;
  appealWindowDays: number;
  progressIntervalDays: number;
  progressReminderDays: number[];
  progressGraceDays: number;
  /** A yearly update is accepted from this many days before it is due (and any time after), not earlier. */
  progressUpdateOpensDaysBefore: number;
  /** A designation's term in years (Ohio's STEM designation: 5), and renewal reminders, days before it ends. */
  designationTermYears: number;
  renewalReminderDays: number[];
  /** A renewal may be started this many days before the term ends, not earlier. */
  renewalWindowDays: number;
  /**
   * docs/DOMAIN.md, Personal data and the record of reasons: years the record of reasons is kept once the application
   * closes, then shredded. From the final decision (for a designation, from the end of the designation), or from a
   * survey's rejection.
   */
  reasonsRetention: { afterFinalDecisionYears: number; afterRejectionYears: number };
};
