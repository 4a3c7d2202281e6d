import type { Role } from '@cert/domain';

/**
 * `bearer` (the default, for API clients): the token comes back in the body. `cookie` (browsers): an httpOnly cookie
 * and a CSRF token instead.
 */
export const SESSION_MODES = ['bearer', 'cookie'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Who is signed in; `system` is the engine's own timers and never signs in. */
export type SessionUser = { id: string; email: string; name: string; role: Exclude<Role, 'system'> };

/** What a successful sign-in returns, by password or by email link. A cookie session gets a CSRF token instead of the session token. */
export type SessionResponse = {
  token?: string;
  csrfToken?: string;
  expiresAt: string;
  /** The same end as a lifetime, so a client whose clock disagrees with the server's still counts it right. */
  expiresInSeconds: number;
  user: SessionUser;
};

export type CsrfTokenView = { csrfToken: string };

export type LoginRequest = { email: string; password: string; session?: SessionMode };
export type EmailLinkRequest = { email: string };
export type RedeemLinkRequest = { token: string; session?: SessionMode };
/** 12 characters or more; passphrases welcome. */
export type SetPasswordRequest = { token: string; password: string };
export type PasswordResetRequest = { email: string };
