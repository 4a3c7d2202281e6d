import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as statusList from '@digitalbazaar/vc-bitstring-status-list';
import { offlineDocumentLoader } from '@cert/audit';
import { reviewToDecision, submitAccepted } from './support/lifecycle';
import { surveyFor } from './support/cycle-data';
import { binary, pdfText } from './support/pdf-text';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

type Credential = Record<string, unknown> & { id: string };
type WalletItem = { credentialId: string; title: string; status: string; verifyUrl: string; jsonUrl: string; pdfUrl: string };

/**
 * docs/DOMAIN.md, Verifiable credentials, over HTTP with a moving clock: a decided application's leader downloads an
 * Open Badges 3.0 credential that the libraries alone verify offline; a missed yearly update suspends it in the
 * status list; a renewal issues a new one and revokes the old as replaced; one changed character is forged; erasure
 * revokes and stops serving the document. Every issuance and change is an event on the status list's stream.
 */
describe('verifiable credentials over HTTP', () => {
  let t: TestApp;
  let staff: Session, board: Session, auditor: Session, north: Session, west: Session;
  let alpha: string, beta: string, renewal: string;
  let issued: Credential;

  beforeAll(async () => {
    t = await startApp({ now: '2026-06-01T09:00:00.000Z' });
    await signIn();
  });
  afterAll(() => t?.close());

  async function signIn() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College' });
    west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute' });
  }
  async function travel(iso: string) {
    t.clock.set(iso);
    await settle(t);
    await signIn();
  }
  const leader = (email: string) => signInByEmail(t, email);
  const wallet = async (id: string, who: Session): Promise<WalletItem[]> =>
    (await t.http().get(`/applications/${id}/credentials`).set(who.auth).expect(200)).body.items;
  const download = async (item: WalletItem, who: Session): Promise<Credential> => {
    const res = await t.http().get(item.jsonUrl).set(who.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    return JSON.parse((res.body as Buffer).toString('utf8')) as Credential;
  };
  const verify = async (credential: object) => (await t.http().post('/credentials/verify').send({ credential }).expect(200)).body;

  /**
   * A verifier with the libraries and nothing else: the issuer document and the status lists fetched once from the
   * engine, then every check offline (contexts from the bundled packages).
   */
  async function verifyWithLibraryAlone(credential: Credential) {
    const fetched = new Map<string, unknown>();
    const issuerDoc = (await t.http().get('/credentials/issuer').expect(200)).body;
    fetched.set(issuerDoc.id, issuerDoc);
    for (const key of issuerDoc.assertionMethod) fetched.set(key.id, key);
    for (const purpose of ['revocation', 'suspension']) {
      const list = (await t.http().get(`/credentials/status/${purpose}`).expect(200)).body;
      fetched.set(list.id, list);
    }
    const documentLoader = offlineDocumentLoader(fetched);
    const suite = new DataIntegrityProof({ cryptosuite });
    let bits: Record<string, boolean> = {};
    const result = await vc.verifyCredential({
      credential,
      suite,
      documentLoader,
      now: t.clock.now(),
      checkStatus: async ({ credential: c }) => {
        const status = await statusList.checkStatus({ credential: c, documentLoader, suite });
        bits = Object.fromEntries((status.results ?? []).map((r) => [r.credentialStatus.statusPurpose, r.status]));
        return status;
      },
    });
    return { verified: result.verified, bits };
  }

  async function designate(email: string, institution: string, level: number, outcome: 'CharterMembership' | 'ProgramOfExcellence') {
    const applicant = await leader(email);
    const id = await submitAccepted(t, applicant, staff, surveyFor(email, email, institution));
    await settle(t);
    await reviewToDecision(t, id, applicant, { staff, board, reviewers: [north, west] }, { level, outcome });
    await settle(t);
    return id;
  }

  it('issues a credential when the decision confers standing; the leader downloads it and the library alone verifies it offline', async () => {
    alpha = await designate('lead@alpha.edu', 'Alpha Academy', 3, 'CharterMembership');
    beta = await designate('lead@beta.edu', 'Beta Academy', 3, 'CharterMembership');
    const alice = await leader('lead@alpha.edu');
    const items = await wallet(alpha, alice);
    expect(items).toEqual([expect.objectContaining({ title: 'IASL Charter Membership', status: 'active' })]);
    expect(items[0].verifyUrl).toBe(`http://app.test/verify/${items[0].credentialId.replace('urn:uuid:', '')}`);
    issued = await download(items[0], alice);
    expect(issued.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(JSON.stringify(issued)).toContain('Alpha Academy');

    await expect(verifyWithLibraryAlone(issued)).resolves.toEqual({ verified: true, bits: { revocation: false, suspension: false } });
    await expect(verify(issued)).resolves.toMatchObject({
      verdict: 'valid',
      credentialId: issued.id,
      checks: { signature: true, issuerKey: true, matchesLog: true, statusList: 'clear' },
    });
    const byId = (
      await t
        .http()
        .get(`/credentials/${issued.id.replace('urn:uuid:', '')}/verification`)
        .expect(200)
    ).body;
    expect(byId.verdict).toBe('valid');

    // Listed in the who's who, the program shows the "verified" mark, linking to the same page; so does the book.
    await t
      .http()
      .put(`/applications/${alpha}/directory-listing`)
      .set(alice.auth)
      .send({ fields: ['institution', 'country', 'designationYear'] })
      .expect(200);
    await settle(t);
    const directory = (await t.http().get('/directory').expect(200)).body;
    expect(directory.entries).toEqual([expect.objectContaining({ institution: 'Alpha Academy', verifyUrl: items[0].verifyUrl })]);
    const book = await t.http().get('/directory/books/2026.pdf').buffer(true).parse(binary).expect(200);
    expect(pdfText(book.body as Buffer)).toContain(`Verified designation: ${items[0].verifyUrl}`);

    // The issuance is an event in the application's history as the auditor reads it.
    const history = (await t.http().get(`/audit/applications/${alpha}/history`).set(auditor.auth).expect(200)).body;
    expect(history.map((e: { type: string }) => e.type)).toContain('CredentialIssued');
  });

  it('answers forged for one changed character, and 400 for input that is not a credential', async () => {
    const text = JSON.stringify(issued);
    const at = text.indexOf('Alpha Academy');
    const changed = JSON.parse(`${text.slice(0, at)}B${text.slice(at + 1)}`);
    const verdict = await verify(changed);
    expect(verdict).toMatchObject({ verdict: 'forged', checks: { signature: false } });
    expect(verdict.reason).toMatch(/changed after IASL signed it/);
    await t.http().post('/credentials/verify').send({ credential: 'not json-ld' }).expect(400);
    await t.http().post('/credentials/verify').send([1, 2]).expect(400);
    await t.http().post('/credentials/verify').set('Content-Type', 'application/json').send('{"credential":').expect(400);
    await t.http().get('/credentials/status/everything').expect(400);
    await t.http().get('/credentials/not-a-uuid/verification').expect(400);
    await t.http().get('/credentials/00000000-0000-4000-8000-000000000000/verification').expect(404);
    expect(await verify({ id: 'urn:uuid:x', proof: 'none' })).toMatchObject({ verdict: 'forged' });
  });

  it('suspends the credential when the yearly update is missed (a moved clock), and verification says so', async () => {
    await travel('2027-07-31T09:00:01.000Z');
    const alice = await leader('lead@alpha.edu');
    expect((await wallet(alpha, alice))[0].status).toBe('suspended');
    await expect(verify(issued)).resolves.toMatchObject({ verdict: 'suspended', checks: { statusList: 'suspended', signature: true } });
    await expect(verifyWithLibraryAlone(issued)).resolves.toEqual({ verified: true, bits: { revocation: false, suspension: true } });
  });

  it('issues a new credential on renewal and revokes the old one as replaced', async () => {
    await travel('2030-06-02T09:00:00.000Z');
    const alice = await leader('lead@alpha.edu');
    renewal = (await t.http().post(`/applications/${alpha}/renewal`).set(alice.auth).expect(201)).body.renewalId;
    await settle(t);
    await reviewToDecision(t, renewal, alice, { staff, board, reviewers: [north, west] }, { level: 4, outcome: 'ProgramOfExcellence' });
    await settle(t);
    const renewed = await wallet(renewal, alice);
    expect(renewed).toEqual([expect.objectContaining({ title: 'STEM Program of Excellence', status: 'active' })]);
    expect((await wallet(alpha, alice))[0].status).toBe('replaced');
    const old = await verify(issued);
    expect(old).toMatchObject({ verdict: 'revoked', checks: { statusList: 'revoked' } });
    expect(old.reason).toContain(renewed[0].credentialId);
    const history = (await t.http().get(`/audit/applications/${alpha}/history`).set(auditor.auth).expect(200)).body;
    expect(history.map((e: { type: string }) => e.type).filter((type: string) => type.startsWith('Credential'))).toEqual([
      'CredentialIssued',
      'CredentialStatusChanged',
      'CredentialStatusChanged',
    ]);
    await expect(verify(await download(renewed[0], alice))).resolves.toMatchObject({ verdict: 'valid' });
  });

  it('revokes on erasure: the holder keeps their copy, which now verifies as revoked, and the engine serves it no more', async () => {
    const bea = await leader('lead@beta.edu');
    const [item] = await wallet(beta, bea);
    const held = await download(item, bea);
    await t.http().post('/privacy/erasures').set(staff.auth).send({ email: 'lead@beta.edu' }).expect(201);
    await settle(t);
    const verdict = await verify(held);
    expect(verdict).toMatchObject({ verdict: 'revoked', checks: { signature: true, matchesLog: true, statusList: 'revoked' } });
    expect(verdict.reason).toMatch(/erased/);
    const byId = (
      await t
        .http()
        .get(`/credentials/${held.id.replace('urn:uuid:', '')}/verification`)
        .expect(200)
    ).body;
    expect(byId).toMatchObject({ verdict: 'revoked' });
    expect(JSON.stringify(byId)).not.toContain('Beta Academy');
    await t.http().get(item.jsonUrl).set(staff.auth).expect(404);
  });
});
