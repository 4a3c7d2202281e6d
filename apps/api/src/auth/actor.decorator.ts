import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@cert/domain';
import type { AuthedRequest } from './auth.guard';

/** The signed-in actor that `AuthGuard` resolved from the session token. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthedRequest>().actor;
  // Only a route without @Allow(...) has no actor: that is a bug in the route, not a client error.
  if (!actor) throw new Error('@CurrentActor() needs a route guarded by @Allow(...)');
  return actor;
});
