import { Actor } from '../../decider';
import { Forbidden } from '../../errors';
import { isPast } from '../../time';
import { CurrentDesignation } from '../award-cycle.commands';

export const requireRole = (actor: Actor, roles: Actor['role'][], what: string): void => {
  if (!roles.includes(actor.role)) throw new Forbidden('award.not_allowed', `only ${roles.join(' or ')} may ${what}`);
};

export const sameInstitution = (a: string | null, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why a program does not hold an active designation at `now`, or null when it does. The status alone is not enough:
 * the expiry timer may fire late, and a term already over must not count as active meanwhile.
 */
export const notDesignatedBecause = (
  d: CurrentDesignation | undefined,
  now: string,
): { code: 'not_designated' | 'term_ended'; reason: string } | null => {
  if (!d?.designation) return { code: 'not_designated', reason: d?.notDesignatedBecause ?? 'no active designation' };
  if (d.termEndsAt && isPast(d.termEndsAt, now)) return { code: 'term_ended', reason: `the designation's term ended on ${d.termEndsAt}` };
  return null;
};
