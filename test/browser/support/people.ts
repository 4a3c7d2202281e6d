import { Page } from 'playwright-core';
import { expect as pwExpect } from './pw-expect';
import { PASSWORD, WebStack } from './web-stack';

/** A staff, reviewer, board or auditor account signing in on the sign-in page, in a browser of its own. */
export async function signInWithPassword(stack: WebStack, email: string): Promise<Page> {
  const { page } = await stack.person();
  await page.goto('/sign-in');
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await pwExpect(page).toHaveURL(/\/(staff|board|reviews|auditor|operator)$/);
  return page;
}

/**
 * An applicant asking for a sign-in link and following the one mailed, in a browser of its own. `browserTime` fixes
 * that browser's clock first (a spec that moves the server's clock moves the browser's with it): the web app counts
 * the session's 12 hours on the browser's clock from sign-in, so moving it afterwards would end the session.
 */
export async function signInByEmailLink(stack: WebStack, email: string, opts: { browserTime?: string } = {}): Promise<Page> {
  const { page } = await stack.person();
  if (opts.browserTime) await page.clock.setFixedTime(new Date(opts.browserTime));
  await page.goto('/sign-in');
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel('Your email address').press('Enter');
  await pwExpect(page.getByText('Check your inbox')).toBeVisible();
  const mail = stack.mailer.to(email).at(-1);
  const link = /https?:\/\/\S+\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
  if (!link) throw new Error(`no sign-in link mailed to ${email}`);
  await page.goto(link);
  await pwExpect(page).toHaveURL(/\/home$/);
  return page;
}

export type ApiSession = { token: string; id: string };

/** The API as a script drives it, for the steps a spec seeds rather than clicks. Answers the JSON or throws. */
export function apiClient(stack: WebStack) {
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, session?: ApiSession): Promise<T> => {
    const res = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const sessionOf = (body: { token: string; user: { id: string } }): ApiSession => ({ token: body.token, id: body.user.id });
  return {
    call,
    /** A password account (see passwordAccount) signed in over the API. */
    login: async (email: string) => sessionOf(await call('POST', '/auth/login', { email, password: PASSWORD })),
    /** An applicant signed in over the API by the mailed one-time link. */
    emailLink: async (email: string) => {
      await call('POST', '/auth/email-link', { email });
      const token = /token=([A-Za-z0-9_-]+)/.exec(stack.mailer.to(email).at(-1)?.text ?? '')?.[1];
      if (!token) throw new Error(`no sign-in link mailed to ${email}`);
      return sessionOf(await call('POST', '/auth/email-link/redeem', { token }));
    },
  };
}
