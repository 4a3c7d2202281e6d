import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One encrypted field as the log stores it: `pii:v1:<key id>:<base64url(iv | tag | ciphertext)>`, AES-256-GCM with
 * the key id as associated data. The key id says which key opens it; the key itself is only in the key store.
 * A field under two keys is an envelope whose plaintext is another envelope.
 */
const ENVELOPE = /^pii:v1:([0-9a-f]{32}):([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const isEnvelope = (value: unknown): value is string => typeof value === 'string' && ENVELOPE.test(value);

/**
 * IVs are taken from a pool of CSPRNG bytes filled 1,024 IVs at a time, as Node's randomUUID buffers its entropy: a
 * randomBytes call per field showed in the api's profile under load (bench/NOTES.md, Figures recorded in code
 * comments), since a saved assessment draft seals every indicator's evidence. Each IV is still 96 fresh random bits
 * used once; IVs are not secret (every envelope carries its own).
 */
const IV_POOL_BYTES = IV_BYTES * 1024;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

export function encryptField(plain: string, keyId: string, key: Buffer): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `pii:v1:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export const envelopeKeyId = (envelope: string): string | null => ENVELOPE.exec(envelope)?.[1] ?? null;

const PREFIX = 'pii:v1:';
/**
 * Where an envelope's key id would be, without checking the rest: enough to look up an envelope that was checked
 * and opened before (the full check scans the whole ciphertext and was the largest cost of a read once decryption
 * was remembered). Null for a string that cannot be an envelope.
 */
export const keyIdSlot = (value: string): string | null =>
  value.startsWith(PREFIX) ? value.slice(PREFIX.length, PREFIX.length + 32) : null;

/** The plaintext, or null when the key does not open it (a wrong or replaced key: treated as erased). */
export function decryptField(envelope: string, key: Buffer): string | null {
  const match = ENVELOPE.exec(envelope);
  if (!match) return null;
  const raw = Buffer.from(match[2], 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(match[1]));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * Applies `f` to every string at `path` in `data` (dots into objects, `[]` over arrays), returning a copy;
 * missing branches and non-string leaves are left as they are.
 */
export function mapPath(data: unknown, path: string, f: (value: string) => string): unknown {
  const [head, ...rest] = path.split('.');
  const tail = rest.join('.');
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  if (!(key in record)) return data;
  const at = (value: unknown): unknown => (tail ? mapPath(value, tail, f) : typeof value === 'string' ? f(value) : value);
  const value = record[key];
  const next = isArray ? (Array.isArray(value) ? value.map(at) : value) : at(value);
  return { ...record, [key]: next };
}
