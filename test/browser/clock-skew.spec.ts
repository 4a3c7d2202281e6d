import { FixedClock } from '@cert/testing';
import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { signInByEmailLink, signInWithPassword } from './support/people';
import { PASSWORD, WebStack, passwordAccount, startWebStack } from './support/web-stack';

/**
 * A person's computer keeps its own time, and it can be hours off the server's. The web app must count a session's
 * 12 hours on the computer's clock from when it arrived, not compare the server's `expiresAt` with that clock: with
 * the server two days behind, the comparison would sign everyone out the moment they sign in.
 */
failWithoutPrerequisites();

jest.setTimeout(120_000);

describeWeb('a browser whose clock disagrees with the server', () => {
  const TWO_DAYS = 2 * 86_400_000;
  const clock = new FixedClock(new Date(Date.now() - TWO_DAYS).toISOString());
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack({ clock });
    await passwordAccount(stack, 'staff', 'staff@iasl.org', { name: 'Sam Staff' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('keeps staff signed in across a reload when the server runs two days behind', async () => {
    const staff = await signInWithPassword(stack, 'staff@iasl.org');
    await staff.reload();
    await pwExpect(staff).toHaveURL(/\/staff$/);
    await pwExpect(staff.getByRole('button', { name: /sign out/i })).toBeVisible();
  });

  it('keeps an applicant signed in by the mailed link', async () => {
    const applicant = await signInByEmailLink(stack, 'alice@riverside.edu');
    await applicant.reload();
    await pwExpect(applicant).toHaveURL(/\/home$/);
  });

  it('still ends the session 12 hours later on the computer’s own clock', async () => {
    const { context, page } = await stack.person();
    await context.clock.install();
    await page.goto('/sign-in');
    await page.getByLabel(/^Email address/).fill('staff@iasl.org');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pwExpect(page).toHaveURL(/\/staff$/);

    await page.clock.fastForward('11:59:00');
    await page.reload();
    await pwExpect(page).toHaveURL(/\/staff$/);

    await page.clock.fastForward('00:02:00');
    await page.reload();
    await pwExpect(page).toHaveURL(/\/sign-in\?next=%2Fstaff$/);
  });
});
