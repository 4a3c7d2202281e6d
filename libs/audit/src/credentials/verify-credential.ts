import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as statusList from '@digitalbazaar/vc-bitstring-status-list';
import { CredentialList, CredentialStatus, IssuedCredential, STATUS_LIST_LENGTH } from '@cert/domain';
import { CredentialIssuer, STATUS_PURPOSES, StatusPurpose, credentialHash, credentialUrls } from './credential-issuer';
import { offlineDocumentLoader } from './document-loader';

export type Verdict = 'valid' | 'suspended' | 'expired' | 'revoked' | 'forged';
export type CredentialVerification = {
  verdict: Verdict;
  /** The reason in plain words. */
  reason: string;
  credentialId: string | null;
  title: string | null;
  issuedAt: string | null;
  checks: { signature: boolean; issuerKey: boolean; matchesLog: boolean; statusList: 'clear' | 'suspended' | 'revoked' | 'not checked' };
};

const REVOKED: readonly CredentialStatus[] = ['expired', 'replaced', 'withdrawn', 'erased'];

/** The indexes whose bit is set in the list of `purpose`: ended credentials are revoked, suspended ones suspended. */
export const statusIndexes = (list: CredentialList, purpose: StatusPurpose): number[] =>
  Object.values(list.byId)
    .filter((c) => (purpose === 'revocation' ? REVOKED.includes(c.status) : c.status === 'suspended'))
    .map((c) => c.statusListIndex);

/** Both status list credentials as the engine publishes them now. */
export async function signedStatusLists(issuer: CredentialIssuer, list: CredentialList): Promise<Map<string, unknown>> {
  const urls = credentialUrls(issuer.publicUrl);
  const lists = await Promise.all(
    STATUS_PURPOSES.map(
      async (p) => [urls.statusList(p), await issuer.signStatusList(p, STATUS_LIST_LENGTH, statusIndexes(list, p))] as const,
    ),
  );
  return new Map(lists);
}

const day = (iso: string) => iso.slice(0, 10);

const whyEnded = (c: IssuedCredential): { verdict: Verdict; reason: string } => {
  const when = c.changedAt ? ` on ${day(c.changedAt)}` : '';
  switch (c.status) {
    case 'active':
      return { verdict: 'valid', reason: `Issued by IASL on ${day(c.issuedAt)}, signature intact, and in good standing.` };
    case 'suspended':
      return { verdict: 'suspended', reason: `Suspended${when}: the yearly progress update was not received in time.` };
    case 'expired':
      return { verdict: 'expired', reason: `Expired${when}: the designation's term ended without renewal.` };
    case 'replaced':
      return {
        verdict: 'revoked',
        reason: `Revoked${when}: replaced by the credential of its renewal (${c.replacedBy ?? 'newer credential'}).`,
      };
    case 'withdrawn':
      return { verdict: 'revoked', reason: `Revoked${when}: the decision it stood on was changed on appeal.` };
    case 'erased':
      return { verdict: 'revoked', reason: `Revoked${when}: the holder's personal data was erased at their request.` };
  }
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | null => (typeof v === 'string' ? v : isObject(v) && typeof v.id === 'string' ? v.id : null);

/**
 * docs/DOMAIN.md, Verifiable credentials: whether a presented credential is IASL's and in good standing. The Data
 * Integrity proof and the status lists are checked by the libraries with an offline loader that knows only IASL's key;
 * then the credential must be the very one the log recorded (its id, and the hash in its issuing event).
 */
export async function verifyCredential(
  presented: Record<string, unknown>,
  issuer: CredentialIssuer,
  list: CredentialList,
  now: string,
): Promise<CredentialVerification> {
  const credentialId = typeof presented.id === 'string' ? presented.id : null;
  const title = typeof presented.name === 'string' ? presented.name : null;
  const checks: CredentialVerification['checks'] = { signature: false, issuerKey: false, matchesLog: false, statusList: 'not checked' };
  const forged = (reason: string): CredentialVerification => ({ verdict: 'forged', reason, credentialId, title, issuedAt: null, checks });
  const proof = presented.proof;
  if (!isObject(proof)) return forged('It carries no proof: nothing shows IASL issued it.');
  checks.issuerKey = idOf(presented.issuer) === issuer.issuerId && proof.verificationMethod === issuer.verificationMethod;
  if (!checks.issuerKey) return forged("It was not signed with IASL's issuer key.");

  const lists = await signedStatusLists(issuer, list);
  const documentLoader = offlineDocumentLoader(new Map([...issuer.documents(), ...lists]));
  const suite = new DataIntegrityProof({ cryptosuite });
  let bits: { purpose: string; set: boolean }[] = [];
  // The dates are judged below against the log; the library is asked about the signature at a moment inside the
  // credential's validity, so an expired credential still shows whether it is genuine.
  const validUntil = typeof presented.validUntil === 'string' ? Date.parse(presented.validUntil) : NaN;
  const at = new Date(Math.min(Date.parse(now), Number.isNaN(validUntil) ? Infinity : validUntil - 1000));
  let result: Awaited<ReturnType<typeof vc.verifyCredential>>;
  try {
    result = await vc.verifyCredential({
      credential: presented,
      suite,
      documentLoader,
      now: at,
      checkStatus: async ({ credential }) => {
        const status = await statusList.checkStatus({ credential, documentLoader, suite, verifyMatchingIssuers: true });
        bits = (status.results ?? []).map((r) => ({ purpose: r.credentialStatus.statusPurpose, set: r.status }));
        return { verified: status.verified, error: status.error };
      },
    });
  } catch {
    return forged('It is not a well-formed verifiable credential.');
  }
  if (!result.verified) {
    const statusFailed = bits.length === 0 && (result.error?.errors ?? []).some((e) => /status/i.test(String(e?.message)));
    return forged(
      statusFailed
        ? "Its status entry does not point at IASL's status lists."
        : 'The signature does not match its content: it was changed after IASL signed it, or IASL never signed it.',
    );
  }
  checks.signature = true;
  checks.statusList = bits.some((b) => b.purpose === 'revocation' && b.set)
    ? 'revoked'
    : bits.some((b) => b.purpose === 'suspension' && b.set)
      ? 'suspended'
      : 'clear';

  const issued = credentialId ? list.byId[credentialId] : undefined;
  if (!issued) return forged("IASL's log records no credential with this id.");
  checks.matchesLog = issued.sha256 === credentialHash(presented);
  if (!checks.matchesLog) return forged('It differs from the credential recorded in the log when IASL issued it.');
  const standing = whyEnded(issued);
  // A term over while the expiry timer has not run yet is over all the same.
  if (standing.verdict === 'valid' && !Number.isNaN(validUntil) && validUntil <= Date.parse(now))
    return {
      verdict: 'expired',
      reason: `Expired on ${day(presented.validUntil as string)}: the term it was issued for ended.`,
      credentialId,
      title,
      issuedAt: issued.issuedAt,
      checks,
    };
  return { ...standing, credentialId, title: issued.title, issuedAt: issued.issuedAt, checks };
}
