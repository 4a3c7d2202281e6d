import { HOUR } from './user';

/** A set-password link is for a person setting up or resetting an account: give them a working day. */
export const SET_PASSWORD_TTL = 24 * HOUR;

// The web UI's pages that redeem these tokens; the api, its bootstrap and the CLI all print the same shape.
export const setPasswordUrl = (publicUrl: string, token: string) => `${publicUrl}/set-password?token=${token}`;
export const signInUrl = (publicUrl: string, token: string) => `${publicUrl}/sign-in?token=${token}`;
