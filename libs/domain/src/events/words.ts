import { Outcome } from '../application/application.types';

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
