import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { FixedClock } from '@cert/testing';
import { CODES, ratings, scores, surveyFor } from '../support/cycle-data';
import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { ApiSession, apiClient, signInWithPassword } from './support/people';
import { AxeFinding, WebStack, a11yViolations, passwordAccount, screenshot, startWebStack, writeAxeReport } from './support/web-stack';

/**
 * In a real browser (docs/DOMAIN.md, Personal data and the record of reasons): staff erase a leader on the erasure
 * page, after a declaration, and read what went now and which record of reasons is kept, until when and why; the
 * auditor's page of that application shows the record: every reason, whose keys seal it and how it reads. The decision
 * is seeded over the API. Before the erasure, staff's and the auditor's application pages list the leader's evidence
 * documents per indicator (name, type, size, SHA-256); after it, they say the documents were erased and when. Axe runs on
 * each page (the auditor's home and application, staff's application and erasure pages) at 1280 and at 390 px wide,
 * and none may have a violation of any impact.
 */
failWithoutPrerequisites();

jest.setTimeout(120_000);

const TODAY = new Date().toISOString().slice(0, 10);
const FINAL_AT = new Date(Date.parse(`${TODAY}T07:00:00.000Z`) + 31 * 86_400_000).toISOString();
const KEPT_UNTIL = `${Number(FINAL_AT.slice(0, 4)) + 7}${FINAL_AT.slice(4, 10)}`;
const LEADER = { name: 'Dr. Nia Erased', email: 'nia@erase.example', institution: 'Erasure Academy' };
const JUSTIFICATION = 'The board finds the robotics practice not yet school-wide, against the recommendation.';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describeWeb('the record of reasons, in a real browser', () => {
  const clock = new FixedClock(`${TODAY}T07:00:00.000Z`);
  let stack: WebStack;
  const axeLog: Record<string, unknown> = {};
  const a11yProblems: Record<string, AxeFinding[]> = {};
  let applicationId = '';
  let reference = '';
  let pdfHash = '';

  /**
   * Axe (as the other browser specs run it) and a screenshot at the desktop width, then at a phone's. `exclude` leaves
   * out a part of the page this work did not change: the auditor's events table scrolls sideways on a phone, which
   * reflowing tables for phones is to change.
   */
  async function checkBothWidths(page: Page, label: string, exclude?: string) {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      const name = `${label}-${width}`;
      const found = exclude ? await axeExcluding(page, name, exclude) : await a11yViolations(page, name, axeLog);
      if (found.length > 0) a11yProblems[name] = found;
      await screenshot(page, name);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function axeExcluding(page: Page, label: string, exclude: string): Promise<AxeFinding[]> {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .exclude(exclude)
      .analyze();
    const found = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
    axeLog[label] = { url: page.url(), excluded: exclude, passes: result.passes.length, violations: found };
    return found;
  }

  beforeAll(async () => {
    stack = await startWebStack({ clock });
    const api = apiClient(stack);
    await passwordAccount(stack, 'staff', 'staff@iasl.org', { name: 'Sam Staff' });
    await passwordAccount(stack, 'board', 'chair@iasl.org', { name: 'Board Chair' });
    await passwordAccount(stack, 'auditor', 'auditor@iasl.org', { name: 'Ada Auditor' });
    const north = await passwordAccount(stack, 'reviewer', 'north@review.org', { name: 'Rita North', institution: 'North College' });
    const east = await passwordAccount(stack, 'reviewer', 'east@review.org', { name: 'Eli East', institution: 'East University' });

    const staffApi = await api.login('staff@iasl.org');
    const boardApi = await api.login('chair@iasl.org');
    const leaderApi = await api.emailLink(LEADER.email);
    ({ applicationId } = await api.call<{ applicationId: string }>(
      'POST',
      '/applications',
      surveyFor(LEADER.name, LEADER.email, LEADER.institution),
      leaderApi,
    ));
    ({ reference } = await api.call<{ reference: string }>('GET', `/applications/${applicationId}`, undefined, staffApi));
    await api.call('POST', `/applications/${applicationId}/screening/accept`, {}, staffApi);
    let lastPosition = '';
    for (const [indicator, bytes, name] of [
      [CODES[0], PDF, 'Leadership minutes.pdf'],
      [CODES[1], PNG, 'Robotics lab.png'],
    ] as const) {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(
        `${stack.baseUrl}/applications/${applicationId}/evidence/documents?purpose=assessment&indicator=${encodeURIComponent(indicator)}`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${leaderApi.token}` },
          body: form,
        },
      );
      if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
      lastPosition = ((await res.json()) as { position: string }).position;
    }
    // Read after the uploads' own position: the list comes from read models that may trail the log for a moment.
    pdfHash = (
      await api.call<{ sha256: string }[]>('GET', `/applications/${applicationId}/evidence?after=${lastPosition}`, undefined, staffApi)
    )[0].sha256;
    await api.call('POST', `/applications/${applicationId}/assessment`, { ratings: ratings(4) }, leaderApi);
    await api.call('POST', `/applications/${applicationId}/reviewers`, { mode: 'manual', reviewerIds: [north.id, east.id] }, staffApi);
    for (const email of ['north@review.org', 'east@review.org']) {
      const reviewer: ApiSession = await api.login(email);
      await api.call(
        'POST',
        `/applications/${applicationId}/scores`,
        { scores: scores(4), recommendation: 'ProgramOfExcellence' },
        reviewer,
      );
    }
    await stack.settle();
    await api.call('POST', `/applications/${applicationId}/decision`, { outcome: 'NotYetReady', justification: JUSTIFICATION }, boardApi);
    await stack.settle();
    // The appeal window closes: the decision is final and the record's retention runs from it.
    clock.set(FINAL_AT);
    await stack.settle();
  });

  afterAll(async () => {
    writeAxeReport(axeLog, 'axe-report-record-of-reasons.json');
    await stack?.close();
  });

  it("lists the leader's evidence documents on staff's and the auditor's application pages: name, type, size and SHA-256", async () => {
    const staff = await signInWithPassword(stack, 'staff@iasl.org');
    await staff.goto(`/staff/applications/${applicationId}`);
    const evidence = staff.getByRole('region', { name: 'Evidence documents' });
    await pwExpect(evidence.getByText('Leadership minutes.pdf')).toBeVisible();
    await pwExpect(evidence.getByText(`(PDF, ${PDF.length} bytes)`)).toBeVisible();
    await pwExpect(evidence.getByText(pdfHash)).toBeVisible();
    await pwExpect(evidence.getByRole('button', { name: 'Preview Robotics lab.png' })).toBeVisible();
    await checkBothWidths(staff, 'staff-application-evidence');

    const auditor = await signInWithPassword(stack, 'auditor@iasl.org');
    await checkBothWidths(auditor, 'auditor-home');
    await auditor.goto(`/auditor/applications/${applicationId}`);
    const listed = auditor.getByRole('region', { name: 'Evidence documents' });
    await pwExpect(listed.getByRole('button', { name: 'Download Leadership minutes.pdf' })).toBeVisible();
    await pwExpect(listed.getByText(pdfHash)).toBeVisible();
    await checkBothWidths(auditor, 'auditor-application-evidence');
  });

  it('lets staff erase a leader after a declaration, and says what went now and what is kept until when', async () => {
    const staff = await signInWithPassword(stack, 'staff@iasl.org');
    await staff.getByRole('link', { name: 'Erasure' }).click();
    await pwExpect(staff.getByRole('heading', { name: "Erase a person's data", level: 1 })).toBeVisible();
    await staff.getByRole('button', { name: 'Erase their data' }).click();
    await pwExpect(staff.getByText('Enter the email address the person is known by, like name@school.org')).toBeVisible();
    await pwExpect(staff.getByText('Confirm you have checked who is asking and that this cannot be undone')).toBeVisible();
    await checkBothWidths(staff, 'staff-erasure-form');

    await staff.getByRole('textbox', { name: /Email address/ }).fill(LEADER.email);
    await staff.getByRole('checkbox', { name: /I have checked that this request comes from the person/ }).check();
    await staff.getByRole('button', { name: 'Erase their data' }).click();
    const result = staff.getByRole('region', { name: 'Erased' });
    await pwExpect(result.getByText(/^Their identity: name, contact email and institution name/)).toBeVisible();
    const row = result.getByRole('row', { name: new RegExp(reference) });
    await pwExpect(row.getByText(`Kept until ${KEPT_UNTIL}: 7 years after the final decision (decision-policy.v1).`)).toBeVisible();
    await pwExpect(row.getByText('Their application')).toBeVisible();
    await pwExpect(result.getByText(/kept after the applicant’s or a reviewer’s erasure/)).toBeVisible();
    await checkBothWidths(staff, 'staff-erasure-result');
  });

  it("shows the auditor the application's record of reasons: kept, until when, each reason and how it reads", async () => {
    const auditor = await signInWithPassword(stack, 'auditor@iasl.org');
    await auditor.goto(`/auditor/applications/${applicationId}`);
    const record = auditor.getByRole('region', { name: 'Record of reasons' });
    await pwExpect(record.getByText(`Kept until ${KEPT_UNTIL}: 7 years after the final decision (decision-policy.v1).`)).toBeVisible();
    await pwExpect(record.getByRole('row', { name: /Board's justification/ })).toBeVisible();
    await pwExpect(record.getByRole('row', { name: /Reviewer's comments \(16\)/ })).toHaveCount(2);
    await pwExpect(record.getByText("33 kept, 0 shredded, 0 erased with a person, 0 under people's keys")).toBeVisible();
    // The board's justification still reads in the history after the leader's erasure.
    await pwExpect(auditor.getByRole('cell', { name: `justification: ${JUSTIFICATION}` })).toBeVisible();
    // His documents went with him: the list says so and when, and offers nothing to open.
    const evidence = auditor.getByRole('region', { name: 'Evidence documents' });
    await pwExpect(evidence.getByText(/^The applicant’s documents and links were erased on .* UTC with their personal data/)).toBeVisible();
    await pwExpect(evidence.getByText(/^Erased on .* UTC with the applicant’s personal data/)).toHaveCount(2);
    await pwExpect(evidence.getByText(pdfHash)).toBeVisible();
    await pwExpect(evidence.getByRole('button', { name: /^Download/ })).toHaveCount(0);
    await checkBothWidths(auditor, 'auditor-record-of-reasons');

    const staff = await signInWithPassword(stack, 'staff@iasl.org');
    await staff.goto(`/staff/applications/${applicationId}`);
    await pwExpect(staff.getByRole('region', { name: 'Evidence documents' }).getByText(/^Erased on /)).toHaveCount(2);
    await checkBothWidths(staff, 'staff-application-erased');
  });

  it('has no axe violations of any impact on either page, at either width', () => {
    pwExpect(a11yProblems).toEqual({});
  });

  it('had no script errors in any page', () => {
    pwExpect(stack.pageErrors).toEqual([]);
  });
});
