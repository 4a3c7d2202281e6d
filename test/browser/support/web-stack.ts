import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Clock, loadConfig } from '@cert/config';
import { IdentityStore, UserRole } from '@cert/identity';
import { JobQueue } from '@cert/jobs';
import { Mailer } from '@cert/mail';
import { LogRunner } from '@cert/projections';
import { FixedClock, RecordingMailer } from '@cert/testing';
import { ApiModule } from '../../../apps/api/src/api.module';
import { failurePrefix } from './pw-expect';
import { configureApp } from '../../../apps/api/src/configure-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Debian's Chromium (Playwright cannot download browsers here), headless, nothing phoning home. Playwright gives each
 * launch a fresh profile dir.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
export const PASSWORD = 'correct horse battery staple';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export type WebStack = {
  app: INestApplication;
  baseUrl: string;
  mailer: RecordingMailer;
  browser: Browser;
  /** A fresh browser context (its own storage) with one page, as a separate person on their own computer. */
  person: () => Promise<{ context: BrowserContext; page: Page }>;
  identity: IdentityStore;
  /** Uncaught errors in any page, and console errors (e.g. a CSP refusal), with the URL they happened on. */
  pageErrors: string[];
  /** Runs the work side until nothing more is due: projections, reactors, then notification and deadline jobs. */
  settle: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * The real api, as main.ts builds it (helmet, validation, Swagger, the web app at `/`), listening on loopback
 * with a temp DATA_DIR, the real clock (or a `FixedClock` the spec moves, for deadlines) and a mailer that records;
 * plus Debian's Chromium driven by playwright-core.
 */
export async function startWebStack(opts: { clock?: FixedClock } = {}): Promise<WebStack> {
  // Failure screenshots of an earlier run would mislead.
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const f of readdirSync(SCREENSHOTS)) if (f.startsWith(failurePrefix())) rmSync(join(SCREENSHOTS, f));
  const dataDir = mkdtempSync(join(tmpdir(), 'iasl-web-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: baseUrl, PORT: String(port), HOST: '127.0.0.1' });
  const mailer = new RecordingMailer();
  let builder = Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(Mailer)
    .useValue(mailer);
  if (opts.clock) builder = builder.overrideProvider(Clock).useValue(opts.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApp(app);
  app.enableShutdownHooks();
  await app.listen(port, '127.0.0.1');

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const identity = app.get(IdentityStore);
  const pageErrors: string[] = [];

  return {
    app,
    baseUrl,
    mailer,
    browser,
    identity,
    pageErrors,
    person: async () => {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
        timezoneId: 'UTC',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        // 4xx answers the app handles (a wrong password, a 404 it explains) are logged by Chromium as resource errors: not faults.
        if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
          pageErrors.push(`${page.url()}: console: ${message.text()}`);
        }
      });
      return { context, page };
    },
    settle: async () => {
      const { ReactionRunner } = await import('@cert/work');
      for (let round = 0; round < 20; round++) {
        await app.get(LogRunner).catchUp();
        await app.get(ReactionRunner).catchUp();
        if ((await app.get(JobQueue).drain()) === 0) return;
      }
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An account with a password, set through the real one-time-link endpoint (as the set-password page does). */
export async function passwordAccount(
  stack: WebStack,
  role: Exclude<UserRole, 'applicant'>,
  email: string,
  profile: { name?: string; institution?: string; region?: string } = {},
) {
  const user = await stack.identity.findOrCreateUser({ email, name: profile.name ?? email.split('@')[0], role, ...profile });
  const { token } = await stack.identity.issueOneTimeToken('set-password', user, 3_600_000);
  const res = await fetch(`${stack.baseUrl}/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: PASSWORD }),
  });
  if (res.status !== 204) throw new Error(`set-password for ${email} answered ${res.status}`);
  return user;
}

export type AxeFinding = { id: string; impact: string | null | undefined; help: string; nodes: string[] };

/** axe (WCAG 2.1 A/AA) on the page as it is now; returns the serious and critical violations. */
/**
 * Axe reads colours as they are at that instant: a notification still fading in is half transparent and fails the
 * contrast check by timing alone. Wait (at most 3 s) until no CSS transition is running; endless animations such as
 * loaders are not transitions and do not hold this up.
 */
async function transitionsSettled(page: Page): Promise<void> {
  await page
    // A function, not a string: the app's CSP forbids eval, and a string predicate is evaluated by eval in the page.
    .waitForFunction(
      () => {
        const w = globalThis as unknown as { document: { getAnimations(): { playState: string }[] }; CSSTransition: new () => object };
        return w.document.getAnimations().every((a) => !(a instanceof w.CSSTransition) || a.playState !== 'running');
      },
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
}

export async function seriousA11yViolations(page: Page, label: string, log: Record<string, unknown>): Promise<AxeFinding[]> {
  await transitionsSettled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const all = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  log[label] = { url: page.url(), passes: result.passes.length, violations: all };
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top, so sticky panels sit where a reader first sees them.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe (WCAG 2.1 A/AA and best practice) on the page as it is now; returns every violation, whatever its impact. */
export async function a11yViolations(page: Page, label: string, log: Record<string, unknown>): Promise<AxeFinding[]> {
  await seriousA11yViolations(page, label, log);
  return (log[label] as { violations: AxeFinding[] }).violations;
}

export function writeAxeReport(log: Record<string, unknown>, file = 'axe-report.json'): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, file), JSON.stringify(log, null, 2));
}
