import { APPLICATION_STATUS, APPLICATION_STATUSES, ROLE_NAMES } from '@cert/domain';
import type { ApplicationStatus, Outcome } from '@cert/contracts';

/** Where an application stands, in the domain's words (badges, filters). */
export const STATUS_LABEL = Object.fromEntries(Object.entries(APPLICATION_STATUS).map(([status, { label }]) => [status, label])) as Record<
  ApplicationStatus,
  string
>;

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

/** The order staff work through the statuses. */
export const STATUS_ORDER: readonly ApplicationStatus[] = APPLICATION_STATUSES;

export const OUTCOME_LABEL: Record<Outcome, string> = {
  ProgramOfExcellence: 'STEM Program of Excellence',
  CharterMembership: 'Charter membership',
  NotYetReady: 'Not yet ready',
};
export const OUTCOMES: Outcome[] = ['ProgramOfExcellence', 'CharterMembership', 'NotYetReady'];

/** Roles in words, for where no person applies; people are named by the api (docs/DOMAIN.md, Names). */
export const ROLE_LABEL: Record<string, string> = ROLE_NAMES;

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

/** Event types in plain words (headings, filters), from the domain's event registry. */
export { eventLabel, isEngineStep } from '@cert/domain';
