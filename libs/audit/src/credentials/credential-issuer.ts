import { KeyObject, createHash } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as statusList from '@digitalbazaar/vc-bitstring-status-list';
import { openOrCreateEd25519Key } from '../checkpoints/checkpoint-key';
import { MULTIKEY_CONTEXT, SECURITY_CONTEXT, offlineDocumentLoader } from './document-loader';
import { canonicalJson } from '@cert/event-store';

export type StatusPurpose = 'revocation' | 'suspension';
export const STATUS_PURPOSES: readonly StatusPurpose[] = ['revocation', 'suspension'];

/** Where the engine publishes what a verifier needs, under PUBLIC_URL (docs/DOMAIN.md, Verifiable credentials). */
export const credentialUrls = (publicUrl: string) => ({
  issuer: `${publicUrl}/credentials/issuer`,
  statusList: (purpose: StatusPurpose) => `${publicUrl}/credentials/status/${purpose}`,
  verification: (credentialId: string) => `${publicUrl}/verify/${encodeURIComponent(credentialId)}`,
  achievement: (slug: string) => `${publicUrl}/credentials/achievements/${slug}`,
});

/** SHA-256 (hex) of a credential's canonical JSON: the same for any copy that differs only in spacing or key order. */
export const credentialHash = (credential: unknown): string => createHash('sha256').update(canonicalJson(credential)).digest('hex');

/** An Ed25519 PKCS#8 private key's 32-byte seed: the last 32 bytes of its DER form (RFC 8410). */
const seedOf = (privateKey: KeyObject): Uint8Array => new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }).subarray(-32));

/**
 * IASL as an issuer of Open Badges 3.0 credentials: its Ed25519 key (a file of its own, CREDENTIAL_KEY_PATH, never
 * in the log's database), the controller document that publishes the public half, and Data Integrity proofs
 * (`eddsa-rdfc-2022`) made and checked by the Digital Bazaar libraries.
 */
export class CredentialIssuer {
  private constructor(
    readonly publicUrl: string,
    private readonly keyPair: Ed25519Multikey.Ed25519KeyPair,
    readonly keyDocument: Record<string, unknown>,
    readonly path: string,
    readonly created: boolean,
  ) {}

  static async open(path: string, publicUrl: string): Promise<CredentialIssuer> {
    const { privateKey, created } = openOrCreateEd25519Key(path, 'credential');
    const controller = credentialUrls(publicUrl).issuer;
    const probe = await Ed25519Multikey.generate({ seed: seedOf(privateKey) });
    const keyPair = await Ed25519Multikey.generate({
      seed: seedOf(privateKey),
      id: `${controller}#${probe.publicKeyMultibase}`,
      controller,
    });
    const keyDocument = await keyPair.export({ publicKey: true, includeContext: true });
    return new CredentialIssuer(publicUrl, keyPair, keyDocument, path, created);
  }

  get issuerId(): string {
    return credentialUrls(this.publicUrl).issuer;
  }

  get verificationMethod(): string {
    return this.keyPair.id;
  }

  /**
   * What GET /credentials/issuer answers: IASL's controller document, naming the key that may assert credentials.
   * A verifier loads it to find the public key of a proof's verificationMethod.
   */
  issuerDocument(): Record<string, unknown> {
    return {
      '@context': [MULTIKEY_CONTEXT, SECURITY_CONTEXT],
      id: this.issuerId,
      assertionMethod: [this.keyDocument],
    };
  }

  /** The issuer's own documents, for a loader that resolves them offline. */
  documents(): Map<string, unknown> {
    return new Map<string, unknown>([
      [this.issuerId, this.issuerDocument()],
      [this.verificationMethod, this.keyDocument],
    ]);
  }

  async sign(credential: Record<string, unknown>, documents: ReadonlyMap<string, unknown> = new Map()): Promise<Record<string, unknown>> {
    const suite = new DataIntegrityProof({ signer: this.keyPair.signer(), cryptosuite });
    const documentLoader = offlineDocumentLoader(new Map([...this.documents(), ...documents]));
    return vc.issue({ credential, suite, documentLoader });
  }

  /**
   * The status list credential of one purpose, its bits set at `indexes`, signed when asked for. It states no
   * validFrom: verifiers judge it at their own time, and it is always the list as of now.
   */
  async signStatusList(purpose: StatusPurpose, length: number, indexes: readonly number[]): Promise<Record<string, unknown>> {
    const list = await statusList.createList({ length });
    for (const index of indexes) list.setStatus(index, true);
    const unsigned = await statusList.createCredential({
      id: credentialUrls(this.publicUrl).statusList(purpose),
      list,
      statusPurpose: purpose,
    });
    return this.sign({ ...unsigned, issuer: this.issuerId });
  }
}
