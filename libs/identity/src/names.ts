import { ERASED_PERSON, Names, isErased, normalizeEmail } from '@cert/domain';
import { IdentityStore } from './identity.store';
import { User } from './user';

/** The leader an application is about: applicants sign in by email, and their account carries no name of its own. */
export type Leader = { email: string | null; name: string | null };

/** A leader's name by their email, where the caller knows it: one application's leader, or any application's. */
export type LeaderNames = (email: string) => string | null | undefined;

const leaderNames = (leader: Leader | LeaderNames | null): LeaderNames => {
  if (typeof leader === 'function') return leader;
  return (email) => (leader?.email && normalizeEmail(leader.email) === email ? leader.name : null);
};

const nameOf = (user: User | null, leaderName: LeaderNames): string => {
  if (!user) return ERASED_PERSON;
  if (user.name.trim()) return user.name;
  const leader = leaderName(user.email);
  return leader && !isErased(leader) ? leader : user.email;
};

/**
 * docs/DOMAIN.md, Names: people by the name on their account, looked up when read, never stored in the log or a read
 * model, so a changed name reads changed everywhere and an erased person reads "[erased person]" (their account is
 * gone). An applicant's account has no name: a leader reads by their survey's name (`leader`: one application's, or
 * a lookup across applications), any other applicant (a nominator) by their email. The accounts are read once, when
 * the resolver is made (the store is a port, possibly across the network; a view names people synchronously).
 */
export async function accountNames(identity: IdentityStore, leader: Leader | LeaderNames | null = null): Promise<Names> {
  const accounts = new Map((await identity.listUsers()).map((u) => [u.id, u]));
  const known = new Map<string, string>();
  const leaderName = leaderNames(leader);
  return (id) => {
    if (!known.has(id)) known.set(id, nameOf(accounts.get(id) ?? null, leaderName));
    return known.get(id);
  };
}
