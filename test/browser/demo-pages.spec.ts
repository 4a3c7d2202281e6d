import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { DemoProcess, DemoSignIn, startDemo } from '../support/demo-process';
import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { CHROMIUM, CHROMIUM_ARGS, screenshot, seriousA11yViolations, writeAxeReport } from './support/web-stack';

failWithoutPrerequisites();

jest.setTimeout(600_000);

type Item = { id: string; leaderName: string | null; status: string; designationStatus: string | null };

/**
 * `npm run demo`'s data in the browser: every role signs in with what the demo printed and opens its pages, each
 * showing the demo's people; nothing throws, axe finds nothing serious or critical, and each page is saved as
 * `screenshots/demo/<role>-<page>.png`.
 */
describeWeb('the demo, page by page, for every role', () => {
  let dataDir: string;
  let demo: DemoProcess;
  let browser: Browser;
  const findings: string[] = [];
  const axeLog: Record<string, unknown> = {};
  const ids: Record<string, string> = {};

  const signIn = (role: string): DemoSignIn => demo.signIns.find((s) => s.role === role)!;

  async function browserFor(): Promise<Page> {
    const context = await browser.newContext({
      baseURL: demo.baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => findings.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
        findings.push(`${page.url()}: console: ${message.text()}`);
    });
    return page;
  }

  async function withPassword(role: string): Promise<Page> {
    const page = await browserFor();
    await page.goto('/sign-in');
    await page.getByLabel(/^Email address/).fill(signIn(role).email);
    await page.getByLabel(/^Password/).fill(signIn(role).password!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pwExpect(page).toHaveURL(/\/(staff|board|reviews|auditor|operator)$/);
    return page;
  }

  /** Opens a page, waits until it has loaded what it shows, checks it shows `text`, runs axe and saves a screenshot. */
  async function visit(page: Page, role: string, name: string, path: string, text: string | RegExp) {
    await page.goto(path);
    await pwExpect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): unknown[] } }).document.querySelectorAll(
          '.mantine-Loader-root',
        ).length === 0,
      undefined,
      { timeout: 15_000 },
    );
    const shown = await page
      .getByText(text)
      .first()
      .isVisible()
      .catch(() => false);
    if (!shown) findings.push(`${role}-${name}: "${String(text)}" is not shown at ${path}`);
    for (const v of await seriousA11yViolations(page, `demo-${role}-${name}`, axeLog))
      findings.push(`${role}-${name}: axe ${v.id} (${v.impact}): ${v.help} [${v.nodes.join(' | ')}]`);
    await screenshot(page, `demo/${role}-${name}`);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'iasl-demo-web-'));
    demo = await startDemo(dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    // The ids the pages need, read as staff through the API.
    const login = await fetch(`${demo.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: signIn('staff').email, password: signIn('staff').password }),
    });
    const { token } = (await login.json()) as { token: string };
    const list = (await (await fetch(`${demo.baseUrl}/applications`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: Item[];
    };
    const find = (leader: string, pick: (i: Item) => boolean = () => true) =>
      list.items.find((i) => i.leaderName === leader && pick(i))!.id;
    ids.underReview = find('Luis Moreno');
    ids.awaiting = find('Samuel Okafor');
    ids.appeal = find('Daniel Kim');
    ids.adjudicated = find('Grace Thompson');
    ids.progress = find('Robert Nguyen');
    ids.renewed = find('Linda Foster', (i) => i.designationStatus === 'renewed');
    ids.renewal = find('Linda Foster', (i) => i.designationStatus === 'active');
  });

  afterAll(async () => {
    writeAxeReport(axeLog, 'axe-report-demo.json');
    await browser?.close().catch(() => undefined);
    await demo?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows staff their queue, an application, people, the work overview and the award cycle', async () => {
    const page = await withPassword('staff');
    await visit(page, 'staff', 'queue', '/staff', 'Jordan Ellis');
    await visit(page, 'staff', 'application', `/staff/applications/${ids.adjudicated}`, 'Grace Thompson');
    await visit(page, 'staff', 'people', '/staff/people', 'Rita Alvarez');
    await visit(page, 'staff', 'work', '/staff/work', /Needs action now \([1-9]/);
    await visit(page, 'staff', 'awards', '/staff/awards', /Maplewood Academy|Linda Foster/);
    await visit(page, 'staff', 'notifications', '/notifications', /Notifications/);
  });

  it('shows the reviewer their worklist, a blind review and a progress confirmation', async () => {
    const page = await withPassword('reviewer');
    await visit(page, 'reviewer', 'worklist', '/reviews', /APP-/);
    await visit(page, 'reviewer', 'review', `/reviews/${ids.underReview}`, /APP-/);
    await visit(page, 'reviewer', 'progress-confirmation', `/reviews/progress/${ids.progress}`, /APP-/);
  });

  it('shows the board its dashboard, decisions, an appeal and the awards', async () => {
    const page = await withPassword('board');
    await visit(page, 'board', 'dashboard', '/board', /./);
    await visit(page, 'board', 'decisions', '/board/decisions', 'Riverside STEM Magnet School');
    await visit(page, 'board', 'application', `/board/applications/${ids.appeal}`, 'Summit Heights High School');
    await visit(page, 'board', 'awards', '/board/awards', /Maplewood Academy|Linda Foster/);
  });

  it('shows the auditor the histories, and an application that verifies', async () => {
    const page = await withPassword('auditor');
    await visit(page, 'auditor', 'home', '/auditor', /APP-/);
    await visit(page, 'auditor', 'application', `/auditor/applications/${ids.renewed}`, 'Linda Foster');
  });

  it('shows the operator the service', async () => {
    const page = await withPassword('operator');
    await visit(page, 'operator', 'service', '/operator', /./);
  });

  it('signs the applicant in with the printed link and shows her applications, progress, award and growth report', async () => {
    const page = await browserFor();
    await page.goto(signIn('applicant').link!);
    await pwExpect(page).toHaveURL(/\/home$/);
    await visit(page, 'applicant', 'home', '/home', 'Maplewood Academy');
    await visit(page, 'applicant', 'application', `/applications/${ids.renewal}`, 'Maplewood Academy');
    await visit(page, 'applicant', 'progress', `/applications/${ids.renewed}/progress`, /./);
    await visit(page, 'applicant', 'growth-report', `/applications/${ids.renewal}/growth-report`, /./);
    await visit(page, 'applicant', 'awards', '/awards', /Philadelphia/);
  });

  it("shows anyone the who's-who", async () => {
    const page = await browserFor();
    await visit(page, 'public', 'directory', '/directory', 'Maya Patel');
  });

  it('found nothing wrong on any page', () => {
    expect(findings).toEqual([]);
  });
});
