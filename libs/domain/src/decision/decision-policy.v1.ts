import { DecisionPolicy } from './decision-policy';

/** docs/DOMAIN.md, The decision policy (v1) and Deadlines: the defaults IASL starts with, as versioned data. */
export const decisionPolicyV1: DecisionPolicy = {
  version: 'decision-policy.v1',
  excellence: { minOutcomeMean: 4.0, minIndicatorLevel: 3.0 },
  charter: { minOverallMean: 2.0 },
  disagreementThreshold: 2,
  reviewersRequired: 2,
  overruleJustificationMinLength: 20,
  assessmentWindowDays: 30,
  reviewWindowDays: 14,
  sameRegionIsConflict: false,
  assessmentReminderDays: [7, 1],
  reviewReminderDays: [3, 1],
  reviewReplacementGraceDays: 7,
  appealWindowDays: 30,
  progressIntervalDays: 365,
  progressReminderDays: [30, 7],
  progressGraceDays: 60,
  // Added to v1 after its release: read when an update arrives, never recorded, so events already in logs fold as they did.
  progressUpdateOpensDaysBefore: 90,
  // Added to v1 after its release: recorded on each DecisionRecorded (termEndsAt), so earlier events fold as they did.
  designationTermYears: 5,
  renewalReminderDays: [180, 30],
  renewalWindowDays: 365,
  // Added to v1 after its release: read when an application closes, and recorded on the shredding it leads to
  // (RecordOfReasonsShredded), so events already in logs fold as they did.
  reasonsRetention: { afterFinalDecisionYears: 7, afterRejectionYears: 3 },
};
