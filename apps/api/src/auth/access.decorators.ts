import { SetMetadata } from '@nestjs/common';
import type { Role } from '@cert/domain';
import type { Action } from './access-policy';

/**
 * Every route states who may call it; `AuthGuard` refuses routes that state nothing. The rules themselves live in
 * one table (`POLICY` in access-policy.ts): routes name an action there with `@Access(...)`. `@Allow(...)` (a bare
 * role list, still decided by the same policy) remains for routes whose resource needs no check of its own.
 */
export type RouteAccess = 'public' | readonly Role[] | { action: Action };

export const ACCESS_POLICY = 'access-policy';

/** Anyone may call this route, signed in or not (sign-in itself, health). */
export const Public = () => SetMetadata(ACCESS_POLICY, 'public' satisfies RouteAccess);

/** Only a signed-in user holding one of these roles may call this route (docs/DOMAIN.md, Who uses it). */
export const Allow = (...roles: [Role, ...Role[]]) => SetMetadata(ACCESS_POLICY, roles satisfies RouteAccess);

/** The route does `action`; the access policy decides who may, from the role and the resource named in the path. */
export const Access = (action: Action) => SetMetadata(ACCESS_POLICY, { action } satisfies RouteAccess);
