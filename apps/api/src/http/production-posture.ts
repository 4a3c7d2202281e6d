import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { IdentityStore, User } from '@cert/identity';
import type { Problem } from '@cert/contracts';
import { bearerToken } from '../auth/auth.guard';
import { BrowserSessions } from '../auth/browser-sessions';

/** The signed-in user behind a request (bearer header, else the browser's session cookie), or null. */
function requestUser(app: INestApplication): (req: Request) => Promise<User | null> {
  const identity = app.get(IdentityStore);
  const sessions = app.get(BrowserSessions);
  return async (req) => {
    const token = bearerToken(req.headers.authorization) ?? sessions.tokenFrom(req);
    return token ? identity.resolveSession(token) : null;
  };
}

/**
 * In production the API's own description (/docs, /docs-json) is for signed-in users only: it maps every route and
 * refusal, which helps an attacker more than a visitor. Mounted before Swagger, so it answers first.
 */
export function docsBehindSignIn(app: INestApplication): void {
  const userOf = requestUser(app);
  app.use(['/docs', '/docs-json'], (req: Request, res: Response, next: NextFunction) => {
    userOf(req).then((user) => {
      if (user) return next();
      const problem: Problem = {
        type: 'about:blank',
        title: 'Sign in first',
        status: 401,
        code: 'auth.required',
        detail: 'the API documentation is open to signed-in users: sign in, then open /docs again',
      };
      res.status(401).type('application/problem+json').send(JSON.stringify(problem));
    }, next);
  });
}
