import { DecisionPolicy } from './decision-policy';

/** DOMAIN.md, "Decision" and "Deadlines": the defaults IASL starts with, as versioned data. */
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
};
