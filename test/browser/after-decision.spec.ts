import { Page } from 'playwright-core';
import { FixedClock } from '@cert/testing';
import { ratings, scores, surveyFor } from '../support/cycle-data';
import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { ApiSession, apiClient, signInByEmailLink, signInWithPassword } from './support/people';
import { AxeFinding, WebStack, a11yViolations, passwordAccount, screenshot, startWebStack, writeAxeReport } from './support/web-stack';

/**
 * In a real browser: what happens after the board's decision. A program judged "not yet ready" appeals from
 * its page; staff route the appeal to the board, which designates it a charter member, and the progress page says when
 * the yearly update's window opens; staff open an award cycle, the leader nominates the program, the board scores,
 * closes the scoring and selects it, and the leader accepts the summit invitation; the leader opts in to the who's who,
 * and anyone signed out finds the entry and the book; months on, inside the window, the program sends its yearly update
 * and reads the change per indicator, and a reviewer disputes one indicator of it; four years on, a reviewer of
 * the renewal sees the earlier years (and only a renewal asks the API for them). The decision it appeals is
 * seeded over the API (web-app.spec.ts clicks through that part); every step named above is clicked. Axe runs on every
 * page of these steps, and none may have a violation of any impact.
 */
failWithoutPrerequisites();

jest.setTimeout(180_000);

// The server's clock starts at 07:00 UTC today and only moves when the spec moves it: the award cycle's nominations
// close at 09:00 today (date inputs take the day at 09:00 UTC), and the board may close the scoring only after that.
const TODAY = new Date().toISOString().slice(0, 10);
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00.000Z`) + offset * 86_400_000).toISOString().slice(0, 10);
// The award cycle's year is its summit's (docs/DOMAIN.md, Awards and summit), 30 days on; the book is that year's.
const YEAR = Number(day(30).slice(0, 4));
// Designated at 07:00 today: the first yearly update is due 365 days on, and its window opens 90 days before (policy v1).
const WINDOW_OPENS = `${day(365 - 90)}T07:00:00.000Z`;
const longDay = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

const ALICE = { name: 'Dr. Alice Rivers', email: 'alice@riverside.edu', institution: 'Riverside STEM Academy' };
const STATEMENT = 'The reviewers did not see our Fab Lab portfolio, which was uploaded late; it shows level 3 work on most indicators.';
const SUMMARY = 'Every student builds a robot with a mentor; teachers co-plan in weekly Fab Lab studios.';

describeWeb('after the decision, in a real browser', () => {
  const clock = new FixedClock(`${TODAY}T07:00:00.000Z`);
  let stack: WebStack;
  let api: ReturnType<typeof apiClient>;
  const axeLog: Record<string, unknown> = {};
  const a11yProblems: Record<string, AxeFinding[]> = {};
  let applicant: Page, staff: Page, board: Page;
  let applicationId = '';
  /** Every API path any page asked for, to check what the pages fetch. */
  const requested: string[] = [];

  async function checkA11y(page: Page, label: string) {
    const found = await a11yViolations(page, label, axeLog);
    if (found.length > 0) a11yProblems[label] = found;
  }

  beforeAll(async () => {
    stack = await startWebStack({ clock });
    api = apiClient(stack);
    await passwordAccount(stack, 'staff', 'staff@iasl.org', { name: 'Sam Staff' });
    await passwordAccount(stack, 'board', 'chair@iasl.org', { name: 'Board Chair' });
    const north = await passwordAccount(stack, 'reviewer', 'north@review.org', {
      name: 'Rita North',
      institution: 'North College',
      region: 'Ontario',
    });
    const east = await passwordAccount(stack, 'reviewer', 'east@review.org', {
      name: 'Eli East',
      institution: 'East University',
      region: 'Kenya',
    });

    // Seeded: survey → accepted → self-assessment → two reviewers → the board decides "not yet ready".
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
    await api.call('POST', `/applications/${applicationId}/assessment`, { ratings: ratings(1) }, aliceApi);
    await api.call('POST', `/applications/${applicationId}/reviewers`, { mode: 'manual', reviewerIds: [north.id, east.id] }, staffApi);
    for (const email of ['north@review.org', 'east@review.org']) {
      const reviewer: ApiSession = await api.login(email);
      await api.call('POST', `/applications/${applicationId}/scores`, { scores: scores(1), recommendation: 'NotYetReady' }, reviewer);
    }
    await api.call('POST', `/applications/${applicationId}/decision`, { outcome: 'NotYetReady' }, boardApi);
    await stack.settle();
  });

  afterAll(async () => {
    writeAxeReport(axeLog, 'axe-report-after-decision.json');
    await stack?.close();
  });

  it('lets the applicant appeal the decision from the application page, with the statement checked where she typed', async () => {
    applicant = await signInByEmailLink(stack, ALICE.email);
    applicant.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await applicant.goto(`/applications/${applicationId}`);
    await pwExpect(applicant.getByRole('heading', { name: 'Decision: Not yet ready' })).toBeVisible();
    const form = applicant.getByRole('region', { name: 'Appeal this decision' });
    await pwExpect(form.getByText(/^Appeal window: /)).toBeVisible();
    await form.getByRole('textbox', { name: 'Your statement' }).fill('Too short');
    await pwExpect(form.getByText('At least 20 characters')).toBeVisible();
    await checkA11y(applicant, 'applicant-appeal-form');
    await form.getByRole('textbox', { name: 'Your statement' }).fill(STATEMENT);
    await form.getByRole('button', { name: 'File the appeal' }).click();
    await applicant.getByRole('dialog', { name: 'File your appeal?' }).getByRole('button', { name: 'Yes, file my appeal' }).click();
    // Read-your-writes: the page shows where the appeal stands at once.
    const standing = applicant.getByRole('region', { name: 'Your appeal' });
    await pwExpect(standing.getByText(/Your appeal is with IASL staff/)).toBeVisible();
    await pwExpect(standing.getByText('Decision appealed: Not yet ready', { exact: false })).toBeVisible();
    await checkA11y(applicant, 'applicant-appeal-filed');
    await screenshot(applicant, 'applicant-appeal-filed');
  });

  it('lets staff route the appeal to the board, which designates the program on it', async () => {
    staff = await signInWithPassword(stack, 'staff@iasl.org');
    await staff.goto(`/staff/applications/${applicationId}`);
    const appeal = staff.getByRole('region', { name: 'Appeal' });
    await pwExpect(appeal.getByText(STATEMENT)).toBeVisible();
    await appeal.getByRole('radio', { name: 'The advisory board, to decide directly' }).check();
    await checkA11y(staff, 'staff-appeal-routing');
    await screenshot(staff, 'staff-appeal-routing');
    await appeal.getByRole('button', { name: 'Route the appeal' }).click();
    await pwExpect(appeal.getByText('Routed to the board.')).toBeVisible();

    board = await signInWithPassword(stack, 'chair@iasl.org');
    board.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await board.goto(`/board/applications/${applicationId}`);
    await pwExpect(board.getByRole('region', { name: 'Appeal' }).getByText(/This decision answers an appeal/)).toBeVisible();
    await board.getByRole('radio', { name: 'Charter membership' }).check();
    await board
      .getByRole('textbox', { name: /^Justification/ })
      .fill('The late Fab Lab portfolio shows level 3 work: charter membership, with a growth plan.');
    await checkA11y(board, 'board-appeal-decision');
    await screenshot(board, 'board-appeal-decision');
    await board.getByRole('button', { name: 'Record decision' }).click();
    const confirm = board.getByRole('dialog', { name: "Record the board's decision?" });
    await pwExpect(confirm.getByText(/^This overrules the computed recommendation/)).toBeVisible();
    await pwExpect(confirm.getByText(/This decides an appeal: it is final at once/)).toBeVisible();
    await confirm.getByRole('button', { name: 'Yes, record Charter membership' }).click();
    await pwExpect(board.getByText(/^Decided: /)).toBeVisible();
  });

  it('shows the designated program when its yearly update window opens, instead of a form it may not send yet', async () => {
    await stack.settle();
    await applicant.goto(`/applications/${applicationId}`);
    await pwExpect(applicant.getByRole('heading', { name: 'Decision: Charter membership' })).toBeVisible();
    await pwExpect(applicant.getByText(/The advisory board has decided your appeal/)).toBeVisible();
    await applicant
      .getByRole('region', { name: 'Yearly progress' })
      .getByRole('link', { name: /^See the change per indicator/ })
      .click();
    await pwExpect(applicant).toHaveURL(new RegExp(`/applications/${applicationId}/progress$`));
    await pwExpect(applicant.getByRole('heading', { level: 2, name: 'Charter membership' })).toBeVisible();
    // Designated today, so the first update is due in 365 days; the window opens 90 days before that (policy v1).
    const updateCard = applicant.getByRole('region', { name: 'Yearly update', exact: true });
    await pwExpect(updateCard.getByText(new RegExp(`the update window opens on ${longDay(WINDOW_OPENS)}`))).toBeVisible();
    await pwExpect(applicant.getByRole('button', { name: 'Send the yearly update' })).toHaveCount(0);
    await checkA11y(applicant, 'applicant-progress-window');
  });

  it('lets staff open an award cycle', async () => {
    await staff.getByRole('link', { name: 'Awards' }).click();
    await pwExpect(staff.getByRole('heading', { name: 'Open a new award cycle' })).toBeVisible();
    await staff.getByRole('textbox', { name: 'Year' }).fill(String(YEAR));
    await staff.getByRole('textbox', { name: 'Number of awards' }).fill('1');
    await staff.getByLabel('Nominations close').fill(TODAY);
    await staff.getByLabel('Answers due (RSVP)').fill(day(14));
    await staff.getByLabel('Summit day').fill(day(30));
    await staff.getByLabel('Summit place').fill('Columbus, Ohio');
    await checkA11y(staff, 'staff-award-cycle-form');
    await staff.getByRole('button', { name: 'Open the cycle' }).click();
    const cycle = staff.getByRole('region', { name: /leadership award/i }).first();
    await pwExpect(staff.getByText('Nominations and scoring open')).toBeVisible();
    await pwExpect(cycle.getByRole('table')).toBeVisible();
    await checkA11y(staff, 'staff-award-cycles');
    await screenshot(staff, 'staff-award-cycles');

    // Staff give invitees a week more to answer, with a reason; the dates read with their time zone.
    const dates = staff.getByRole('region', { name: 'Change dates' });
    await dates.getByLabel('Invitations answered by').fill(`${day(21)}T09:00`);
    await dates.getByRole('textbox', { name: /Reason for the change/ }).fill('The hotel block opens a week later.');
    await dates.getByRole('button', { name: 'Change dates' }).click();
    await pwExpect(dates.getByText(`Invitations answered by: ${longDay(`${day(21)}T09:00:00.000Z`)} at 09:00 UTC`)).toBeVisible();
    await pwExpect(dates.getByText(/The hotel block opens a week later\./)).toBeVisible();
    await checkA11y(staff, 'staff-award-cycle-dates');
  });

  it('lets the leader nominate the program with a teacher and a student portfolio', async () => {
    await applicant.getByRole('link', { name: 'Awards' }).click();
    const form = applicant.getByRole('region', { name: /^Nominate your program/ });
    await pwExpect(form).toBeVisible();
    await form.getByRole('button', { name: 'Add a teacher' }).click();
    await form.getByRole('textbox', { name: 'Teacher 1: name' }).fill('Ms. Tess Okafor');
    await form.getByRole('textbox', { name: 'Teacher 1: subject' }).fill('Physics');
    await form.getByRole('textbox', { name: 'Teacher 1: what they do' }).fill('Runs the robotics studio with county engineers.');
    await form.getByRole('button', { name: 'Add a student portfolio' }).click();
    await form.getByRole('textbox', { name: 'Portfolio 1: title' }).fill('Solar rover');
    await form.getByRole('textbox', { name: 'Portfolio 1: summary' }).fill('A rover that maps the school garden.');
    await form.getByRole('textbox', { name: 'Portfolio 1: link' }).fill('https://example.org/rover');
    await checkA11y(applicant, 'applicant-award-nomination');
    await screenshot(applicant, 'applicant-award-nomination');
    await form.getByRole('button', { name: 'Send the nomination' }).click();
    await applicant.getByRole('dialog', { name: 'Send the nomination?' }).getByRole('button', { name: 'Yes, send the nomination' }).click();
    await pwExpect(applicant.getByText(/was nominated/)).toBeVisible();
    await pwExpect(applicant.getByText('The advisory board scores every nomination', { exact: false })).toBeVisible();
  });

  it('lets the board score the nomination, close the scoring once nominations have closed, and select the recipient', async () => {
    await board.getByRole('link', { name: 'Awards' }).click();
    const card = board.getByRole('region', { name: `${ALICE.name}, ${ALICE.institution}` });
    await pwExpect(card.getByText('Solar rover')).toBeVisible();
    const selects = card.locator('input[aria-haspopup="listbox"]');
    pwExpect(await selects.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await selects.count()); i++) {
      await selects.nth(i).click();
      await board.getByRole('option', { name: '4', exact: true }).click();
    }
    await checkA11y(board, 'board-award-scoring');
    await screenshot(board, 'board-award-scoring');
    await card.getByRole('button', { name: 'Save my scores' }).click();
    await pwExpect(card.getByText('1 board scores', { exact: false })).toBeVisible();

    // Scoring may close only once nominations have: 09:00 today.
    await board.getByRole('button', { name: 'Close scoring' }).click();
    await pwExpect(board.getByText('Scoring stays open')).toBeVisible();
    clock.set(`${TODAY}T09:30:00.000Z`);
    await board.getByRole('button', { name: 'Close scoring' }).click();
    const selection = board.getByRole('region', { name: /^Select the recipients/ });
    await pwExpect(selection.getByRole('checkbox', { name: new RegExp(`${ALICE.institution}`) })).toBeChecked();
    await checkA11y(board, 'board-award-selection');
    await screenshot(board, 'board-award-selection');
    await selection.getByRole('button', { name: 'Select and invite to the summit' }).click();
    const confirm = board.getByRole('dialog', { name: 'Select these recipients?' });
    await pwExpect(confirm.getByText(`${ALICE.name}, ${ALICE.institution}`, { exact: false })).toBeVisible();
    await pwExpect(confirm.getByText('This is final')).toBeVisible();
    await checkA11y(board, 'board-award-selection-confirm');
    await confirm.getByRole('button', { name: /^Yes, select and invite/ }).click();
    await pwExpect(board.getByText('Invited: answer pending')).toBeVisible();
  });

  it('lets the leader accept the summit invitation', async () => {
    await stack.settle();
    await applicant.reload();
    await pwExpect(applicant.getByText('Selected for the award')).toBeVisible();
    await checkA11y(applicant, 'applicant-summit-invitation');
    await applicant.getByRole('button', { name: 'I will attend' }).click();
    await pwExpect(applicant.getByText('Accepted', { exact: true })).toBeVisible();
    await pwExpect(applicant.getByText(/You answered .* that you will attend; you can change your answer until/)).toBeVisible();
    await screenshot(applicant, 'applicant-summit-accepted');
    await stack.settle();
    await staff.reload();
    await pwExpect(staff.getByText('Accepted', { exact: true })).toBeVisible();
  });

  it("lets the leader opt in to the who's who, and anyone signed out find the entry and the book", async () => {
    await applicant.goto(`/applications/${applicationId}`);
    const panel = applicant.getByRole('region', { name: "Who's who of STEM leaders" });
    for (const field of ['Your name', 'Institution', 'Awards', 'Best-practice summary'])
      await panel.getByRole('checkbox', { name: field }).check();
    await panel.getByRole('textbox', { name: 'Best-practice summary' }).fill(SUMMARY);
    await pwExpect(panel.getByRole('article').getByText(SUMMARY)).toBeVisible();
    await checkA11y(applicant, 'applicant-directory-opt-in');
    await screenshot(applicant, 'applicant-directory-opt-in');
    await panel.getByRole('button', { name: 'Publish my entry' }).click();
    await pwExpect(panel.getByText('Your entry is in the public directory.')).toBeVisible();

    await stack.settle();
    const { page } = await stack.person();
    await page.goto('/directory');
    await pwExpect(page.getByRole('heading', { level: 1, name: "Who's who of STEM leaders" })).toBeVisible();
    const entry = page.getByRole('article', { name: ALICE.name });
    await pwExpect(entry.getByText(SUMMARY)).toBeVisible();
    await pwExpect(entry.getByText(ALICE.institution)).toBeVisible();
    await pwExpect(entry.getByText(new RegExp(`^Awards: .*\\(${YEAR}\\)`))).toBeVisible();
    // Not ticked, so not shown: the country and the focus areas.
    await pwExpect(entry.getByText('US')).toHaveCount(0);
    await pwExpect(entry.getByText('robotics')).toHaveCount(0);
    await checkA11y(page, 'public-directory');
    await screenshot(page, 'public-directory-after-decision');

    // The book is a plain link: a page load of it (Accept: text/html, no session) gets the PDF, not the web app.
    const link = page.getByRole('link', { name: `Download the ${YEAR} book (PDF)` });
    await pwExpect(link).toHaveAttribute('href', `/directory/books/${YEAR}.pdf`);
    const book = await page.request.get(`/directory/books/${YEAR}.pdf`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    pwExpect(book.status()).toBe(200);
    pwExpect(book.headers()['content-type']).toContain('application/pdf');
    pwExpect((await book.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets the designated program send its yearly update once the window opens, and see the change per indicator', async () => {
    // The server's clock, and the browser's, move into the window (months after the award steps above, which need today).
    const inWindow = `${day(300)}T09:00:00.000Z`;
    clock.set(inWindow);
    await stack.settle();
    // Sessions last 12 hours: after the clock moves, the leader signs in again, on a browser already in the window.
    applicant = await signInByEmailLink(stack, ALICE.email, { browserTime: inWindow });
    applicant.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await applicant.goto(`/applications/${applicationId}/progress`);
    await pwExpect(applicant.getByRole('heading', { level: 2, name: 'Charter membership' })).toBeVisible();
    await pwExpect(applicant.getByText('0 of 16 indicators rated with evidence')).toBeVisible();

    for (let i = 1; i <= 16; i++) {
      // The levels start from the last rating (1); this year the first indicator has moved up to 2.
      if (i === 1) await applicant.getByRole('radio', { name: /^Level 2 · / }).click();
      await applicant
        .getByRole('textbox', { name: 'Evidence for this year' })
        .fill(`This year's club logs and student survey for indicator ${i}`);
      if (i === 1) {
        await checkA11y(applicant, 'applicant-progress-update');
        await screenshot(applicant, 'applicant-progress-update');
      }
      if (i < 16) await applicant.getByRole('button', { name: 'Next indicator' }).click();
    }
    await pwExpect(applicant.getByText('16 of 16 indicators rated with evidence')).toBeVisible();
    await applicant.getByRole('button', { name: 'Send the yearly update' }).click();
    await applicant
      .getByRole('dialog', { name: "Send this year's update?" })
      .getByRole('button', { name: 'Yes, send the yearly update' })
      .click();

    const table = applicant.getByRole('table', { name: '1 yearly update so far' });
    await pwExpect(table).toBeVisible();
    const first = table.locator('tbody tr').first();
    // At designation (own / reviewers) 1 / 1, this year 2: one level up since designation.
    await pwExpect(first.getByRole('cell', { name: '1 / 1' })).toBeVisible();
    await pwExpect(first.getByRole('cell', { name: '+1' })).toHaveCount(2);
    await pwExpect(table.locator('tbody tr').nth(1).getByRole('cell', { name: '0', exact: true })).toHaveCount(2);
    // The update is in for this year: the page says so rather than offering the same form again.
    await pwExpect(applicant.getByRole('heading', { name: "This year's update is in" })).toBeVisible();
    // The next one is due a year after this one was, and its window opens 90 days before that.
    await pwExpect(
      applicant.getByText(new RegExp(`the update window opens on ${longDay(`${day(730 - 90)}T07:00:00.000Z`)}`)),
    ).toBeVisible();
    await pwExpect(applicant.getByText(/no reviewer asked to confirm it/)).toBeVisible();
    await checkA11y(applicant, 'applicant-progress-change');
    await screenshot(applicant, 'applicant-progress-change');
  });

  it('lets staff ask a reviewer to confirm the update, and the reviewer dispute one indicator with a reason', async () => {
    staff = await signInWithPassword(stack, 'staff@iasl.org');
    await staff.goto(`/staff/applications/${applicationId}`);
    const panel = staff.getByRole('region', { name: 'Yearly progress' });
    await panel.getByRole('combobox', { name: 'Ask a reviewer to confirm the latest update' }).click();
    await staff.getByRole('option', { name: 'Rita North (North College)' }).click();
    await checkA11y(staff, 'staff-progress-confirmation');
    await panel.getByRole('button', { name: 'Ask to confirm' }).click();
    await pwExpect(panel.getByText('Reviewer Rita North: asked, no answer yet')).toBeVisible();

    await stack.settle();
    const reviewer = await signInWithPassword(stack, 'north@review.org');
    await reviewer.getByRole('link', { name: 'Confirm or dispute' }).click();
    await pwExpect(reviewer.getByRole('heading', { level: 1, name: /^Confirm the yearly update: APP-/ })).toBeVisible();
    const first = reviewer.getByRole('group').first();
    await first.getByRole('radio', { name: 'Dispute' }).check();
    await pwExpect(reviewer.getByText('1 disputed indicator still needs a comment.')).toBeVisible();
    await first
      .getByRole('textbox', { name: /^Why do you dispute this level\?/ })
      .fill('The club logs show one term only, not the whole year.');
    await checkA11y(reviewer, 'reviewer-progress-confirmation');
    await screenshot(reviewer, 'reviewer-progress-confirmation');
    await reviewer.getByRole('button', { name: 'Send my confirmation' }).click();
    const confirm = reviewer.getByRole('dialog', { name: /^Send your confirmation of APP-/ });
    await pwExpect(confirm.getByText('You confirm 15 indicators and dispute 1, with your comments.', { exact: false })).toBeVisible();
    await confirm.getByRole('button', { name: 'Yes, send my confirmation' }).click();
    await pwExpect(reviewer).toHaveURL(/\/reviews$/);

    await staff.reload();
    await pwExpect(
      staff.getByRole('region', { name: 'Yearly progress' }).getByText('Reviewer Rita North: 1 indicators disputed'),
    ).toBeVisible();
  });

  it("shows a renewal's reviewer the earlier years, four years on", async () => {
    // Seeded: within the term's last year the leader starts the renewal and submits its assessment; staff assign.
    clock.set(`${day(4 * 365 + 30)}T09:00:00.000Z`);
    const aliceApi = await api.emailLink(ALICE.email);
    const { applicationId: renewalId } = await api.call<{ applicationId: string }>(
      'POST',
      `/applications/${applicationId}/renewal`,
      {},
      aliceApi,
    );
    await api.call('POST', `/applications/${renewalId}/assessment`, { ratings: ratings(2) }, aliceApi);
    const north = (await stack.identity.findByEmail('north@review.org'))!;
    const east = (await stack.identity.findByEmail('east@review.org'))!;
    await api.call(
      'POST',
      `/applications/${renewalId}/reviewers`,
      { mode: 'manual', reviewerIds: [north.id, east.id] },
      await api.login('staff@iasl.org'),
    );

    const reviewer = await signInWithPassword(stack, 'north@review.org');
    reviewer.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await reviewer.goto(`/reviews/${renewalId}`);
    await reviewer.getByRole('button', { name: 'I have no conflict: start scoring' }).click();
    const earlier = reviewer.getByRole('region', { name: /^Earlier years: a renewal of APP-/ });
    await pwExpect(earlier.getByText(/1 yearly update/)).toBeVisible();
    await pwExpect(earlier.getByRole('table', { name: 'The earlier designation, per indicator' })).toBeVisible();
    await checkA11y(reviewer, 'reviewer-renewal-review');
    await screenshot(reviewer, 'reviewer-renewal-review');
    pwExpect(requested).toContain(`/applications/${renewalId}/renewal-history`);
  });

  it('asked for renewal history only on the renewal, never on the application it renews', () => {
    pwExpect(requested).not.toContain(`/applications/${applicationId}/renewal-history`);
  });

  it('has no axe violations of any impact on any page checked', () => {
    pwExpect(a11yProblems).toEqual({});
  });

  it('had no script errors in any page', () => {
    pwExpect(stack.pageErrors).toEqual([]);
  });
});
