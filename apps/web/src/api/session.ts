/**
 * Where the signed-in session lives. Today: the API's bearer token, kept in sessionStorage (gone when the tab
 * closes, never in localStorage) and sent as `Authorization`. To use the API's httpOnly cookie sessions instead,
 * this file is the one to change: `SIGN_IN_EXTRAS` becomes `{ session: 'cookie' }`, `saveSession` keeps the answered
 * `csrfToken` instead of the token, `authHeaders()` returns `{ 'X-CSRF-Token': … }`, and after a reload the CSRF token
 * comes from `GET /auth/csrf`. `credentials` already sends same-origin cookies.
 */
import type { SessionResponse, SessionUser } from '@cert/contracts';

/** The roles people sign in with. */
export type Role = SessionUser['role'];
/**
 * A bearer sign-in's answer, which carries the token. `expiresAt` is on the server's clock; `expiresInSeconds` is the
 * same end as a lifetime.
 */
export type StoredSession = Omit<SessionResponse, 'token' | 'csrfToken'> & { token: string };
/** As kept in the tab: with the end on this computer's clock, which may disagree with the server's by hours. */
type KeptSession = StoredSession & { endsLocallyAt: number };

const KEY = 'iasl.session';

/** Added to every sign-in request body (login, email-link redeem). */
export const SIGN_IN_EXTRAS: Record<string, string> = {};

export function loadSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as KeptSession;
    return session.endsLocallyAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  // Counted from arrival on this clock, never by comparing the server's `expiresAt` with it: a computer whose clock
  // is hours off would otherwise drop a fresh session at once (the server still decides; a 401 signs out).
  const kept: KeptSession = { ...session, endsLocallyAt: Date.now() + session.expiresInSeconds * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(kept));
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
