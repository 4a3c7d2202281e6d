import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { decryptField, encryptField, envelopeKeyId } from './field-cipher';
import { SubjectKeys } from './subject-keys';

/**
 * docs/DOMAIN.md, Evidence: a document's content is encrypted with a key of its own (AES-256-GCM), and that key, with
 * the content's IV and tag, is sealed under its owner's subject key: `dk:v1:<key id>:<…>`. Destroying the owner's key
 * (an erasure) leaves the content unreadable in the blob store and in every backup of it. The sealed key is not a
 * `pii:` envelope, so reading the event through PrivateEventStore leaves it sealed: only the document's own download
 * opens it, never a timeline, a history or an export.
 */
const PREFIX = 'dk:v1:';
const IV_BYTES = 12;

type ContentKey = { key: Buffer; iv: Buffer; tag: Buffer };

export type EncryptingStream = {
  /** Plaintext in, ciphertext out. */
  stream: Transform;
  /** Once the stream has ended: the content key sealed under the subject's key, as the event records it. */
  seal: (keys: SubjectKeys, subjectId: string) => Promise<string>;
};

export function encryptDocument(): EncryptingStream {
  const key = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return {
    stream: cipher,
    seal: async (keys, subjectId) => {
      const { keyId, key: subjectKey } = await keys.keyFor(subjectId);
      const secret = JSON.stringify({ k: key.toString('base64'), iv: iv.toString('base64'), t: cipher.getAuthTag().toString('base64') });
      return PREFIX + encryptField(secret, keyId, subjectKey).slice('pii:v1:'.length);
    },
  };
}

/** The content key, or null when it cannot be opened: its owner's key was destroyed (erased), or it is not a sealed key. */
export async function openContentKey(keys: SubjectKeys, sealed: string): Promise<ContentKey | null> {
  if (!sealed.startsWith(PREFIX)) return null;
  const envelope = `pii:v1:${sealed.slice(PREFIX.length)}`;
  const keyId = envelopeKeyId(envelope);
  const subjectKey = keyId ? await keys.keyById(keyId) : null;
  const secret = subjectKey ? decryptField(envelope, subjectKey) : null;
  if (!secret) return null;
  const { k, iv, t } = JSON.parse(secret) as { k: string; iv: string; t: string };
  return { key: Buffer.from(k, 'base64'), iv: Buffer.from(iv, 'base64'), tag: Buffer.from(t, 'base64') };
}

/**
 * Ciphertext in, plaintext out; null when the key cannot be opened. The tag is checked at the end of the stream: a
 * changed blob fails there (the stream errors), and audit verification names it by its stored hash before anyone reads it.
 */
export async function decryptDocument(keys: SubjectKeys, sealed: string): Promise<Transform | null> {
  const opened = await openContentKey(keys, sealed);
  if (!opened) return null;
  const decipher = createDecipheriv('aes-256-gcm', opened.key, opened.iv);
  decipher.setAuthTag(opened.tag);
  return decipher;
}
