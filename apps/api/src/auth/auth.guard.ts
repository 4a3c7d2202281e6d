import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { Reflector } from '@nestjs/core';
import { Actor, Forbidden } from '@cert/domain';
import { IdentityStore } from '@cert/identity';
import { ACCESS_POLICY, RouteAccess } from './access.decorators';
import { AccessPolicy, Grant, RequestFacts } from './access-policy';
import { BrowserSessions } from './browser-sessions';

export type AuthedRequest = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  cookies?: Record<string, string | undefined>;
  params?: Record<string, string>;
  route?: { path?: string };
  actor?: Actor;
  grant?: Grant;
  /** The session token the request was signed in with, from the header or the cookie. */
  sessionToken?: string;
};

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const factsOf = (request: AuthedRequest): RequestFacts => ({
  method: request.method,
  route: request.route?.path ?? request.url.split('?')[0],
  params: request.params ?? {},
});

/**
 * Global guard (APP_GUARD). Routes are closed by default: a route needs `@Public()`, `@Access(action)` or `@Allow(...roles)`,
 * and one with none is refused, so a new endpoint whose author forgot the policy fails closed. After sign-in, the access
 * policy decides the request from role and resource, before any pipe or command runs.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityStore,
    private readonly policy: AccessPolicy,
    private readonly sessions: BrowserSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // The method's policy overrides the controller's, so one public route can live in a closed controller.
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const facts = factsOf(request);
    if (!access) {
      this.policy.logDenial(null, facts, 403, 'the route declares no access policy');
      throw new ForbiddenException('this route declares no access policy, so it is closed to everyone');
    }

    // API clients send a bearer token; browsers send the session cookie. A bearer header wins when both come.
    const bearer = bearerToken(request.headers.authorization);
    // A Prometheus server cannot sign in: the metrics route alone also takes the configured scrape token.
    if (typeof access === 'object' && 'action' in access && access.action === 'operations.metrics' && this.isMetricsToken(bearer)) {
      request.actor = { id: 'metrics-scraper', role: 'operator' };
      return true;
    }
    const token = bearer ?? this.sessions.tokenFrom(request);
    const user = token ? await this.identity.resolveSession(token) : null;
    if (!user) {
      this.policy.logDenial(null, facts, 401, token ? 'unknown, expired, revoked or forged session' : 'no session');
      throw new UnauthorizedException(
        'sign in first, then send the session token as "Authorization: Bearer <token>" (or the session cookie from a browser)',
      );
    }
    // A cookie travels with any request the browser makes, even one another site set off: a state-changing request
    // signed in by cookie must prove it comes from our own page with the CSRF token.
    if (!bearer && !SAFE_METHODS.has(request.method) && !this.sessions.csrfValid(request)) {
      this.policy.logDenial({ id: user.id, role: user.role }, facts, 403, 'missing or invalid CSRF token on a cookie session');
      throw new Forbidden(
        'auth.csrf_invalid',
        'send the X-CSRF-Token header from GET /auth/csrf with every change made from a browser session',
      );
    }
    request.sessionToken = token!;

    const actor: Actor = { id: user.id, role: user.role, email: user.email };
    request.actor = actor;
    request.grant = await this.policy.decide(actor, 'action' in access ? access.action : access, facts);
    return true;
  }

  private isMetricsToken(bearer: string | null): boolean {
    const expected = this.config.metricsToken;
    if (!expected || !bearer) return false;
    const [a, b] = [createHash('sha256').update(bearer).digest(), createHash('sha256').update(expected).digest()];
    return timingSafeEqual(a, b);
  }
}
