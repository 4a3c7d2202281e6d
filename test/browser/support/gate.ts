import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from './web-stack';

const WEB_BUILT = existsSync(join(__dirname, '../../../apps/web/dist/index.html'));
const MISSING = !WEB_BUILT
  ? 'no web build: run `npm run web:build`'
  : !existsSync(CHROMIUM)
    ? `no Chromium at ${CHROMIUM}: apt-get install -y chromium`
    : null;
const SKIP = process.env.SKIP_BROWSER_TESTS === '1';

/**
 * `describe` for a browser spec. Missing prerequisites fail the run (CI installs both) rather than skip it quietly,
 * unless SKIP_BROWSER_TESTS=1 says so.
 */
export const describeWeb: jest.Describe = MISSING || SKIP ? describe.skip : describe;

export function failWithoutPrerequisites(): void {
  if (MISSING && !SKIP) {
    it('has what the browser specs need (or SKIP_BROWSER_TESTS=1)', () => {
      throw new Error(`the browser specs cannot run: ${MISSING}`);
    });
  }
}
