import { ERASED_PERSON, Names, isErased, normalizeEmail } from '@cert/domain';
import { IdentityStore } from './identity.store';
import { User } from './user';

/** The leader an application is about: applicants sign in by email, and their account carries no name of its own. */
export type Leader = { email: string | null; name: string | null };

const nameOf = (user: User | null, leader: Leader | null): string => {
  if (!user) return ERASED_PERSON;
  if (user.name.trim()) return user.name;
  const isLeader = leader?.email && normalizeEmail(leader.email) === user.email;
  if (isLeader && leader.name && !isErased(leader.name)) return leader.name;
  return user.email;
};

/**
 * docs/DOMAIN.md, Names: people by the name on their account, looked up when read, never stored in the log or a read
 * model, so a changed name reads changed everywhere and an erased person reads "[erased person]" (their account is
 * gone). An applicant's account has no name: the leader of `leader`'s application reads by the survey's name, any
 * other applicant (a nominator) by their email. Each id is looked up once per resolver.
 */
export function accountNames(identity: IdentityStore, leader: Leader | null = null): Names {
  const known = new Map<string, string>();
  return (id) => {
    if (!known.has(id)) known.set(id, nameOf(identity.findById(id), leader));
    return known.get(id);
  };
}
