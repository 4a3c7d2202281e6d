/**
 * Where the signed-in session lives. Today: the API's bearer token, kept in sessionStorage (gone when the tab
 * closes, never in localStorage) and sent as `Authorization`. To use the API's httpOnly cookie sessions instead,
 * this file is the one to change: `SIGN_IN_EXTRAS` becomes `{ session: 'cookie' }`, `saveSession` keeps the answered
 * `csrfToken` instead of the token, `authHeaders()` returns `{ 'X-CSRF-Token': … }`, and after a reload the CSRF token
 * comes from `GET /auth/csrf`. `credentials` already sends same-origin cookies.
 */
export type SessionUser = { id: string; email: string; name: string; role: Role };
export type Role = 'applicant' | 'staff' | 'reviewer' | 'board' | 'auditor' | 'operator';
export type StoredSession = { token: string; expiresAt: string; user: SessionUser };

const KEY = 'iasl.session';

/** Added to every sign-in request body (login, email-link redeem). */
export const SIGN_IN_EXTRAS: Record<string, string> = {};

export function loadSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Headers that prove who is asking. */
export function authHeaders(): Record<string, string> {
  const session = loadSession();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

export const credentials: RequestCredentials = 'same-origin';
