import type { AccountRole } from '@cert/domain';

/** The roles staff invite to (docs/DOMAIN.md, Who uses it); applicants sign themselves in by email link. */
export const PERSON_ROLES = ['staff', 'reviewer', 'board', 'auditor', 'operator'] as const satisfies readonly AccountRole[];
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Invited: no password set yet; active: signs in; deactivated: cannot sign in, and their past actions keep their name. */
export type PersonStatus = 'invited' | 'active' | 'deactivated';

/** One person who signs in with a password, as staff administer them. Institution, region and expertise are a reviewer's profile. */
export type PersonView = {
  id: string;
  name: string;
  email: string;
  role: PersonRole;
  status: PersonStatus;
  institution: string | null;
  region: string | null;
  expertise: string | null;
  createdAt: string;
  deactivatedAt: string | null;
};

export type InvitePersonRequest = {
  email: string;
  name: string;
  role: PersonRole;
  institution?: string;
  region?: string;
  expertise?: string;
};
export type ChangeRoleRequest = { role: PersonRole; reason: string };
export type DeactivatePersonRequest = { reason: string };

/** What a change to a person answers: the person as they stand now, and the events it recorded (none for a repeat). */
export type PersonResult = { person: PersonView; events: string[] };
