import { randomBytes } from 'node:crypto';
import { decryptField, encryptField, envelopeKeyId, isEnvelope } from './field-cipher';

const keyId = 'a'.repeat(32);
const ivOf = (envelope: string) => Buffer.from(envelope.split(':')[3], 'base64url').subarray(0, 12).toString('hex');

describe('field cipher', () => {
  const key = randomBytes(32);

  it('given a field sealed under a key, when it is opened with that key, then the plaintext comes back', () => {
    const envelope = encryptField('Ada Lovelace', keyId, key);
    expect(isEnvelope(envelope)).toBe(true);
    expect(envelopeKeyId(envelope)).toBe(keyId);
    expect(envelope).not.toContain('Ada');
    expect(decryptField(envelope, key)).toBe('Ada Lovelace');
  });

  it('given a field sealed under a key, when another key tries to open it, then it does not open', () => {
    expect(decryptField(encryptField('Ada Lovelace', keyId, key), randomBytes(32))).toBeNull();
  });

  it('given the same text sealed 3,000 times (past the IV pool refills), then every envelope has an IV of its own', () => {
    const envelopes = Array.from({ length: 3000 }, () => encryptField('same text', keyId, key));
    expect(new Set(envelopes.map(ivOf)).size).toBe(3000);
    expect(envelopes.every((e) => decryptField(e, key) === 'same text')).toBe(true);
  });
});
