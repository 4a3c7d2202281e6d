import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Grant } from './access-policy';
import type { AuthedRequest } from './auth.guard';

/** What the access policy granted for this request (the application it looked up, blind or sealed review). */
export const CurrentGrant = createParamDecorator((_: unknown, context: ExecutionContext): Grant => {
  const grant = context.switchToHttp().getRequest<AuthedRequest>().grant;
  if (!grant) throw new Error('@CurrentGrant() needs a route guarded by @Access(...)');
  return grant;
});
