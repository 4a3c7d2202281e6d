import { KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SignedCheckpoint } from '@cert/domain';

export type UnsignedCheckpoint = Omit<SignedCheckpoint, 'signature'>;

/**
 * The bytes a checkpoint's signature covers: every field but the signature, in a fixed order, as UTF-8 JSON of an
 * array (so no key order to agree on). GET /audit/checkpoints states the same form for offline checks.
 */
export const checkpointPayload = (c: UnsignedCheckpoint): Buffer =>
  Buffer.from(JSON.stringify(['iasl-checkpoint-v1', c.position, c.globalHash, c.at, c.keyId, c.after, c.hashes]), 'utf8');

/** The SHA-256 fingerprint of a public key (its DER SubjectPublicKeyInfo), hex: the key id checkpoints carry. */
export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

const HEX64 = /^[0-9a-f]{64}$/;

/** A value read from outside (a witness line, a stored event) that has the shape of a signed checkpoint; nothing more is trusted. */
export function isCheckpointShape(value: unknown): value is SignedCheckpoint {
  const c = value as Partial<SignedCheckpoint> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.position === 'string' &&
    /^\d{1,20}$/.test(c.position) &&
    typeof c.globalHash === 'string' &&
    HEX64.test(c.globalHash) &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    (c.after === null || (typeof c.after === 'string' && /^\d{1,20}$/.test(c.after))) &&
    Array.isArray(c.hashes) &&
    c.hashes.every((h) => typeof h === 'string') &&
    typeof c.signature === 'string'
  );
}

/** The public half: checks checkpoints. Anyone holding the PEM can do the same offline. */
export class CheckpointKey {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(readonly publicKey: KeyObject) {
    this.keyId = keyIdOf(publicKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  static fromPem(pem: string): CheckpointKey {
    return new CheckpointKey(createPublicKey(pem));
  }

  /** True only for a checkpoint signed by this key over exactly these fields. */
  verify(c: SignedCheckpoint): boolean {
    if (c.keyId !== this.keyId) return false;
    const { signature, ...fields } = c;
    try {
      return verify(null, checkpointPayload(fields), this.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }
}

/**
 * docs/DOMAIN.md, What auditors need: the Ed25519 key that signs checkpoints, in a file of its own (never in the log's
 * database, so whoever can write the log alone cannot sign). node:crypto does the signing.
 */
export class CheckpointSigner extends CheckpointKey {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly path: string,
    readonly created: boolean,
  ) {
    super(createPublicKey(privateKey));
  }

  /** The key at `path`, or a new one written there (see openOrCreateEd25519Key). */
  static openOrCreate(path: string): CheckpointSigner {
    const { privateKey, created } = openOrCreateEd25519Key(path, 'checkpoint');
    return new CheckpointSigner(privateKey, path, created);
  }

  sign(c: UnsignedCheckpoint): SignedCheckpoint {
    return { ...c, signature: sign(null, checkpointPayload(c), this.privateKey).toString('base64') };
  }
}

/**
 * The Ed25519 private key at `path`, or a new one written there (PKCS#8 PEM, mode 0600) when there is none. Written
 * with O_EXCL, so two processes starting at once end up with the one key: the loser reads the winner's. The checkpoint
 * key and the credential issuer's key are each kept this way, in a file of their own outside the log's database.
 */
export function openOrCreateEd25519Key(path: string, what: string): { privateKey: KeyObject; created: boolean } {
  try {
    return { privateKey: createPrivateKey(readFileSync(path)), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`the ${what} key at ${path} cannot be read: ${String(error)}`);
  }
  mkdirSync(dirname(path), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return openOrCreateEd25519Key(path, what);
    throw error;
  }
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { privateKey, created: true };
}
