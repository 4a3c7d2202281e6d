import type { ApplicationStatus, Outcome } from '@cert/contracts';

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  Screening: 'Waiting for screening',
  Rejected: 'Not accepted',
  AwaitingAssessment: 'Self-assessment open',
  Lapsed: 'Lapsed',
  UnderReview: 'Under review',
  NeedsAdjudication: 'Needs adjudication',
  AwaitingDecision: 'Waiting for the board',
  Decided: 'Decided',
  Appealed: 'Appeal filed',
};

/** Colors chosen for AA contrast on the light variant (see theme.ts). */
export const STATUS_COLOR: Record<ApplicationStatus, string> = {
  Screening: 'blue',
  Rejected: 'red',
  AwaitingAssessment: 'indigo',
  Lapsed: 'orange',
  UnderReview: 'violet',
  NeedsAdjudication: 'orange',
  AwaitingDecision: 'cyan',
  Decided: 'green',
  Appealed: 'grape',
};

export const STATUS_ORDER: ApplicationStatus[] = [
  'Screening', 'AwaitingAssessment', 'UnderReview', 'NeedsAdjudication', 'AwaitingDecision', 'Appealed', 'Decided', 'Rejected', 'Lapsed',
];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  ProgramOfExcellence: 'STEM Program of Excellence',
  CharterMembership: 'Charter membership',
  NotYetReady: 'Not yet ready',
};
export const OUTCOMES: Outcome[] = ['ProgramOfExcellence', 'CharterMembership', 'NotYetReady'];

export const ROLE_LABEL: Record<string, string> = {
  applicant: 'Applicant', staff: 'Certification staff', reviewer: 'Reviewer', board: 'Advisory board', auditor: 'Auditor', operator: 'Operator', system: 'The engine',
};

export const INSTITUTION_TYPES: { value: string; label: string }[] = [
  { value: 'school', label: 'School' },
  { value: 'district', label: 'School district' },
  { value: 'academy', label: 'Academy' },
  { value: 'higher-ed', label: 'College or university' },
  { value: 'ngo', label: 'Non-profit organization' },
  { value: 'nontraditional', label: 'Non-traditional program' },
  { value: 'outreach', label: 'Outreach program' },
  { value: 'corporate', label: 'Company program' },
];

/** Short names for the IC Map's desired outcomes (ic-map.v1), for task lists; the full text is shown on the page. */
export const OUTCOME_SHORT: Record<string, string> = {
  EC1: 'Leadership and shared understanding of STEM',
  EC2: 'Strategic partnerships',
  EC3: 'Communication and advocacy',
};

/** Event types in plain words, for timelines. */
export const EVENT_LABEL: Record<string, string> = {
  SurveySubmitted: 'Intake survey submitted',
  NominationLinked: 'Nomination linked',
  SurveyAccepted: 'Survey accepted',
  SurveyRejected: 'Survey not accepted',
  AssessmentDraftSaved: 'Self-assessment draft saved',
  AssessmentSubmitted: 'Self-assessment submitted',
  AssessmentDeadlineExtended: 'Deadline extended',
  ApplicationLapsed: 'Application lapsed',
  ReviewerAssigned: 'Reviewer assigned',
  ReviewerReleased: 'Reviewer released',
  ScoresDraftSaved: 'Scores draft saved',
  ScoresSubmitted: 'Scores submitted',
  AdjudicationRequired: 'Adjudication required',
  AdjudicationResolved: 'Adjudication resolved',
  RecommendationComputed: 'Recommendation computed',
  DecisionRecorded: 'Board decision recorded',
  GrowthReportIssued: 'Growth report issued',
  DecisionFinalized: 'Decision final',
};
export const eventLabel = (type: string) => EVENT_LABEL[type] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2');
