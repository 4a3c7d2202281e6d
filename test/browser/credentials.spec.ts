import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { Page } from 'playwright-core';
import { FixedClock } from '@cert/testing';
import { ratings, scores, surveyFor } from '../support/cycle-data';
import { qrModules } from '../../apps/api/src/credentials/credential-certificate.pdf';
import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { ApiSession, apiClient, signInByEmailLink } from './support/people';
import { AxeFinding, WebStack, a11yViolations, passwordAccount, startWebStack, writeAxeReport } from './support/web-stack';

/**
 * In a real browser (docs/DOMAIN.md, Verifiable credentials): a designated leader downloads the PDF certificate from
 * the application page; the certificate links the public verification page and shows that same URL as a QR code;
 * opened signed out, the page says the credential is valid. Pasting a copy with one changed character says forged.
 */
failWithoutPrerequisites();

jest.setTimeout(180_000);

const ALICE = { name: 'Dr. Alice Rivers', email: 'alice@riverside.edu', institution: 'Riverside STEM Academy' };

/**
 * The QR code a PDF draws, read back from its content: the filled squares of one size (the modules), placed on their
 * grid, as a matrix of dark cells. Only the certificate's QR code is drawn as many equal squares.
 */
function drawnQr(pdf: Buffer): boolean[][] {
  const raw = pdf.toString('latin1');
  const rects: number[][] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    for (const r of content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)) rects.push(r.slice(1, 5).map(Number));
  }
  const bySize = new Map<number, number[][]>();
  for (const r of rects) if (r[2] === r[3]) bySize.set(r[2], [...(bySize.get(r[2]) ?? []), r]);
  const [unit, modules] = [...bySize].sort((a, b) => b[1].length - a[1].length)[0];
  const x0 = Math.min(...modules.map((r) => r[0]));
  const y0 = Math.min(...modules.map((r) => r[1]));
  const cells = modules.map((r) => [Math.round((r[1] - y0) / unit), Math.round((r[0] - x0) / unit)]);
  const size = Math.max(...cells.flat()) + 1;
  const matrix = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  for (const [row, col] of cells) matrix[row][col] = true;
  return matrix;
}

describeWeb('verifiable credentials, in a real browser', () => {
  const clock = new FixedClock(`${new Date().toISOString().slice(0, 10)}T07:00:00.000Z`);
  let stack: WebStack;
  let applicant: Page;
  let applicationId = '';
  const axeLog: Record<string, unknown> = {};
  const a11yProblems: Record<string, AxeFinding[]> = {};

  beforeAll(async () => {
    stack = await startWebStack({ clock });
    const api = apiClient(stack);
    await passwordAccount(stack, 'staff', 'staff@iasl.org', { name: 'Sam Staff' });
    await passwordAccount(stack, 'board', 'chair@iasl.org', { name: 'Board Chair' });
    const north = await passwordAccount(stack, 'reviewer', 'north@review.org', { name: 'Rita North', institution: 'North College' });
    const east = await passwordAccount(stack, 'reviewer', 'east@review.org', { name: 'Eli East', institution: 'East University' });
    const staffApi = await api.login('staff@iasl.org');
    const boardApi = await api.login('chair@iasl.org');
    const aliceApi = await api.emailLink(ALICE.email);
    ({ applicationId } = await api.call<{ applicationId: string }>(
      'POST',
      '/applications',
      surveyFor(ALICE.name, ALICE.email, ALICE.institution),
      aliceApi,
    ));
    await api.call('POST', `/applications/${applicationId}/screening/accept`, {}, staffApi);
    await api.call('POST', `/applications/${applicationId}/assessment`, { ratings: ratings(3) }, aliceApi);
    await api.call('POST', `/applications/${applicationId}/reviewers`, { mode: 'manual', reviewerIds: [north.id, east.id] }, staffApi);
    for (const email of ['north@review.org', 'east@review.org']) {
      const reviewer: ApiSession = await api.login(email);
      await api.call('POST', `/applications/${applicationId}/scores`, { scores: scores(3), recommendation: 'CharterMembership' }, reviewer);
    }
    await api.call('POST', `/applications/${applicationId}/decision`, { outcome: 'CharterMembership' }, boardApi);
    await stack.settle();
  });

  afterAll(async () => {
    writeAxeReport(axeLog, 'axe-report-credentials.json');
    await stack?.close();
  });

  async function checkA11y(page: Page, label: string) {
    const found = await a11yViolations(page, label, axeLog);
    if (found.length > 0) a11yProblems[label] = found;
  }

  it('lets the leader download the certificate; its QR code and link open the verification page, which says valid', async () => {
    applicant = await signInByEmailLink(stack, ALICE.email);
    await applicant.goto(`/applications/${applicationId}`);
    const wallet = applicant.getByRole('region', { name: 'Your verifiable credentials' });
    const item = wallet.getByRole('listitem', { name: 'IASL Charter Membership' });
    await pwExpect(item.getByText('Valid')).toBeVisible();
    await checkA11y(applicant, 'applicant-credentials');

    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      item.getByRole('button', { name: 'Download certificate (PDF)' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The link annotation names the verification page of this credential.
    const links = [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    const url = links[0];
    expect(url).toMatch(new RegExp(`^${stack.baseUrl}/verify/[0-9a-f-]{36}$`));
    expect(new Set(links)).toEqual(new Set([url]));
    // And the QR code drawn is that URL's: read back from the page, module by module, it is the code that encodes it.
    expect(drawnQr(pdf)).toEqual(qrModules(url));

    const { page: visitor } = await stack.person();
    await visitor.goto(url);
    const verdict = visitor.getByRole('region', { name: 'Valid' });
    await pwExpect(verdict).toBeVisible();
    await pwExpect(verdict.getByText(/in good standing/)).toBeVisible();
    await pwExpect(verdict.getByText('Signature matches the content: yes')).toBeVisible();
    await checkA11y(visitor, 'public-verification-valid');
  });

  it('answers forged on the same page for a pasted copy with one character changed', async () => {
    const wallet = applicant.getByRole('region', { name: 'Your verifiable credentials' });
    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      wallet.getByRole('button', { name: 'Download credential (JSON)' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(text).type).toContain('OpenBadgeCredential');
    const changed = text.replace('Riverside STEM Academy', 'Riverside STEM Academz');
    const { page: visitor } = await stack.person();
    await visitor.goto('/verify');
    await visitor.getByRole('textbox', { name: 'The credential (JSON)' }).fill(changed);
    await visitor.getByRole('button', { name: 'Check it' }).click();
    await pwExpect(visitor.getByRole('region', { name: 'Not genuine (forged)' })).toBeVisible();
    await checkA11y(visitor, 'public-verification-forged');
    expect(a11yProblems).toEqual({});
    expect(stack.pageErrors).toEqual([]);
  });
});
