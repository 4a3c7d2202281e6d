import type { Role } from '@cert/domain';

/** Roles a person can hold (docs/DOMAIN.md, Who uses it). `system` is the engine's timers, never an account; nominators are applicants. */
export const USER_ROLES = ['applicant', 'staff', 'reviewer', 'board', 'auditor', 'operator'] as const satisfies readonly Role[];
export type UserRole = (typeof USER_ROLES)[number];

/** Roles that sign in with a password. Applicants sign in by one-time email link instead. */
export const PASSWORD_ROLES = ['staff', 'reviewer', 'board', 'auditor', 'operator'] as const satisfies readonly UserRole[];
export type PasswordRole = (typeof PASSWORD_ROLES)[number];

export const usesPassword = (role: UserRole): role is PasswordRole => (PASSWORD_ROLES as readonly string[]).includes(role);

/** An account as the rest of the engine sees it: the password hash never leaves the store. */
export type User = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  institution: string | null;
  region: string | null;
  /** For reviewers: what they know best, in their words (staff read it when they assign). */
  expertise: string | null;
  createdAt: string;
  disabledAt: string | null;
};

export type NewUser = {
  email: string;
  name: string;
  role: UserRole;
  institution?: string | null;
  region?: string | null;
  expertise?: string | null;
};

/** Where a password account stands: invited (no password set yet), active, or deactivated (no sign-in, no session). */
export type AccountStatus = 'invited' | 'active' | 'deactivated';
export type Account = User & { status: AccountStatus };

export type OneTimePurpose = 'sign-in' | 'set-password';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export class EmailTaken extends Error {
  constructor(readonly email: string) {
    super(`an account with the email ${email} already exists`);
  }
}
