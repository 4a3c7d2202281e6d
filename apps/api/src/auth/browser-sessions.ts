import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { IdentityStore } from '@cert/identity';

type CookieRequest = Pick<Request, 'headers' | 'method'> & { cookies?: Record<string, string | undefined> };

/**
 * Browsers keep the session in an httpOnly, SameSite=Strict cookie (script cannot read it, other sites
 * cannot send it), and state-changing requests made with that cookie must carry a CSRF token: the signed
 * double-submit pattern of csrf-csrf, whose cookie is bound to the session and signed with a secret kept in the
 * identity database (so the embedded default needs neither Redis nor configuration). API clients that send
 * `Authorization: Bearer` need no token: another site cannot make a browser send that header.
 *
 * Strict works here because the web app is one origin: a mailed link opens the app's page, whose own requests
 * are same-site and carry the cookie. Behind https the cookies take the `__Host-` prefix (Secure, Path=/, no Domain).
 */
@Injectable()
export class BrowserSessions implements OnModuleInit {
  readonly secure: boolean;
  readonly sessionCookie: string;
  readonly csrfCookie: string;
  private readonly csrf: ReturnType<typeof doubleCsrf>;
  private secretValue: string | null = null;

  constructor(
    private readonly identity: IdentityStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = config.publicUrl.startsWith('https://');
    this.sessionCookie = this.secure ? '__Host-iasl-session' : 'iasl-session';
    this.csrfCookie = this.secure ? '__Host-iasl-csrf' : 'iasl-csrf';
    this.csrf = doubleCsrf({
      getSecret: () => {
        if (this.secretValue === null) throw new Error('the CSRF secret is read when the module starts');
        return this.secretValue;
      },
      // Bound to the session: a token fetched before sign-in, or for another session, is refused.
      getSessionIdentifier: (req) =>
        createHash('sha256')
          .update(this.tokenFrom(req) ?? '')
          .digest('hex'),
      cookieName: this.csrfCookie,
      cookieOptions: { sameSite: 'strict', secure: this.secure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req) => req.headers['x-csrf-token'],
    });
  }

  /** Read once at start: csrf-csrf asks for it synchronously, and the store (every replica's same secret) is async. */
  async onModuleInit(): Promise<void> {
    this.secretValue = await this.identity.secret('csrf');
  }

  /** The session token a browser sent in its cookie, if any. */
  tokenFrom(req: CookieRequest): string | null {
    const value = req.cookies?.[this.sessionCookie];
    return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : null;
  }

  /** Sets the session cookie and answers a CSRF token bound to the new session. */
  open(req: CookieRequest, res: Response, token: string, expiresAt: string): string {
    res.cookie(this.sessionCookie, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      path: '/',
      expires: new Date(expiresAt),
    });
    req.cookies = { ...(req.cookies ?? {}), [this.sessionCookie]: token };
    return this.csrfToken(req, res);
  }

  close(res: Response): void {
    for (const name of [this.sessionCookie, this.csrfCookie])
      res.clearCookie(name, { httpOnly: true, sameSite: 'strict', secure: this.secure, path: '/' });
  }

  /** A fresh CSRF token for the session the request carries (none before sign-in), also set as its cookie. */
  csrfToken(req: CookieRequest, res: Response): string {
    req.cookies ??= {};
    return this.csrf.generateCsrfToken(req as Request, res, { overwrite: true });
  }

  /** True when the request's X-CSRF-Token matches its CSRF cookie, and both were made for this session. */
  csrfValid(req: CookieRequest): boolean {
    req.cookies ??= {};
    return this.csrf.validateRequest(req as Request);
  }
}
