import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { signInByEmailLink as signInByLink, signInWithPassword as signInAs } from './support/people';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { pdfText } from '../support/pdf-text';
import {
  AxeFinding,
  PASSWORD,
  WebStack,
  passwordAccount,
  screenshot,
  seriousA11yViolations,
  startWebStack,
  writeAxeReport,
} from './support/web-stack';

/**
 * The built web app and the real api on loopback, driven in Debian's Chromium.
 * An applicant signs in by emailed link, completes the survey and self-assessment with a PDF and an image as evidence
 * on two indicators; staff accept and assign; two reviewers score (one in the whole-rubric grid, previewing the
 * documents inline, names withheld by blind review; one indicator at a time); the board reads the comments and
 * documents side by side and confirms its decision; the applicant reads the decision and growth report; an auditor
 * verifies the history, reads it in names and downloads the decision report, whose text names the people. A reviewer cannot open an unassigned application, nor an applicant someone else's. Every role's main page
 * is screenshotted and checked by axe (no serious or critical violations).
 */
failWithoutPrerequisites();

// Evidence documents the applicant uploads: a small PDF and a one-pixel PNG, typed by their bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const UPLOADS: Record<number, { name: string; mimeType: string; buffer: Buffer }> = {
  1: { name: 'SLT minutes March.pdf', mimeType: 'application/pdf', buffer: PDF },
  2: { name: 'Robotics lab.png', mimeType: 'image/png', buffer: PNG },
};

jest.setTimeout(180_000);

describeWeb('the web app in a real browser', () => {
  let stack: WebStack;
  const axeLog: Record<string, unknown> = {};
  const a11yProblems: Record<string, AxeFinding[]> = {};
  let applicant: Page, staff: Page;
  let applicationId = '';
  const REVIEWERS: Record<string, string> = {
    'Rita North': 'north@review.org',
    'Eli East': 'east@review.org',
    'Wes West': 'west@review.org',
  };
  let scorers: string[] = [];

  /** Axe on the page as it is; findings are gathered and asserted once at the end, so one run shows them all. */
  async function checkA11y(page: Page, label: string) {
    const serious = await seriousA11yViolations(page, label, axeLog);
    if (serious.length > 0) a11yProblems[label] = serious;
  }

  const signInWithPassword = (email: string) => signInAs(stack, email);
  const signInByEmailLink = (email: string) => signInByLink(stack, email);

  beforeAll(async () => {
    stack = await startWebStack();
    await passwordAccount(stack, 'board', 'chair@iasl.org', { name: 'Board Chair' });
    await passwordAccount(stack, 'auditor', 'auditor@iasl.org', { name: 'Audrey Auditor' });
    await passwordAccount(stack, 'reviewer', 'north@review.org', { name: 'Rita North', institution: 'North College', region: 'Ontario' });
    await passwordAccount(stack, 'reviewer', 'east@review.org', { name: 'Eli East', institution: 'East University', region: 'Kenya' });
    await passwordAccount(stack, 'reviewer', 'west@review.org', { name: 'Wes West', institution: 'West Institute', region: 'Chile' });
    // Works at the applicant's school: auto-assignment must never pick her, and she cannot open the application.
    await passwordAccount(stack, 'reviewer', 'teacher@riverside.edu', {
      name: 'Tess Riverside',
      institution: 'Riverside STEM Academy',
      region: 'South Carolina',
    });
    // Two other applicants already in the queue, sent through the API, so the staff and auditor pages show a real list.
    await surveyByApi('dana@lakeside.net', 'Dana Lake', 'Lakeside Outreach Center');
    await surveyByApi('omar@prairie.edu', 'Omar Prairie', 'Prairie District');
  });

  async function surveyByApi(email: string, leaderName: string, institution: string) {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${stack.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    await post('/auth/email-link', { email });
    const token = /token=([A-Za-z0-9_-]+)/.exec(stack.mailer.to(email).at(-1)?.text ?? '')?.[1];
    const session = (await (await post('/auth/email-link/redeem', { token })).json()) as { token: string };
    const res = await post(
      '/applications',
      {
        leaderName,
        contactEmail: email,
        institution: { name: institution, type: 'outreach', country: 'US', region: 'Iowa' },
        programDescription: `${institution} runs after-school robotics and coding clubs for 200 students.`,
        yearsRunning: 3,
        studentsServed: 200,
        focusAreas: ['robotics'],
        underrepresentedReach: 'Rural students.',
        partners: [],
      },
      session.token,
    );
    if (res.status !== 201) throw new Error(`survey for ${email} answered ${res.status}`);
  }

  afterAll(async () => {
    writeAxeReport(axeLog);
    await stack?.close();
  });

  it('serves the app to browsers while the API, /docs and /health keep their paths', async () => {
    const html = await fetch(`${stack.baseUrl}/applications/00000000-0000-4000-8000-000000000000`, { headers: { accept: 'text/html' } });
    pwExpect(html.headers.get('content-type')).toContain('text/html');
    const api = await fetch(`${stack.baseUrl}/applications/00000000-0000-4000-8000-000000000000`, {
      headers: { accept: 'application/json' },
    });
    pwExpect(api.status).toBe(401);
    pwExpect(api.headers.get('content-type')).toContain('application/problem+json');
    const health = await fetch(`${stack.baseUrl}/health`, { headers: { accept: 'text/html' } });
    pwExpect(health.headers.get('content-type')).toContain('application/json');
    const docs = await fetch(`${stack.baseUrl}/docs-json`, { headers: { accept: 'text/html' } });
    pwExpect(docs.headers.get('content-type')).toContain('application/json');
  });

  it('lets the applicant sign in by the emailed link and send the intake survey, with field errors where they typed', async () => {
    applicant = await signInByEmailLink('alice@riverside.edu');
    await pwExpect(applicant.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await applicant.getByRole('link', { name: 'Start the intake survey' }).click();

    await applicant.getByLabel("Leader's full name").fill('Dr. Alice Rivers');
    await pwExpect(applicant.getByLabel("Leader's email address")).toHaveValue('alice@riverside.edu');
    await applicant.getByLabel('Institution name').fill('Riverside STEM Academy');
    await applicant.getByRole('combobox', { name: 'Type of institution' }).click();
    await applicant.getByRole('option', { name: 'School', exact: true }).click();
    await applicant.getByLabel('Country').fill('US');
    await applicant.getByLabel('State, province or region').fill('South Carolina');
    await applicant.getByLabel('Describe the program').fill('Too short');
    await applicant.getByLabel('Years running').fill('5');
    await applicant.getByLabel('Students served each year').fill('420');
    await applicant.getByRole('combobox', { name: 'Focus areas' }).fill('robotics');
    await applicant.getByRole('combobox', { name: 'Focus areas' }).press('Enter');
    await applicant
      .getByLabel('Reach to students under-represented')
      .fill('Half of our students are from groups under-represented in STEM.');
    await applicant.getByRole('combobox', { name: 'Partners' }).fill('County Makerspace');
    await applicant.getByRole('combobox', { name: 'Partners' }).press('Enter');
    await applicant.getByRole('button', { name: 'Send the survey' }).click();

    // The API's 400 shows in an error summary at the top, whose link moves to the field; nothing typed is lost.
    const description = applicant.getByLabel('Describe the program');
    await pwExpect(description).toHaveAttribute('aria-invalid', 'true');
    const summary = applicant.getByRole('alert').filter({ hasText: 'There is a problem' });
    await pwExpect(summary).toBeFocused();
    await summary.getByRole('link', { name: 'Enter a description of the program of at least 20 characters' }).click();
    await pwExpect(description).toBeFocused();
    await pwExpect(applicant.getByText('Enter a description of the program of at least 20 characters')).toHaveCount(2);
    await pwExpect(applicant.getByLabel('Institution name')).toHaveValue('Riverside STEM Academy');
    await checkA11y(applicant, 'applicant-survey-with-errors');
    await screenshot(applicant, 'applicant-survey-field-error');

    await description.fill('Riverside runs a school-wide STEM program with robotics, coding and a Fab Lab.');
    await applicant.getByRole('button', { name: 'Send the survey' }).click();
    await pwExpect(applicant).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    applicationId = /applications\/([0-9a-f-]{36})/.exec(applicant.url())![1];
    // Read-your-writes: the new application is shown at once.
    await pwExpect(applicant.getByText('Waiting for screening').first()).toBeVisible();
    await pwExpect(applicant.getByText('1 of 5 tasks completed')).toBeVisible();

    // docs/DOMAIN.md, The lifecycle, step 1: until staff screen it, the leader changes their answers on the survey form.
    await applicant.getByRole('link', { name: 'Change your answers' }).click();
    await pwExpect(applicant.getByRole('heading', { name: 'Change your answers' })).toBeVisible();
    await pwExpect(applicant.getByLabel("Leader's email address")).toHaveAttribute('readonly', '');
    await applicant.getByLabel('Years running').fill('6');
    await checkA11y(applicant, 'applicant-survey-change');
    await applicant.getByRole('button', { name: 'Save your changes' }).click();
    await pwExpect(applicant).toHaveURL(new RegExp(`/applications/${applicationId}$`));
    await pwExpect(applicant.getByText(/Survey answers changed by the leader/)).toBeVisible();
  });

  it('lets staff set a password from the invitation link, see the queue and accept the survey', async () => {
    const admin = await stack.identity.createUser({ email: 'staff@iasl.org', name: 'Sam Staff', role: 'staff' });
    const { token } = await stack.identity.issueOneTimeToken('set-password', admin, 3_600_000);
    ({ page: staff } = await stack.person());
    await staff.goto(`/set-password?token=${token}`);
    await staff.getByLabel('Your email address').fill('staff@iasl.org');
    await staff.getByLabel('New password').fill('short');
    await staff.getByLabel('Repeat the password').fill('short');
    await staff.getByRole('button', { name: 'Set password and sign in' }).click();
    await pwExpect(staff.getByRole('link', { name: 'Enter a password of at least 12 characters' })).toBeVisible();
    await staff.getByLabel('New password').fill(PASSWORD);
    await staff.getByLabel('Repeat the password').fill(PASSWORD);
    await staff.getByRole('button', { name: 'Set password and sign in' }).click();
    await pwExpect(staff).toHaveURL(/\/staff$/);

    await pwExpect(staff.getByRole('button', { name: 'Waiting for screening (3)' })).toBeVisible();
    // Blind review for this cycle: reviewers will not see who applies.
    await staff.getByRole('switch', { name: /Blind review for the \d{4} cycle/ }).check();
    await pwExpect(staff.getByText(/Last changed/)).toBeVisible();
    await checkA11y(staff, 'staff-queue');
    await screenshot(staff, 'staff-queue');

    // The search is kept in the URL; on a phone the queue reflows to cards, nothing scrolls sideways.
    await staff.getByLabel('Search by reference, leader or institution').fill('riverside');
    await staff.getByRole('button', { name: 'Search', exact: true }).click();
    await pwExpect(staff).toHaveURL(/\/staff\?q=riverside$/);
    await pwExpect(staff.getByRole('heading', { name: /All applications, matching “riverside”: 1/ })).toBeVisible();
    await staff.setViewportSize({ width: 390, height: 844 });
    await pwExpect(staff.getByRole('listitem').filter({ hasText: 'Riverside STEM Academy' })).toBeVisible();
    await checkA11y(staff, 'staff-queue-search-390');
    await screenshot(staff, 'staff-queue-search-390');
    await staff.setViewportSize({ width: 1280, height: 900 });
    await staff.getByRole('button', { name: 'Clear search' }).click();
    await pwExpect(staff).toHaveURL(/\/staff$/);

    await staff
      .getByRole('row', { name: /Riverside STEM Academy/ })
      .getByRole('link')
      .click();
    await staff.getByRole('button', { name: 'Accept survey' }).click();
    await pwExpect(staff.getByText('Self-assessment open').first()).toBeVisible();
    await pwExpect(staff.getByRole('heading', { name: 'Extend the deadline' })).toBeVisible();
  });

  it('takes the applicant through the self-assessment one indicator at a time, restoring the draft after a reload', async () => {
    await applicant.goto('/home');
    await pwExpect(applicant.getByText('Self-assessment open').first()).toBeVisible();
    await pwExpect(applicant.getByText(/Due in (29|30) days/).first()).toBeVisible();
    await checkA11y(applicant, 'applicant-home');
    await screenshot(applicant, 'applicant-home');

    await applicant.getByRole('link', { name: 'Start your self-assessment' }).click();
    await pwExpect(applicant.getByText('Indicator 1 of 16', { exact: false })).toBeVisible();

    for (let i = 1; i <= 16; i++) {
      await pwExpect(applicant.getByText(`Indicator ${i} of 16`, { exact: false })).toBeVisible();
      if (i === 1) {
        // Keyboard: focus level 2 and move to level 3 with the arrow key.
        await applicant.getByRole('radio', { name: /^Level 2 · / }).focus();
        await applicant.keyboard.press('ArrowDown');
        await pwExpect(applicant.getByRole('radio', { name: /^Level 3 · / })).toHaveAttribute('aria-checked', 'true');
      } else {
        await applicant.getByRole('radio', { name: /^Level 4 · / }).click();
      }
      await applicant.getByRole('textbox', { name: 'Evidence' }).fill(`SLT minutes and parent survey results for indicator ${i}`);
      const upload = UPLOADS[i];
      if (upload) {
        // A document beside the written evidence: the file chooser of "Upload a document", then the list names it.
        const [chooser] = await Promise.all([
          applicant.waitForEvent('filechooser'),
          applicant.getByRole('button', { name: 'Upload a document' }).click(),
        ]);
        await chooser.setFiles(upload);
        await pwExpect(applicant.getByRole('button', { name: `Preview ${upload.name}` })).toBeVisible();
      }
      if (i === 3) {
        await pwExpect(applicant.getByText(/All changes saved/)).toBeVisible();
        await checkA11y(applicant, 'applicant-self-assessment');
        await screenshot(applicant, 'applicant-self-assessment');
        await applicant.reload();
        await pwExpect(applicant.getByRole('textbox', { name: 'Evidence' })).toHaveValue(
          'SLT minutes and parent survey results for indicator 3',
        );
        await pwExpect(applicant.getByRole('radio', { name: /^Level 4 · / })).toHaveAttribute('aria-checked', 'true');
      }
      await applicant.getByRole('button', { name: i < 16 ? 'Save and continue' : 'Save and check your answers' }).click();
    }
    await pwExpect(applicant.getByRole('heading', { name: 'Check and submit your self-assessment' })).toBeVisible();
    // Check answers reflow as a summary list on a phone: "Change" is read whole, not clipped.
    await applicant.setViewportSize({ width: 390, height: 844 });
    await pwExpect(applicant.getByRole('link', { name: 'Change EC1.Leaders1' })).toBeVisible();
    await checkA11y(applicant, 'applicant-check-answers-390');
    await screenshot(applicant, 'applicant-check-answers-390');
    await applicant.setViewportSize({ width: 1280, height: 900 });
    // Without the declaration nothing is sent: the summary names it and its link moves to the checkbox.
    await applicant.getByRole('button', { name: 'Submit self-assessment' }).click();
    await applicant.getByRole('link', { name: 'Confirm that the evidence is accurate' }).click();
    const declaration = applicant.getByRole('checkbox', { name: /I confirm the evidence is accurate/ });
    await pwExpect(declaration).toBeFocused();
    await declaration.check();
    await applicant.getByRole('button', { name: 'Submit self-assessment' }).click();
    const dialog = applicant.getByRole('dialog', { name: 'Submit your self-assessment?' });
    await pwExpect(dialog.getByText('Once you confirm, this cannot be changed or taken back.')).toBeVisible();
    await pwExpect(dialog.getByRole('button', { name: 'Go back' }).last()).toBeFocused();
    await checkA11y(applicant, 'applicant-submit-confirm');
    await dialog.getByRole('button', { name: 'Yes, submit my self-assessment' }).click();
    await pwExpect(applicant.getByRole('heading', { level: 1, name: 'Self-assessment submitted' })).toBeVisible();
    await pwExpect(applicant.getByRole('heading', { name: 'What happens next' })).toBeVisible();
    await checkA11y(applicant, 'applicant-assessment-submitted');
    await applicant.getByRole('link', { name: 'Go to your application' }).click();
    await pwExpect(applicant).toHaveURL(new RegExp(`/applications/${applicationId}$`));
    await pwExpect(applicant.getByText('Under review').first()).toBeVisible();
    await pwExpect(applicant.getByText('5 of 5 tasks completed')).toBeVisible();
  });

  /** The reviewers the auto-assignment preview names (least open work first, conflicts left out). */
  async function previewNames(page: Page): Promise<string[]> {
    const preview = page.getByText('Preview: these reviewers will be assigned').locator('..');
    await pwExpect(preview.locator('li').first()).toBeVisible();
    return (await preview.locator('li').allTextContents()).map((t) => t.split(' · ')[0].trim());
  }

  it('lets staff auto-assign two reviewers from a preview that leaves out the conflicted one', async () => {
    await staff.goto(`/staff/applications/${applicationId}`);
    const picked = await previewNames(staff);
    pwExpect(picked).toHaveLength(2);
    pwExpect(picked).not.toContain('Tess Riverside');
    await staff.getByRole('button', { name: 'Assign 2 reviewers' }).click();
    for (const name of picked) await pwExpect(staff.getByRole('button', { name: `Release ${name}` })).toBeVisible();
    await pwExpect(staff.getByText('2 reviewers are assigned, as the policy asks.')).toBeVisible();
    await screenshot(staff, 'staff-application');
    await checkA11y(staff, 'staff-application');
    scorers = picked;
  });

  /** Axe and a screenshot at a desktop and a phone width (390 px: nothing may scroll sideways out of reach). */
  async function checkBothWidths(page: Page, label: string) {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await checkA11y(page, `${label}-${width}`);
      await screenshot(page, `${label}-${width}`);
      const sideways = await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
      pwExpect(sideways).toBe(false);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('lets a reviewer declare a conflict of interest, and staff assign another from the preview', async () => {
    const [conflicted] = scorers;
    const reviewer = await signInWithPassword(REVIEWERS[conflicted]);
    await reviewer.getByRole('link', { name: /^Score Application APP-/ }).click();
    // Blind review: no applicant identity anywhere on the page.
    await pwExpect(reviewer.getByText('Blind review: applicant identity withheld')).toBeVisible();
    await pwExpect(reviewer.getByText(/Riverside|Alice Rivers/)).toHaveCount(0);
    await reviewer.getByRole('button', { name: 'I have a conflict…' }).click();
    const reason = reviewer.getByRole('textbox', { name: 'What is the conflict?' });
    await reason.fill('no');
    await reviewer.getByRole('button', { name: 'Declare the conflict and step back' }).click();
    // Declaring is final, so it asks first; the refused reason then comes back to the form with a summary.
    await reviewer
      .getByRole('dialog', { name: 'Declare a conflict of interest?' })
      .getByRole('button', { name: 'Yes, declare the conflict' })
      .click();
    await pwExpect(reviewer.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await pwExpect(reason).toHaveAttribute('aria-invalid', 'true');
    await pwExpect(reviewer.getByText('Enter the reason for the conflict of at least 5 characters').first()).toBeVisible();
    await checkA11y(reviewer, 'reviewer-conflict');
    await reason.fill('I mentored the program leader until last year.');
    await reviewer.getByRole('button', { name: 'Declare the conflict and step back' }).click();
    const confirm = reviewer.getByRole('dialog', { name: 'Declare a conflict of interest?' });
    await pwExpect(confirm.getByText(/staff assign another reviewer/)).toBeVisible();
    await checkA11y(reviewer, 'reviewer-conflict-confirm');
    await confirm.getByRole('button', { name: 'Yes, declare the conflict' }).click();
    await pwExpect(reviewer).toHaveURL(/\/reviews$/);
    // The worklist keeps the application, as a declared conflict without a link to score it.
    await pwExpect(reviewer.getByRole('table').getByText('Conflict declared')).toBeVisible();
    await pwExpect(reviewer.getByRole('link', { name: /^Score Application APP-/ })).toHaveCount(0);

    await staff.reload();
    await pwExpect(staff.getByText('released').first()).toBeVisible();
    const replacement = await previewNames(staff);
    pwExpect(replacement).toHaveLength(1);
    pwExpect(scorers).not.toContain(replacement[0]);
    await staff.getByRole('button', { name: 'Assign 1 reviewer' }).click();
    await pwExpect(staff.getByRole('button', { name: `Release ${replacement[0]}` })).toBeVisible();
    scorers = [scorers[1], replacement[0]];
  });

  it('lets one reviewer score the whole rubric on one page and the other one indicator at a time; both confirm finishing', async () => {
    pwExpect(scorers).toHaveLength(2);
    for (const [n, name] of scorers.entries()) {
      const reviewer = await signInWithPassword(REVIEWERS[name]);
      await pwExpect(reviewer).toHaveURL(/\/reviews$/);
      const worklist = reviewer.getByRole('table', { name: 'Applications to review' });
      await pwExpect(worklist.getByText('0 of 16 scored')).toBeVisible();
      if (n === 0) {
        // Sorted by a column heading, filtered by a search.
        const due = worklist.getByRole('columnheader', { name: /^Due/ });
        await due.getByRole('button').click();
        await pwExpect(due).toHaveAttribute('aria-sort', 'ascending');
        await due.getByRole('button').click();
        await pwExpect(due).toHaveAttribute('aria-sort', 'descending');
        await reviewer.getByRole('textbox', { name: /^Search/ }).fill('no such school');
        await pwExpect(reviewer.getByText('No application matches.', { exact: false })).toBeVisible();
        await reviewer.getByRole('textbox', { name: /^Search/ }).fill('APP-');
        await pwExpect(worklist.getByText('To score')).toBeVisible();
        await checkBothWidths(reviewer, 'reviewer-assignments');
      }
      await reviewer.getByRole('link', { name: /^Score Application APP-/ }).click();
      await reviewer.getByRole('button', { name: 'I have no conflict: start scoring' }).click();
      if (n === 0) await scoreInGrid(reviewer);
      else await scoreOneAtATime(reviewer);
      await reviewer.getByRole('radio', { name: 'Charter membership' }).check();
      await reviewer.getByRole('button', { name: 'Finish review and lock scores' }).click();
      const confirm = reviewer.getByRole('dialog', { name: /^Finish your review of APP-/ });
      await pwExpect(confirm.getByText('Charter membership')).toBeVisible();
      await pwExpect(confirm.getByText(/You cannot change them/)).toBeVisible();
      if (n === 0) await checkA11y(reviewer, 'reviewer-finish-confirm');
      await confirm.getByRole('button', { name: 'Yes, finish and lock my scores' }).click();
      await pwExpect(reviewer).toHaveURL(/\/reviews$/);
      const row = reviewer.getByRole('table', { name: 'Applications to review' }).getByRole('row').filter({ hasText: 'Finished' });
      await pwExpect(row.getByText('Charter membership')).toBeVisible();
      await pwExpect(row.getByText('16 of 16 scored')).toBeVisible();
      if (n === 1) {
        // Every notification read at once.
        await reviewer.getByRole('link', { name: /^Notifications/ }).click();
        await reviewer.getByRole('button', { name: /^Mark all \d+ read$/ }).click();
        await pwExpect(reviewer.getByText('0 unread')).toBeVisible();
        await pwExpect(reviewer.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
      }
    }
  }, 420_000);

  /** The whole rubric on one page: a level by keyboard on the first indicator, by click on the rest; a missing comment is refused with a summary. */
  async function scoreInGrid(reviewer: Page) {
    await reviewer.getByRole('radio', { name: 'Whole rubric on one page' }).check();
    const levels = reviewer.getByRole('radiogroup', { name: /^Your score for / });
    const comments = reviewer.getByRole('textbox', { name: /^Comment on / });
    await pwExpect(levels).toHaveCount(16);
    await pwExpect(reviewer.getByRole('region', { name: /^Documents and links for / })).toHaveCount(16);
    // Blind review: the documents come without their file names, and open in the page.
    await pwExpect(reviewer.getByText(/SLT minutes March|Robotics lab/)).toHaveCount(0);
    await reviewer.getByRole('button', { name: /^Preview Document 1 for EC1\.Leaders1/ }).click();
    const pdfPreview = reviewer.getByRole('dialog', { name: /^Document 1 for EC1\.Leaders1/ });
    await pwExpect(pdfPreview.locator('iframe')).toBeVisible();
    await pdfPreview.getByRole('button').first().click();
    await reviewer.getByRole('button', { name: /^Preview Document 1 for EC1\.Leaders2/ }).click();
    const imagePreview = reviewer.getByRole('dialog', { name: /^Document 1 for EC1\.Leaders2/ });
    await pwExpect(imagePreview.getByRole('img', { name: /^Document 1 for EC1\.Leaders2/ })).toBeVisible();
    await imagePreview.getByRole('button').first().click();
    await pwExpect(reviewer.getByRole('radio', { name: /\(applicant's self-rating\)$/ })).toHaveCount(16);
    // Arrow keys move the level within one indicator.
    await levels
      .first()
      .getByRole('radio', { name: /^Level 3 · / })
      .check();
    await reviewer.keyboard.press('ArrowRight');
    await pwExpect(levels.first().getByRole('radio', { name: /^Level 4 · / })).toBeChecked();
    for (let i = 0; i < 16; i++) {
      if (i > 0)
        await levels
          .nth(i)
          .getByRole('radio', { name: /^Level 4 · / })
          .check();
      if (i < 15) await comments.nth(i).fill(`Evidence supports level 4 on indicator ${i + 1}.`);
    }
    await checkBothWidths(reviewer, 'reviewer-grid');
    // Finishing without the last comment: the summary names it and its link moves to the field.
    await reviewer.getByRole('button', { name: 'Finish review and lock scores' }).click();
    const summary = reviewer.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /say why this level in a comment$/ }).click();
    pwExpect(await reviewer.evaluate<string>('document.activeElement.id')).toBe(await comments.nth(15).getAttribute('id'));
    await comments.nth(15).fill('Evidence supports level 4 on indicator 16.');
    // The choice of view is remembered for this reviewer.
    await reviewer.reload();
    await pwExpect(reviewer.getByRole('radio', { name: 'Whole rubric on one page' })).toBeChecked();
    await pwExpect(comments.nth(15)).toHaveValue('Evidence supports level 4 on indicator 16.');
  }

  async function scoreOneAtATime(reviewer: Page) {
    await pwExpect(reviewer.getByRole('radio', { name: 'One indicator at a time' })).toBeChecked();
    for (let i = 1; i <= 16; i++) {
      await pwExpect(reviewer.getByText(`Indicator ${i} of 16`, { exact: false })).toBeVisible();
      // The applicant's self-rating is marked on its card.
      await pwExpect(reviewer.getByRole('radio', { name: /Applicant's self-rating/ })).toHaveCount(1);
      await reviewer.getByRole('radio', { name: /^Level 4 · / }).click();
      await reviewer.getByRole('textbox', { name: 'Comment' }).fill(`Evidence supports level 4 on indicator ${i}.`);
      if (i === 2) {
        await checkA11y(reviewer, 'reviewer-scoring');
        await screenshot(reviewer, 'reviewer-scoring');
      }
      await reviewer.getByRole('button', { name: i < 16 ? 'Save and continue' : 'Save and finish' }).click();
    }
  }

  it('does not let a reviewer open an application not assigned to her', async () => {
    const outsider = await signInWithPassword('teacher@riverside.edu');
    await pwExpect(outsider.getByText('Nothing to score right now.')).toBeVisible();
    await outsider.goto(`/reviews/${applicationId}`);
    await pwExpect(outsider.getByText('You cannot open this application')).toBeVisible();
    await pwExpect(outsider.getByText('Riverside STEM Academy')).toHaveCount(0);
  });

  /** Nothing wider than the window: no sideways scrolling, and no element shown reaching past its right edge (cut off). */
  const fitsTheWidth = (page: Page) =>
    // A function, not a string: the app's CSP forbids eval. The spec compiles without the DOM's types, hence the cast.
    page.evaluate(() => {
      type Box = { width: number; height: number; right: number };
      const w = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): { getBoundingClientRect(): Box }[] };
      };
      const shown = [...w.document.querySelectorAll('main *')]
        .map((e) => e.getBoundingClientRect())
        .filter((b) => b.width > 0 && b.height > 0);
      return w.document.documentElement.scrollWidth <= w.innerWidth && shown.every((b) => b.right <= w.innerWidth + 1);
    });

  it('gives the board a dashboard and a decision queue, the evidence and every review per indicator, and a decision it confirms', async () => {
    const board = await signInWithPassword('chair@iasl.org');
    await pwExpect(board).toHaveURL(/\/board$/);
    await pwExpect(board.getByRole('heading', { name: 'Status funnel' })).toBeVisible();
    await pwExpect(board.getByText(/same level on 100% of indicators/)).toBeVisible();
    await checkA11y(board, 'board-dashboard');
    await screenshot(board, 'board-dashboard');
    // A phone: the queue reflows to stacked cards, so no region scrolls sideways.
    await board.setViewportSize({ width: 390, height: 844 });
    await pwExpect(
      board.getByRole('list', { name: /waiting for a decision or a ruling/ }).getByRole('link', { name: /^APP-/ }),
    ).toBeVisible();
    pwExpect(await fitsTheWidth(board)).toBe(true);
    await checkA11y(board, 'board-dashboard-390');
    await screenshot(board, 'board-dashboard-390');
    await board.setViewportSize({ width: 1280, height: 900 });

    await board.getByRole('link', { name: /^Decision queue \(1 waiting\)/ }).click();
    await board.getByRole('link', { name: /^APP-/ }).first().click();
    // Nothing is chosen for the board: the recommendation is marked, not selected.
    await pwExpect(board.getByRole('radio', { name: /(recommended)/ })).toBeVisible();
    await pwExpect(board.getByRole('radio')).toHaveCount(3);
    await pwExpect(board.getByRole('radio', { checked: true })).toHaveCount(0);
    await board.getByRole('button', { name: 'Record decision' }).click();
    await pwExpect(board.getByRole('alert').getByRole('link', { name: "Choose the board's decision" })).toBeVisible();
    await board.getByRole('radio', { name: 'Not yet ready' }).check();
    await board.getByRole('button', { name: 'Record decision' }).click();
    await pwExpect(board.getByText(/Overruling needs a justification/).first()).toBeVisible();
    await pwExpect(board.getByRole('dialog')).toHaveCount(0);

    // The survey, each reviewer's recommendation by name, and indicator by indicator the evidence beside the reviews.
    await pwExpect(board.getByRole('heading', { name: 'Intake survey' })).toBeVisible();
    await pwExpect(board.getByText(/^Why: /)).toBeVisible();
    const recommends = board.getByRole('list', { name: "Each reviewer's recommendation" });
    for (const name of scorers) await pwExpect(recommends.getByText(`${name}: Charter membership`)).toBeVisible();
    await board.getByRole('button', { name: 'Open every indicator' }).click();
    const firstReview = board.getByRole('region', { name: new RegExp(`^${scorers[0]} on `) }).first();
    await pwExpect(firstReview.getByText(scorers[0], { exact: true })).toBeVisible();
    await pwExpect(firstReview.getByText(/^Evidence supports level 4/)).toBeVisible();
    await pwExpect(board.getByRole('region', { name: new RegExp(`^${scorers[1]} on `) })).toHaveCount(16);
    await pwExpect(
      board
        .getByRole('region', { name: /^Applicant's self-rating for / })
        .first()
        .getByText(/SLT minutes/),
    ).toBeVisible();
    await pwExpect(board.getByRole('region', { name: /^Documents and links for / })).toHaveCount(16);
    // The board reads the documents by name, beside the reviews of their indicator.
    await pwExpect(board.getByRole('button', { name: 'Preview SLT minutes March.pdf' })).toBeVisible();
    await pwExpect(board.getByRole('button', { name: 'Preview Robotics lab.png' })).toBeVisible();
    await pwExpect(board.getByRole('region', { name: /^Documents and links for / }).first()).toBeVisible();
    await checkA11y(board, 'board-decision');
    await screenshot(board, 'board-decision');
    await board.setViewportSize({ width: 390, height: 844 });
    await pwExpect(firstReview).toBeVisible();
    pwExpect(await fitsTheWidth(board)).toBe(true);
    await checkA11y(board, 'board-decision-390');
    await screenshot(board, 'board-decision-390');
    await board.setViewportSize({ width: 1280, height: 900 });

    // Recording asks first, saying what is decided, that it follows the recommendation, that the applicant is told, and that it is final.
    await board.getByRole('radio', { name: /(recommended)/ }).check();
    await board.getByRole('button', { name: 'Record decision' }).click();
    const confirm = board.getByRole('dialog', { name: "Record the board's decision?" });
    await pwExpect(confirm.getByText(/^This follows the computed recommendation/)).toBeVisible();
    await pwExpect(confirm.getByText(/The applicant is told at once by email/)).toBeVisible();
    await pwExpect(confirm.getByText('This is final')).toBeVisible();
    await checkA11y(board, 'board-decision-confirm');
    await confirm.getByRole('button', { name: 'Go back' }).last().click();
    await pwExpect(board.getByText(/^Decided: /)).toHaveCount(0);
    await board.getByRole('button', { name: 'Record decision' }).click();
    await confirm.getByRole('button', { name: /^Yes, record / }).click();
    await pwExpect(board.getByText(/^Decided: /)).toBeVisible();
  });

  it('shows the applicant the decision, the growth report and the notifications', async () => {
    await stack.settle();
    await applicant.goto('/home');
    await pwExpect(applicant.getByRole('heading', { name: /^Decision: / })).toBeVisible();
    // Appeals: while the window is open the hub offers an appeal, with its deadline.
    await pwExpect(applicant.getByRole('heading', { name: 'Appeal this decision' })).toBeVisible();
    await pwExpect(applicant.getByText(/^Appeal window: /)).toBeVisible();
    await checkA11y(applicant, 'applicant-appeal-form');
    await applicant.getByRole('link', { name: 'Read your growth report' }).click();
    await pwExpect(applicant.getByRole('heading', { name: 'Your growth report' })).toBeVisible();
    await pwExpect(applicant.locator('tbody tr')).toHaveCount(16);
    await checkA11y(applicant, 'applicant-growth-report');
    await screenshot(applicant, 'applicant-growth-report');
    // On a phone each indicator is a summary list: the next goal is read in place, no sideways scroll.
    await applicant.setViewportSize({ width: 390, height: 844 });
    const first = applicant.getByRole('region', { name: /^EC1\.Leaders1: / });
    await pwExpect(first.getByText('Next goal')).toBeVisible();
    await pwExpect(applicant.locator('table')).toBeHidden();
    await checkA11y(applicant, 'applicant-growth-report-390');
    await screenshot(applicant, 'applicant-growth-report-390');
    await applicant.setViewportSize({ width: 1280, height: 900 });

    await applicant.getByRole('link', { name: /^Notifications/ }).click();
    await pwExpect(applicant.getByText(/The IASL board's decision on APP-/)).toBeVisible();
    await checkA11y(applicant, 'applicant-notifications');
  });

  // Who's who: the designated leader ticks what to show and sees the entry as the public will; anyone then
  // reads it from the sign-in page without signing in, and nothing unticked shows.
  it("lets the designated applicant choose what the who's who shows, and anyone read it without signing in", async () => {
    const SUMMARY = 'Every student builds a robot with a mentor; teachers co-plan in weekly Fab Lab studios.';
    await applicant.goto(`/applications/${applicationId}`);
    const panel = applicant.getByRole('region', { name: "Who's who of STEM leaders" });
    await panel.getByRole('checkbox', { name: 'Your name' }).check();
    await panel.getByRole('checkbox', { name: 'Best-practice summary' }).check();
    await panel.getByRole('textbox', { name: 'Best-practice summary' }).fill(SUMMARY);
    await pwExpect(panel.getByRole('article').getByText(SUMMARY)).toBeVisible();
    await checkA11y(applicant, 'applicant-directory-opt-in');
    await screenshot(applicant, 'applicant-directory-opt-in');
    await panel.getByRole('button', { name: 'Publish my entry' }).click();
    await pwExpect(panel.getByText('Your entry is in the public directory.')).toBeVisible();

    const { page } = await stack.person();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: "Who's who" }).click();
    await pwExpect(page.getByRole('heading', { level: 1, name: "Who's who of STEM leaders" })).toBeVisible();
    await pwExpect(page.getByText(SUMMARY)).toBeVisible();
    await pwExpect(page.getByText('Riverside STEM Academy')).toHaveCount(0);
    await checkA11y(page, 'public-directory');
    await screenshot(page, 'public-directory');
  });

  it("does not let an applicant open someone else's application", async () => {
    const other = await signInByEmailLink('bob@hillside.org');
    await other.goto(`/applications/${applicationId}`);
    await pwExpect(other.getByText('This application cannot be opened')).toBeVisible();
    await pwExpect(other.getByText('Riverside STEM Academy')).toHaveCount(0);
  });

  it('lets an auditor read the history, verify it, see a past state and reproduce the decision', async () => {
    const auditor = await signInWithPassword('auditor@iasl.org');
    await pwExpect(auditor).toHaveURL(/\/auditor$/);
    await auditor.getByRole('button', { name: 'Verify the log' }).click();
    await pwExpect(auditor.getByText('The log is intact')).toBeVisible();
    await checkA11y(auditor, 'auditor-home');
    await screenshot(auditor, 'auditor-home');
    await auditor
      .getByRole('row', { name: /Riverside STEM Academy/ })
      .getByRole('link')
      .click();
    await pwExpect(auditor.getByRole('heading', { name: /^History of APP-/ })).toBeVisible();
    await pwExpect(auditor.getByRole('cell', { name: /Board decision recorded/ })).toBeVisible();
    await auditor.getByRole('button', { name: 'Verify history' }).click();
    await pwExpect(auditor.getByText('Verified: the history is intact')).toBeVisible();
    // docs/DOMAIN.md, Names: people by name, the engine credited with what it worked out.
    await pwExpect(auditor.getByRole('cell', { name: /^Board Chair/ })).toBeVisible();
    await pwExpect(auditor.getByRole('cell', { name: 'The engine (policy decision-policy.v1)' }).first()).toBeVisible();
    await auditor.getByRole('button', { name: 'Reproduce' }).click();
    await pwExpect(auditor.getByText('Reproduced: same result')).toBeVisible();
    await pwExpect(auditor.getByText(/by Board Chair\. The board followed the recommendation\./)).toBeVisible();
    await auditor.getByRole('button', { name: 'Show the state' }).click();
    await pwExpect(auditor.getByRole('row', { name: 'Status Decided' })).toBeVisible();
    // The cycle was reviewed blind: what the reviewer saw shows the identity withheld, and by which setting.
    await auditor.getByRole('button', { name: 'Show what they saw' }).click();
    await pwExpect(auditor.getByText(/^Blind review was on for the \d{4} cycle$/)).toBeVisible();
    await pwExpect(auditor.getByText(/^Set on .* by Sam Staff/)).toBeVisible();
    const saw = auditor.getByRole('region', { name: 'What a reviewer saw' });
    await pwExpect(saw.getByText('Leader: Withheld by blind review')).toBeVisible();
    await pwExpect(saw.getByText('Dr. Alice Rivers')).toHaveCount(0);
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByRole('button', { name: 'Events CSV' }).click()]);
    pwExpect(download.suggestedFilename()).toMatch(/^APP-.*-events\.csv$/);
    // The decision report names the people: the leader, the board member who decided; reviewers numbered (a blind cycle).
    const [report] = await Promise.all([auditor.waitForEvent('download'), auditor.getByRole('button', { name: 'Report PDF' }).click()]);
    pwExpect(report.suggestedFilename()).toMatch(/^APP-.*-decision-report\.pdf$/);
    const text = pdfText(readFileSync(await report.path()));
    pwExpect(text).toContain('Dr. Alice Rivers');
    pwExpect(text).toContain('Board Chair');
    pwExpect(text).toContain('Reviewer 1');
    pwExpect(text).not.toMatch(/by [0-9a-f]{8}-/);
    await auditor.getByRole('switch', { name: 'Hide draft saves' }).check();
    await checkA11y(auditor, 'auditor-application');
    await screenshot(auditor, 'auditor-application');
  });

  it('has no serious or critical axe violations on any page checked', () => {
    pwExpect(a11yProblems).toEqual({});
  });

  it('had no script errors in any page', () => {
    pwExpect(stack.pageErrors).toEqual([]);
  });
});
