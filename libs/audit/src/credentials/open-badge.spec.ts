import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { CredentialList, credentialListDecider } from '@cert/domain';
import { CredentialIssuer, credentialHash } from './credential-issuer';
import { BUNDLED_CONTEXTS, offlineDocumentLoader } from './document-loader';
import { BadgeFacts, openBadgeCredential } from './open-badge';
import { verifyCredential } from './verify-credential';

const PUBLIC_URL = 'https://certify.iasl.example';
const NOW = '2027-03-01T12:00:00.000Z';
const facts: BadgeFacts = {
  credentialId: 'urn:uuid:5b8f3c9e-1d2a-4f6b-9c1e-2a3b4c5d6e7f',
  statusListIndex: 0,
  achievement: 'ProgramOfExcellence',
  award: null,
  leaderName: 'Ada Lovelace',
  leaderEmail: 'ada@school.example',
  institution: 'Analytical Academy',
  reference: 'APP-2027-3F1C2A',
  rubricVersion: 'ic-map.v1',
  policyVersion: 'decision-policy.v1',
  validFrom: '2027-02-01T00:00:00.000Z',
  validUntil: '2030-02-01T00:00:00.000Z',
};

/** Every context URL a JSON-LD document names, at any depth. */
const contextUrls = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(contextUrls);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === '@context' ? [v].flat().filter((c): c is string => typeof c === 'string') : contextUrls(v),
  );
};

describe('Open Badges 3.0 credentials', () => {
  let dir: string;
  let issuer: CredentialIssuer;
  let signed: Record<string, unknown>;
  let list: CredentialList;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credential-key-'));
    issuer = await CredentialIssuer.open(join(dir, 'credential-key.pem'), PUBLIC_URL);
    signed = await issuer.sign(openBadgeCredential(PUBLIC_URL, facts));
    const issue = {
      type: 'IssueCredential' as const,
      data: {
        applicationId: 'app-1',
        credentialId: facts.credentialId,
        key: 'designation-app-1',
        kind: 'designation' as const,
        title: 'STEM Program of Excellence',
        statusListIndex: 0,
        sha256: credentialHash(signed),
        document: JSON.stringify(signed),
        supersedes: null,
      },
      metadata: { now: facts.validFrom, actor: { id: 'credentials', role: 'system' as const } },
    };
    list = credentialListDecider
      .decide(issue, credentialListDecider.initialState())
      .reduce(credentialListDecider.evolve, credentialListDecider.initialState());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('carries the fields Open Badges 3.0 requires of an OpenBadgeCredential and its Achievement', () => {
    expect(signed['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(signed.type).toEqual(expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(signed.id).toMatch(/^urn:uuid:/);
    expect(signed.name).toBe('STEM Program of Excellence');
    expect(signed.validFrom).toBe(facts.validFrom);
    expect(signed.issuer).toMatchObject({ id: `${PUBLIC_URL}/credentials/issuer`, type: ['Profile'], name: expect.any(String) });
    const subject = signed.credentialSubject as Record<string, unknown>;
    expect(subject.type).toEqual(['AchievementSubject']);
    expect(subject.identifier).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'IdentityObject', hashed: true })]));
    expect(JSON.stringify(signed)).not.toContain(facts.leaderEmail);
    const achievement = subject.achievement as Record<string, unknown>;
    expect(achievement).toMatchObject({
      id: expect.stringMatching(/^https:/),
      type: ['Achievement'],
      name: expect.any(String),
      description: expect.any(String),
    });
    expect((achievement.criteria as { narrative: string }).narrative).toContain('ic-map.v1');
    expect((achievement.criteria as { narrative: string }).narrative).toContain('decision-policy.v1');
    expect(signed.credentialStatus).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '0' }),
      ]),
    );
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
  });

  it('names only contexts that resolve from the bundled packages, without the network', async () => {
    const urls = [...new Set([...contextUrls(signed), ...contextUrls(issuer.issuerDocument())])];
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(BUNDLED_CONTEXTS.has(url)).toBe(true);
    const load = offlineDocumentLoader();
    await expect(load('https://example.org/remote-context.jsonld')).rejects.toThrow(/not available offline/);
  });

  it('verifies with the library alone, offline, given the issuer document', async () => {
    const documentLoader = offlineDocumentLoader(
      new Map([
        [issuer.issuerId, issuer.issuerDocument()],
        [issuer.verificationMethod, issuer.keyDocument],
      ]),
    );
    const result = await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
      now: new Date(NOW),
      checkStatus: async () => ({ verified: true }),
    });
    expect(result.verified).toBe(true);
  });

  it('answers valid for the credential as issued, forged for one changed character', async () => {
    await expect(verifyCredential(signed, issuer, list, NOW)).resolves.toMatchObject({
      verdict: 'valid',
      checks: { signature: true, matchesLog: true },
    });
    const changed = JSON.parse(JSON.stringify(signed).replace('Analytical Academy', 'Analytical Academz'));
    const verdict = await verifyCredential(changed, issuer, list, NOW);
    expect(verdict).toMatchObject({ verdict: 'forged', checks: { signature: false } });
    expect(verdict.reason).toMatch(/signature does not match/);
  });

  it('answers forged for a genuine signature the log does not know, and for another key', async () => {
    const unknown = await issuer.sign(
      openBadgeCredential(PUBLIC_URL, { ...facts, credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
    );
    await expect(verifyCredential(unknown, issuer, list, NOW)).resolves.toMatchObject({
      verdict: 'forged',
      reason: expect.stringMatching(/log records no credential/),
    });
    const other = await CredentialIssuer.open(join(dir, 'other-key.pem'), PUBLIC_URL);
    const foreign = await other.sign(openBadgeCredential(PUBLIC_URL, facts));
    await expect(verifyCredential(foreign, issuer, list, NOW)).resolves.toMatchObject({ verdict: 'forged', checks: { issuerKey: false } });
  });

  it('reads the status list: suspended, then revoked as replaced', async () => {
    const meta = { now: '2028-05-01T00:00:00.000Z', actor: { id: 'credentials', role: 'system' as const } };
    const change = (s: CredentialList, to: 'suspended' | 'replaced') =>
      credentialListDecider
        .decide(
          { type: 'ChangeCredentialStatus', data: { applicationId: 'app-1', kind: 'designation', to, because: 'test' }, metadata: meta },
          s,
        )
        .reduce(credentialListDecider.evolve, s);
    const suspended = change(list, 'suspended');
    await expect(verifyCredential(signed, issuer, suspended, NOW)).resolves.toMatchObject({
      verdict: 'suspended',
      checks: { statusList: 'suspended' },
    });
    await expect(verifyCredential(signed, issuer, change(suspended, 'replaced'), NOW)).resolves.toMatchObject({
      verdict: 'revoked',
      checks: { statusList: 'revoked' },
    });
  });
});
