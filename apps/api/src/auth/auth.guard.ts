import type { IncomingHttpHeaders } from 'node:http';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@cert/domain';
import { IdentityStore } from '@cert/identity';
import { ACCESS_POLICY, AccessPolicy } from './access.decorators';

export type AuthedRequest = { headers: IncomingHttpHeaders; actor?: Actor };

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

/**
 * Global guard (APP_GUARD). Routes are closed by default: a route needs `@Public()` or `@Allow(...roles)`,
 * and one with neither is refused, so a new endpoint whose author forgot the policy fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // The method's policy overrides the controller's, so one public route can live in a closed controller.
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (policy === 'public') return true;
    if (!policy) throw new ForbiddenException('this route declares no access policy, so it is closed to everyone');

    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(request.headers.authorization);
    const user = token ? this.identity.resolveSession(token) : null;
    if (!user) throw new UnauthorizedException('sign in first, then send the session token as "Authorization: Bearer <token>"');

    request.actor = { id: user.id, role: user.role, email: user.email };
    if (!policy.includes(user.role)) throw new ForbiddenException(`this route is not open to the ${user.role} role`);
    return true;
  }
}
