import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/** 32 random bytes: unguessable, and short enough for a link. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored as their SHA-256 only, so a leaked database holds no usable session or link. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// The option's type `Algorithm` is a const enum whose runtime object is empty, so swc cannot inline it: spell out 2
// (= Argon2id).
// Cost parameters are the OWASP minimum for Argon2id (19 MiB, t=2, p=1).
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

// A real hash of nothing anyone knows, computed once: checked when the email has no password,
// so a login for an unknown account costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(await (dummyHash ??= hashPassword(newToken())), password);
    return false;
  }
  return verify(storedHash, password);
}
