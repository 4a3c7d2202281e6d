import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * playwright-core has no test runner, so no web-first assertions: these few poll until they hold (like
 * @playwright/test's), then fail with what was last seen. Anything else goes to jest's `expect`.
 */
const TIMEOUT = 15_000;

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (ok(last)) return;
      error = undefined;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}; last seen: ${error instanceof Error ? error.message : JSON.stringify(last)}`);
}

const isLocator = (x: unknown): x is Locator =>
  !!x && typeof (x as Locator).waitFor === 'function' && typeof (x as Locator).count === 'function';
const isPage = (x: unknown): x is Page => !!x && typeof (x as Page).goto === 'function' && typeof (x as Page).url === 'function';

let failures = 0;
/** Names failure screenshots after the spec file, so two browser specs in one run keep each other's. */
export const failurePrefix = () =>
  `failure-${basename((globalThis as unknown as { expect: { getState(): { testPath?: string } } }).expect.getState().testPath ?? 'spec', '.spec.ts')}-`;
/** On a failed expectation, a screenshot of the page as it was (test/browser/screenshots/failure-<spec>-N.png). */
async function withScreenshot<T>(locator: Locator, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = join(__dirname, '..', 'screenshots', `${failurePrefix()}${++failures}.png`);
    await locator
      .page()
      .screenshot({ path: file, fullPage: true })
      .catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n(page ${locator.page().url()}, screenshot ${file})`);
  }
}

function locatorMatchers(locator: Locator) {
  const name = locator.toString();
  const m = {
    toBeVisible: () => locator.waitFor({ state: 'visible', timeout: TIMEOUT }),
    toHaveCount: (n: number) =>
      poll(
        () => locator.count(),
        (c) => c === n,
        `expected ${name} to match ${n} elements`,
      ),
    toHaveValue: (v: string) =>
      poll(
        () => locator.inputValue(),
        (x) => x === v,
        `expected ${name} to have value ${JSON.stringify(v)}`,
      ),
    toHaveAttribute: (attr: string, v: string) =>
      poll(
        () => locator.getAttribute(attr),
        (x) => x === v,
        `expected ${name} to have ${attr}=${v}`,
      ),
    toBeChecked: () =>
      poll(
        () => locator.isChecked(),
        (x) => x,
        `expected ${name} to be checked`,
      ),
    toBeHidden: () => locator.waitFor({ state: 'hidden', timeout: TIMEOUT }),
    toBeFocused: () =>
      poll(
        () => locator.evaluate((el) => el === el.ownerDocument.activeElement),
        (x) => x,
        `expected ${name} to have the keyboard focus`,
      ),
  };
  return Object.fromEntries(
    Object.entries<(...a: never[]) => Promise<void>>(m).map(([k, f]) => [
      k,
      (...args: never[]) => withScreenshot(locator, () => f(...args)),
    ]),
  ) as typeof m;
}

function pageMatchers(page: Page) {
  return {
    toHaveURL: (re: RegExp) =>
      poll(
        async () => page.url(),
        (u) => re.test(u),
        `expected the page URL to match ${re}`,
      ),
  };
}

export function expect(actual: Locator): ReturnType<typeof locatorMatchers>;
export function expect(actual: Page): ReturnType<typeof pageMatchers>;
export function expect<T>(actual: T): jest.JestMatchers<T>;
export function expect(actual: unknown): unknown {
  if (isLocator(actual)) return locatorMatchers(actual);
  if (isPage(actual)) return pageMatchers(actual);
  return (globalThis as unknown as { expect: (v: unknown) => unknown }).expect(actual);
}
