import { ApplicationStatus, Outcome } from '@cert/domain';

/** The lifecycle step people see for each status (DOMAIN.md, The lifecycle). */
export const STAGES: Record<ApplicationStatus, string> = {
  Screening: 'Intake screening',
  Rejected: 'Not accepted',
  AwaitingAssessment: 'Self-assessment',
  Lapsed: 'Lapsed',
  UnderReview: 'Review',
  NeedsAdjudication: 'Adjudication',
  AwaitingDecision: 'Board decision',
  Decided: 'Decided',
  Appealed: 'Appeal',
};

export const APPLICATION_STATUSES = Object.keys(STAGES) as ApplicationStatus[];

/** DOMAIN.md, step 4: the three outcomes in the board's words. */
export const OUTCOME_NAMES: Record<Outcome, string> = {
  ProgramOfExcellence: 'STEM Program of Excellence',
  CharterMembership: 'Charter membership',
  NotYetReady: 'Not yet ready',
};

/** Calendar day of an ISO instant, for sentences ("due 2026-02-09"). */
export const day = (iso: string) => iso.slice(0, 10);

/** Duplicate lookup key: DOMAIN.md, step 1 compares leader and institution, not their spelling. */
export const institutionKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
