import { SetMetadata } from '@nestjs/common';
import type { Role } from '@cert/domain';

/** Every route states who may call it; `AuthGuard` refuses routes that state nothing. */
export type AccessPolicy = 'public' | readonly Role[];

export const ACCESS_POLICY = 'access-policy';

/** Anyone may call this route, signed in or not (sign-in itself, health). */
export const Public = () => SetMetadata(ACCESS_POLICY, 'public' satisfies AccessPolicy);

/** Only a signed-in user holding one of these roles may call this route (DOMAIN.md, Who uses it). */
export const Allow = (...roles: [Role, ...Role[]]) => SetMetadata(ACCESS_POLICY, roles satisfies AccessPolicy);
