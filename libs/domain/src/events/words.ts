import { Outcome } from '../application/application.types';
import { Role } from '../decider';

/** docs/DOMAIN.md, The decision policy (v1): the three outcomes in the board's words. */
export const OUTCOME_NAMES: Record<Outcome, string> = {
  ProgramOfExcellence: 'STEM Program of Excellence',
  CharterMembership: 'Charter membership',
  NotYetReady: 'Not yet ready',
};

/** Calendar day of an ISO instant, for sentences ("due 2026-02-09"). */
export const day = (iso: string) => iso.slice(0, 10);

/** At most three items named, the rest counted: "EC1.L1, EC1.L2, EC2.T1 and 4 more". */
export const list = (items: readonly string[]) =>
  items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;

/** "1 indicator", "16 indicators". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Roles in words, for where no person applies (the applicant reads "Certification staff", not a staff member's name). */
export const ROLE_NAMES: Record<Role, string> = {
  applicant: 'Applicant',
  staff: 'Certification staff',
  reviewer: 'Reviewer',
  board: 'Advisory board',
  auditor: 'Auditor',
  operator: 'Operator',
  system: 'The engine',
};

/** The engine as the one who worked a step out, under the decision policy the event pins: "The engine (policy decision-policy.v1)". */
export const engineName = (policyVersion?: string | null) => (policyVersion ? `The engine (policy ${policyVersion})` : 'The engine');
