import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { FixedClock } from '@cert/testing';
import { CODES, ratings, scores, surveyFor } from '../support/cycle-data';
import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { ApiSession, apiClient } from './support/people';
import {
  PASSWORD,
  SCREENSHOTS,
  WebStack,
  passwordAccount,
  screenshot,
  seriousA11yViolations,
  startWebStack,
  writeAxeReport,
} from './support/web-stack';

/**
 * Every page of the web app (apps/web/src/App.tsx), for every role that may open it, at a desktop's width (1280 px)
 * and a phone's (390 px): axe finds nothing serious or critical, nothing reaches past the screen's edge on the phone
 * (the document does not scroll sideways, and anything wider sits in a scroll region the keyboard can reach), and
 * each is saved as `screenshots/every-page/<role>-<page>-<width>.png` (a folder of its own: other specs use some of the
 * same names). The pages show real content: a realistic set of applications, one in
 * each main status, is driven through the API first. Findings are gathered and asserted once, so one run lists them all.
 */
failWithoutPrerequisites();

jest.setTimeout(600_000);

const TODAY = new Date().toISOString().slice(0, 10);
const at = (offsetDays: number, time = '09:00') => new Date(Date.parse(`${TODAY}T${time}:00.000Z`) + offsetDays * 86_400_000).toISOString();
// The designation happens today; the rest of the data a little under a year on, inside the first yearly update's window.
const LATER = at(300);
// The award cycle's year is its summit's (docs/DOMAIN.md, Awards and summit), which comes at(335).
const YEAR = Number(at(335).slice(0, 4));
const JUSTIFICATION = 'The board read the evidence and the two reviews and agrees with both reviewers.';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const LEADERS = {
  alice: { name: 'Dr. Alice Rivers', email: 'alice@riverside.edu', institution: 'Riverside STEM Academy' },
  bob: { name: 'Bob Lakeman', email: 'bob@lakeside.edu', institution: 'Lakeside Polytechnic High School' },
  carol: { name: 'Carol Hill', email: 'carol@hillcrest.edu', institution: 'Hillcrest Middle School' },
  dan: { name: 'Dan Moor', email: 'dan@moorland.edu', institution: 'Moorland Science College' },
  eve: { name: 'Eve Stone', email: 'eve@stonebridge.edu', institution: 'Stonebridge Academy' },
  fay: { name: 'Fay Brook', email: 'fay@brookfield.edu', institution: 'Brookfield School District' },
};

type Width = 1280 | 390;
const WIDTHS: [Width, number][] = [
  [1280, 900],
  [390, 844],
];

describeWeb('every page, for every role, at 1280 and 390 px wide', () => {
  const clock = new FixedClock(at(0, '07:00'));
  let stack: WebStack;
  let api: ReturnType<typeof apiClient>;
  const axeLog: Record<string, unknown> = {};
  /** "role-page @width: what", gathered over every visit and asserted once at the end. */
  const findings: string[] = [];
  const visited: string[] = [];
  const ids: Record<keyof typeof LEADERS, string> = { alice: '', bob: '', carol: '', dan: '', eve: '', fay: '' };
  const users: Record<string, { id: string }> = {};

  /**
   * What reaches past the right edge: the document scrolling sideways, or an element in main that sticks out of the
   * screen without sitting in a scroll region a keyboard can reach (tabindex 0, role region, a name).
   */
  const overflow = (page: Page) =>
    // A function, not a string: the app's CSP forbids eval. The spec compiles without the DOM's types, hence the casts.
    page.evaluate(() => {
      type El = {
        tagName: string;
        className: unknown;
        textContent: string | null;
        parentElement: El | null;
        getAttribute(n: string): string | null;
        scrollWidth: number;
        clientWidth: number;
        getBoundingClientRect(): { width: number; height: number; right: number };
      };
      const w = globalThis as unknown as {
        innerWidth: number;
        getComputedStyle(e: El): { overflowX: string };
        document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): El[] };
      };
      const problems: string[] = [];
      const docWidth = w.document.documentElement.scrollWidth;
      if (docWidth > w.innerWidth) problems.push(`the document is ${docWidth} px wide, the screen ${w.innerWidth}`);
      const reachable = (e: El) => {
        for (let p = e.parentElement; p; p = p.parentElement) {
          const x = w.getComputedStyle(p).overflowX;
          if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip')
            return p.getAttribute('tabindex') === '0' && p.getAttribute('role') === 'region' && !!p.getAttribute('aria-label');
        }
        return false;
      };
      const past = [...w.document.querySelectorAll('main *')].filter((e) => {
        const b = e.getBoundingClientRect();
        return b.width > 0 && b.height > 0 && b.right > w.innerWidth + 1 && !reachable(e);
      });
      // The outermost offenders only: their children stick out with them.
      const outermost = past.filter((e) => !past.includes(e.parentElement as El));
      for (const e of outermost.slice(0, 3)) {
        const cls = typeof e.className === 'string' ? e.className.split(' ')[0] : '';
        problems.push(
          `<${e.tagName.toLowerCase()}${cls ? ` class=${cls}` : ''}> ("${(e.textContent ?? '').trim().slice(0, 40)}") reaches ${Math.round(
            e.getBoundingClientRect().right,
          )} px`,
        );
      }
      // A button or badge squeezed narrower than its label cuts the label off (Mantine clips it) without reaching the edge.
      for (const e of [...w.document.querySelectorAll('main button, main .mantine-Badge-label')].filter(
        (b) => b.clientWidth > 0 && b.scrollWidth > b.clientWidth + 1,
      ))
        problems.push(
          `the label "${(e.textContent ?? '').trim().slice(0, 40)}" is cut off (${e.clientWidth} of ${e.scrollWidth} px shown)`,
        );
      return problems;
    });

  /** The page has loaded what it shows: its heading is up and no spinner is left. */
  async function loaded(page: Page) {
    await pwExpect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): unknown[] } }).document.querySelectorAll(
          '.mantine-Loader-root',
        ).length === 0,
      undefined,
      { timeout: 15_000 },
    );
  }

  /** Opens `path` and checks it at both widths: axe, the phone's edge, a screenshot each. */
  async function visit(page: Page, role: string, name: string, path: string, ready?: (page: Page) => Promise<void>) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    await loaded(page);
    if (ready) await ready(page);
    for (const [width, height] of WIDTHS) {
      await page.setViewportSize({ width, height });
      const label = `${role}-${name}-${width}`;
      for (const v of await seriousA11yViolations(page, label, axeLog))
        findings.push(`${role}-${name} @${width}: axe ${v.id} (${v.impact}): ${v.help} [${v.nodes.join(' | ')}]`);
      if (width === 390) for (const p of await overflow(page)) findings.push(`${role}-${name} @${width}: width: ${p}`);
      await screenshot(page, `every-page/${label}`);
    }
    visited.push(`${role}-${name}`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  const text = (t: string | RegExp) => async (page: Page) => {
    await pwExpect(page.getByText(t).first()).toBeVisible();
  };

  /** A browser whose clock reads the server's (the web app counts the session's hours on it). */
  async function browserAt() {
    const { page } = await stack.person();
    await page.clock.setFixedTime(new Date(clock.now()));
    return page;
  }

  async function signIn(email: string): Promise<Page> {
    const page = await browserAt();
    await page.goto('/sign-in');
    await page.getByLabel(/^Email address/).fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pwExpect(page).toHaveURL(/\/(staff|board|reviews|auditor|operator)$/);
    return page;
  }

  async function signInLeader(email: string): Promise<Page> {
    const page = await browserAt();
    await page.goto('/sign-in');
    await page.getByLabel('Your email address').fill(email);
    await page.getByLabel('Your email address').press('Enter');
    await pwExpect(page.getByText('Check your inbox')).toBeVisible();
    const link = /https?:\/\/\S+\/sign-in\?token=[A-Za-z0-9_-]+/.exec(stack.mailer.to(email).at(-1)?.text ?? '')?.[0];
    if (!link) throw new Error(`no sign-in link mailed to ${email}`);
    await page.goto(link);
    await pwExpect(page).toHaveURL(/\/home$/);
    return page;
  }

  async function upload(session: ApiSession, applicationId: string, indicator: string, bytes: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const res = await fetch(
      `${stack.baseUrl}/applications/${applicationId}/evidence/documents?purpose=assessment&indicator=${encodeURIComponent(indicator)}`,
      { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, body: form },
    );
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  }

  beforeAll(async () => {
    stack = await startWebStack({ clock });
    mkdirSync(join(SCREENSHOTS, 'every-page'), { recursive: true });
    api = apiClient(stack);
    await passwordAccount(stack, 'staff', 'staff@iasl.org', { name: 'Sam Staff' });
    await passwordAccount(stack, 'board', 'chair@iasl.org', { name: 'Board Chair' });
    await passwordAccount(stack, 'auditor', 'auditor@iasl.org', { name: 'Ada Auditor' });
    await passwordAccount(stack, 'operator', 'ops@iasl.org', { name: 'Oli Operator' });
    for (const [key, email, name, institution, region] of [
      ['north', 'north@review.org', 'Rita North', 'North College', 'Ontario'],
      ['east', 'east@review.org', 'Eli East', 'East University', 'Kenya'],
      ['west', 'west@review.org', 'Wanda West', 'West Institute of Technology', 'Oregon'],
    ])
      users[key] = await passwordAccount(stack, 'reviewer', email, { name, institution, region });

    // Today: Alice's program is designated a charter member on two reviews, with evidence documents.
    let staffApi = await api.login('staff@iasl.org');
    let boardApi = await api.login('chair@iasl.org');
    const L = LEADERS;
    const survey = (who: keyof typeof LEADERS) => surveyFor(L[who].name, L[who].email, L[who].institution);
    let alice = await api.emailLink(L.alice.email);
    ({ applicationId: ids.alice } = await api.call<{ applicationId: string }>('POST', '/applications', survey('alice'), alice));
    await api.call('POST', `/applications/${ids.alice}/screening/accept`, {}, staffApi);
    await upload(alice, ids.alice, CODES[0], PDF, 'Leadership team minutes 2025-26.pdf');
    await upload(alice, ids.alice, CODES[1], PNG, 'Robotics lab floor plan.png');
    await api.call('POST', `/applications/${ids.alice}/assessment`, { ratings: ratings(3) }, alice);
    await api.call(
      'POST',
      `/applications/${ids.alice}/reviewers`,
      { mode: 'manual', reviewerIds: [users.north.id, users.east.id] },
      staffApi,
    );
    for (const email of ['north@review.org', 'east@review.org'])
      await api.call(
        'POST',
        `/applications/${ids.alice}/scores`,
        { scores: scores(3, { [CODES[2]]: 2 }), recommendation: 'CharterMembership' },
        await api.login(email),
      );
    await stack.settle();
    await api.call('POST', `/applications/${ids.alice}/decision`, { outcome: 'CharterMembership', justification: JUSTIFICATION }, boardApi);
    await stack.settle();
    await api.call(
      'PUT',
      `/applications/${ids.alice}/directory-listing`,
      {
        fields: ['leaderName', 'institution', 'country', 'focusAreas', 'designationYear', 'summary'],
        focusAreas: ['robotics', 'coding'],
        summary: 'Every student builds a robot with a mentor; teachers co-plan in weekly Fab Lab studios.',
      },
      alice,
    );

    // 300 days on, inside the yearly update's window: sessions are signed in again on the moved clock.
    clock.set(LATER);
    await stack.settle();
    staffApi = await api.login('staff@iasl.org');
    boardApi = await api.login('chair@iasl.org');
    const north = await api.login('north@review.org');
    const east = await api.login('east@review.org');
    const west = await api.login('west@review.org');
    alice = await api.emailLink(L.alice.email);
    await api.call(
      'POST',
      `/applications/${ids.alice}/progress-updates`,
      { ratings: ratings(3).map((r, i) => (i === 0 ? { ...r, level: 4 } : r)) },
      alice,
    );
    await api.call('POST', `/applications/${ids.alice}/progress/confirmation-requests`, { reviewerId: users.north.id }, staffApi);

    const leaders: Record<string, ApiSession> = {};
    for (const who of ['bob', 'carol', 'dan', 'eve', 'fay'] as const) {
      leaders[who] = await api.emailLink(L[who].email);
      ({ applicationId: ids[who] } = await api.call<{ applicationId: string }>('POST', '/applications', survey(who), leaders[who]));
    }
    // Carol waits for screening; Dan is accepted and half-way through his self-assessment.
    await api.call('POST', `/applications/${ids.dan}/screening/accept`, {}, staffApi);
    await api.call('PUT', `/applications/${ids.dan}/assessment/draft`, { ratings: ratings(2, CODES.slice(0, 6)) }, leaders.dan);
    // Bob is under review: Rita has scored half the indicators, Eli not yet started.
    for (const who of ['bob', 'eve', 'fay'] as const) {
      await api.call('POST', `/applications/${ids[who]}/screening/accept`, {}, staffApi);
      await api.call('POST', `/applications/${ids[who]}/assessment`, { ratings: ratings(who === 'eve' ? 1 : 3) }, leaders[who]);
    }
    await api.call(
      'POST',
      `/applications/${ids.bob}/reviewers`,
      { mode: 'manual', reviewerIds: [users.north.id, users.east.id] },
      staffApi,
    );
    await api.call('PUT', `/applications/${ids.bob}/scores/draft`, { scores: scores(3).slice(0, 8) }, north);
    // Fay waits for the board's decision; Eve was judged not yet ready and has appealed.
    await api.call('POST', `/applications/${ids.fay}/reviewers`, { mode: 'manual', reviewerIds: [users.east.id, users.west.id] }, staffApi);
    for (const reviewer of [east, west])
      await api.call('POST', `/applications/${ids.fay}/scores`, { scores: scores(3), recommendation: 'CharterMembership' }, reviewer);
    await api.call(
      'POST',
      `/applications/${ids.eve}/reviewers`,
      { mode: 'manual', reviewerIds: [users.north.id, users.west.id] },
      staffApi,
    );
    for (const reviewer of [north, west])
      await api.call('POST', `/applications/${ids.eve}/scores`, { scores: scores(1), recommendation: 'NotYetReady' }, reviewer);
    await stack.settle();
    await api.call('POST', `/applications/${ids.eve}/decision`, { outcome: 'NotYetReady', justification: JUSTIFICATION }, boardApi);
    await stack.settle();
    await api.call(
      'POST',
      `/applications/${ids.eve}/appeals`,
      { statement: 'The reviewers did not see our Fab Lab portfolio, which shows level 3 work on most indicators.' },
      leaders.eve,
    );

    // An award cycle open for nominations, with Alice's program nominated.
    await api.call(
      'POST',
      '/award-cycles',
      {
        year: YEAR,
        awardsAvailable: 2,
        nominationsCloseAt: at(307),
        rsvpBy: at(321),
        summit: { startsAt: at(335, '18:00'), place: 'Columbus, Ohio' },
      },
      staffApi,
    );
    await api.call(
      'POST',
      `/award-cycles/${YEAR}/nominations`,
      {
        applicationId: ids.alice,
        teachers: [{ name: 'Ms. Tess Okafor', subject: 'Physics', statement: 'Runs the robotics studio with county engineers.' }],
        portfolios: [{ title: 'Solar rover', summary: 'A rover that maps the school garden.', link: 'https://example.org/rover' }],
      },
      alice,
    );
    // Nora has an account and nothing else yet.
    await api.emailLink('nora@newfield.edu');
    await stack.settle();
  });

  afterAll(async () => {
    writeAxeReport(axeLog, 'axe-report-every-page.json');
    await stack?.close();
  });

  it('checks the pages anyone may open signed out', async () => {
    const page = await browserAt();
    await visit(page, 'public', 'directory', '/directory', text(LEADERS.alice.name));
    await visit(page, 'public', 'not-found', '/no-such-page');
    await visit(page, 'sign-in', 'sign-in', '/sign-in');
    await visit(page, 'sign-in', 'set-password', '/set-password');
    await visit(page, 'sign-in', 'set-password-token', '/set-password?token=not-a-real-token');
  });

  it('checks every page an applicant opens', async () => {
    const alice = await signInLeader(LEADERS.alice.email);
    await visit(alice, 'applicant', 'home', '/home', text(/APP-/));
    await visit(alice, 'applicant', 'application-designated', `/applications/${ids.alice}`, text(/Charter membership/));
    await visit(alice, 'applicant', 'growth-report', `/applications/${ids.alice}/growth-report`);
    await visit(alice, 'applicant', 'progress', `/applications/${ids.alice}/progress`, text(/1 yearly update/));
    await visit(alice, 'applicant', 'awards', '/awards', text(/Solar rover|nominated/));
    await visit(alice, 'applicant', 'notifications', '/notifications');
    const dan = await signInLeader(LEADERS.dan.email);
    await visit(dan, 'applicant', 'application-in-assessment', `/applications/${ids.dan}`);
    await visit(dan, 'applicant', 'assessment', `/applications/${ids.dan}/assessment`);
    const carol = await signInLeader(LEADERS.carol.email);
    await visit(carol, 'applicant', 'application-submitted', `/applications/${ids.carol}`);
    const bob = await signInLeader(LEADERS.bob.email);
    await visit(bob, 'applicant', 'application-under-review', `/applications/${ids.bob}`);
    const eve = await signInLeader(LEADERS.eve.email);
    await visit(eve, 'applicant', 'application-appealed', `/applications/${ids.eve}`, text(/Your appeal is with IASL staff/));
    const nora = await signInLeader('nora@newfield.edu');
    await visit(nora, 'applicant', 'home-new', '/home');
    await visit(nora, 'applicant', 'apply', '/apply');
  });

  it('checks every page staff open', async () => {
    const staff = await signIn('staff@iasl.org');
    await visit(staff, 'staff', 'queue', '/staff', text(LEADERS.carol.institution));
    await visit(staff, 'staff', 'application-submitted', `/staff/applications/${ids.carol}`);
    await visit(staff, 'staff', 'application-under-review', `/staff/applications/${ids.bob}`);
    await visit(staff, 'staff', 'application-appealed', `/staff/applications/${ids.eve}`, text(/Route the appeal/));
    await visit(staff, 'staff', 'application-designated', `/staff/applications/${ids.alice}`, text('Leadership team minutes 2025-26.pdf'));
    await visit(staff, 'staff', 'growth-report', `/applications/${ids.alice}/growth-report`);
    await visit(staff, 'staff', 'work-overview', '/staff/work', text('Needs action now'));
    await visit(staff, 'staff', 'erasures', '/staff/erasures');
    await visit(staff, 'staff', 'awards', '/staff/awards', text(LEADERS.alice.institution));
    await visit(staff, 'staff', 'notifications', '/notifications');
  });

  it('checks every page a reviewer opens', async () => {
    const rita = await signIn('north@review.org');
    await visit(rita, 'reviewer', 'assignments', '/reviews', text(LEADERS.bob.institution));
    await visit(rita, 'reviewer', 'review', `/reviews/${ids.bob}`);
    await visit(rita, 'reviewer', 'review-finish', `/reviews/${ids.bob}?finish=1`, text('Finish your review'));
    // The whole rubric on one page: the reviewer's choice, kept for the next visit.
    await visit(rita, 'reviewer', 'review-grid', `/reviews/${ids.bob}`, async (page) => {
      await page.getByRole('radio', { name: 'Whole rubric on one page' }).check();
      await pwExpect(page.getByRole('button', { name: 'Next indicator' })).toHaveCount(0);
    });
    await visit(rita, 'reviewer', 'review-finished', `/reviews/${ids.eve}`);
    await visit(rita, 'reviewer', 'progress-confirmation', `/reviews/progress/${ids.alice}`);
    await visit(rita, 'reviewer', 'notifications', '/notifications');
    const eli = await signIn('east@review.org');
    await visit(eli, 'reviewer', 'review-conflict-check', `/reviews/${ids.bob}`, text('I have no conflict: start scoring'));
  });

  it('checks every page the board opens', async () => {
    const board = await signIn('chair@iasl.org');
    await visit(board, 'board', 'dashboard', '/board', text('Status funnel'));
    await visit(board, 'board', 'decisions', '/board/decisions', text(/APP-/));
    await visit(board, 'board', 'application-to-decide', `/board/applications/${ids.fay}`, text(/Record decision/));
    await visit(board, 'board', 'application-decided', `/board/applications/${ids.alice}`);
    await visit(board, 'board', 'growth-report', `/applications/${ids.alice}/growth-report`);
    await visit(board, 'board', 'awards', '/board/awards', text(LEADERS.alice.institution));
    await visit(board, 'board', 'notifications', '/notifications');
  });

  it('checks every page an auditor opens', async () => {
    const auditor = await signIn('auditor@iasl.org');
    await visit(auditor, 'auditor', 'home', '/auditor', text(/APP-/));
    await visit(
      auditor,
      'auditor',
      'application-designated',
      `/auditor/applications/${ids.alice}`,
      text('Leadership team minutes 2025-26.pdf'),
    );
    await visit(auditor, 'auditor', 'application-appealed', `/auditor/applications/${ids.eve}`);
    await visit(auditor, 'auditor', 'growth-report', `/applications/${ids.alice}/growth-report`);
  });

  it('checks every page an operator opens', async () => {
    const operator = await signIn('ops@iasl.org');
    await visit(operator, 'operator', 'home', '/operator');
    await visit(operator, 'operator', 'notifications', '/notifications');
  });

  it('visited every page of the app for every role that may open it', () => {
    pwExpect(visited.length).toBeGreaterThanOrEqual(45);
  });

  it('found nothing serious or critical for axe, and nothing past the edge of a phone, on any page', () => {
    pwExpect(findings).toEqual([]);
  });

  it('had no script errors in any page', () => {
    pwExpect(stack.pageErrors).toEqual([]);
  });
});
