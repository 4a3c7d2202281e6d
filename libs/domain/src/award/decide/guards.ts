import { Actor } from '../../decider';
import { Forbidden } from '../../errors';

export const requireRole = (actor: Actor, roles: Actor['role'][], what: string): void => {
  if (!roles.includes(actor.role)) throw new Forbidden('award.not_allowed', `only ${roles.join(' or ')} may ${what}`);
};

export const sameInstitution = (a: string | null, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase();
