import { Page } from 'playwright-core';
import { ratings, scores, surveyFor } from '../support/cycle-data';
import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { ApiSession, apiClient, signInWithPassword } from './support/people';
import {
  AxeFinding,
  WebStack,
  passwordAccount,
  screenshot,
  seriousA11yViolations,
  startWebStack,
  writeAxeReport,
} from './support/web-stack';

/**
 * Staff run a cycle from the web app alone (docs/DOMAIN.md, Who uses it): they invite a reviewer and a board member
 * from the People page, and each sets a password from the mailed link. The new reviewer declares a conflict the
 * instant after being assigned and is released; staff see the application flagged "Needs reviewers" in the queue and
 * a notification that says so, and assign a replacement from the preview. Once the reviews are in, the board member
 * is notified and decides, confirming first.
 */
failWithoutPrerequisites();

jest.setTimeout(180_000);

const NEW_PASSWORD = 'a long and memorable passphrase';

describeWeb('staff run the cycle from the web app', () => {
  let stack: WebStack;
  let api: ReturnType<typeof apiClient>;
  const axeLog: Record<string, unknown> = {};
  const a11yProblems: Record<string, AxeFinding[]> = {};
  let staff: Page;
  let applicationId = '';
  let reference = '';

  async function checkA11y(page: Page, label: string) {
    const serious = await seriousA11yViolations(page, label, axeLog);
    if (serious.length > 0) a11yProblems[label] = serious;
    await screenshot(page, label);
  }

  /** Invites a person on the People page and follows the mailed link in a browser of their own. */
  async function invite(name: string, email: string, role: string, institution?: string): Promise<Page> {
    await staff.getByRole('link', { name: 'People' }).click();
    await staff.getByRole('textbox', { name: /Full name/ }).fill(name);
    await staff.getByRole('textbox', { name: /Email address/ }).fill(email);
    await staff.getByRole('combobox', { name: 'Role' }).selectOption(role);
    if (institution) await staff.getByRole('textbox', { name: /Institution/ }).fill(institution);
    await staff.getByRole('button', { name: 'Send invitation', exact: true }).click();
    await pwExpect(staff.getByRole('table').getByRole('row', { name: new RegExp(`${name}.*Invited`) })).toBeVisible();

    const link = /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(stack.mailer.to(email).at(-1)?.text ?? '')?.[0];
    expect(link?.startsWith(`${stack.baseUrl}/set-password?token=`)).toBe(true);
    const { page } = await stack.person();
    await page.goto(link!);
    await page.getByLabel(/^Your email address/).fill(email);
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Repeat the password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    return page;
  }

  beforeAll(async () => {
    stack = await startWebStack();
    api = apiClient(stack);
    await passwordAccount(stack, 'staff', 'staff@iasl.org', { name: 'Sam Staff' });
    await passwordAccount(stack, 'reviewer', 'east@review.org', { name: 'Eli East', institution: 'East University', region: 'Kenya' });
    await passwordAccount(stack, 'reviewer', 'west@review.org', { name: 'Wes West', institution: 'West Institute', region: 'Chile' });
    // An application that has its self-assessment in, seeded over the API: this spec is about what staff do next.
    const leader = await api.emailLink('gail@summit.edu');
    const staffApi = await api.login('staff@iasl.org');
    const created = await api.call<{ applicationId: string }>(
      'POST',
      '/applications',
      surveyFor('Gail Summit', 'gail@summit.edu', 'Summit STEM Academy'),
      leader,
    );
    applicationId = created.applicationId;
    await api.call('POST', `/applications/${applicationId}/screening/accept`, {}, staffApi);
    await api.call('POST', `/applications/${applicationId}/assessment`, { ratings: ratings(3) }, leader);
    reference = (await api.call<{ reference: string }>('GET', `/applications/${applicationId}`, undefined, staffApi)).reference;
  });

  afterAll(async () => {
    writeAxeReport(axeLog, 'axe-report-staff-cycle.json');
    await stack?.close();
  });

  it('staff invite a reviewer and a board member, who set their passwords from the mailed links', async () => {
    staff = await signInWithPassword(stack, 'staff@iasl.org');
    const reviewer = await invite('Dr. Inês Duarte', 'ines@lisbon.example', 'reviewer', 'Lisbon STEM Academy');
    await pwExpect(reviewer).toHaveURL(/\/reviews$/);
    const board = await invite('Bea Board', 'bea@iasl.org', 'board');
    await pwExpect(board).toHaveURL(/\/board$/);
    await staff.reload();
    const table = staff.getByRole('table');
    await pwExpect(table.getByRole('row', { name: /Dr\. Inês Duarte.*Reviewer.*Active/ })).toBeVisible();
    await pwExpect(table.getByRole('row', { name: /Bea Board.*Advisory board.*Active/ })).toBeVisible();
  });

  it('a reviewer declaring a conflict the instant after assignment is released; staff are flagged, notified and replace her', async () => {
    const staffApi = await api.login('staff@iasl.org');
    const inesSession = await loginWith('ines@lisbon.example');
    const eli = (await stack.identity.findByEmail('east@review.org'))!;
    await api.call('POST', `/applications/${applicationId}/reviewers`, { mode: 'manual', reviewerIds: [inesSession.id, eli.id] }, staffApi);
    const declared = await api.call<{ released: string[] }>(
      'POST',
      '/reviewers/me/conflicts',
      { applicationId, reason: 'I mentored the program leader until last year.' },
      inesSession,
    );
    expect(declared.released).toEqual([applicationId]);
    const conflictNotice = `Conflict of interest: reviewer released from ${reference}, needs reviewers`;
    await untilNotified(staffApi, conflictNotice);

    // The queue flags it, and the flag is a filter kept in the address.
    await staff.getByRole('link', { name: 'Queue' }).click();
    await staff.getByRole('button', { name: /^Needs reviewers \(1\)/ }).click();
    await pwExpect(staff).toHaveURL(/needsReviewers/);
    const row = staff.getByRole('row', { name: new RegExp(reference) });
    await pwExpect(row.getByText('1 of 2')).toBeVisible();
    await pwExpect(row.getByText('Needs reviewers')).toBeVisible();
    await checkA11y(staff, 'staff-cycle-queue-needs-reviewers');

    // The notification names the conflict and the shortfall, and leads to the application.
    await staff.getByRole('link', { name: /^Notifications/ }).click();
    const notice = staff.getByRole('link', { name: conflictNotice });
    await pwExpect(notice).toBeVisible();
    await checkA11y(staff, 'staff-cycle-notifications');
    await notice.click();
    await pwExpect(staff).toHaveURL(new RegExp(`/staff/applications/${applicationId}$`));
    await pwExpect(staff.getByText('released').first()).toBeVisible();
    // The automatic preview leaves out the reviewer with the conflict and the one already assigned.
    const preview = staff.getByText('Preview: these reviewers will be assigned').locator('..');
    await pwExpect(preview.locator('li')).toHaveCount(1);
    expect(await preview.locator('li').first().textContent()).toMatch(/^Wes West/);
    await staff.getByRole('button', { name: 'Assign 1 reviewer' }).click();
    await pwExpect(staff.getByRole('button', { name: 'Release Wes West' })).toBeVisible();
    await pwExpect(staff.getByText('2 reviewers are assigned, as the policy asks.')).toBeVisible();
    await checkA11y(staff, 'staff-cycle-replaced');
  });

  it('once the reviews are in, the board member is notified and decides, confirming first', async () => {
    for (const email of ['east@review.org', 'west@review.org']) {
      const reviewer = await api.login(email);
      await api.call('POST', `/applications/${applicationId}/scores`, { scores: scores(3), recommendation: 'CharterMembership' }, reviewer);
    }
    await untilNotified(await loginWith('bea@iasl.org'), `Waiting for your decision: ${reference}`);

    const { page: board } = await stack.person();
    await board.goto('/sign-in');
    await board.getByLabel(/^Email address/).fill('bea@iasl.org');
    await board.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await board.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pwExpect(board).toHaveURL(/\/board$/);
    await board.getByRole('link', { name: /^Notifications/ }).click();
    const waiting = board.getByRole('link', { name: `Waiting for your decision: ${reference}` });
    await pwExpect(waiting).toBeVisible();
    await checkA11y(board, 'staff-cycle-board-notifications');
    await waiting.click();
    await pwExpect(board).toHaveURL(new RegExp(`/board/applications/${applicationId}$`));
    await board.getByRole('radio', { name: /(recommended)/ }).check();
    await board.getByRole('button', { name: 'Record decision' }).click();
    const confirm = board.getByRole('dialog', { name: "Record the board's decision?" });
    await pwExpect(confirm.getByText('This is final')).toBeVisible();
    await confirm.getByRole('button', { name: /^Yes, record / }).click();
    await pwExpect(board.getByText(/^Decided: /)).toBeVisible();
    await checkA11y(board, 'staff-cycle-board-decided');

    expect(a11yProblems).toEqual({});
    expect(stack.pageErrors).toEqual([]);
  });

  /**
   * Runs the work side until the person's feed holds `subject`: the background workers may hold a job that settle()
   * does not see, so it polls until the notification is there, for at most ten seconds.
   */
  async function untilNotified(session: ApiSession, subject: string): Promise<void> {
    for (let round = 0; round < 100; round++) {
      await stack.settle();
      const feed = await api.call<{ items: { subject: string }[] }>('GET', '/me/notifications', undefined, session);
      if (feed.items.some((i) => i.subject === subject)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no notification "${subject}"`);
  }

  /** A password account signed in over the API with the password it chose. */
  async function loginWith(email: string): Promise<ApiSession> {
    const body = await api.call<{ token: string; user: { id: string } }>('POST', '/auth/login', { email, password: NEW_PASSWORD });
    return { token: body.token, id: body.user.id };
  }
});
