import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FieldErrors } from './validation';

/** `If-Match: W/"7"` or `"7"` → 7: the stream version the client last saw (optimistic concurrency). */
export const ExpectedVersion = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest().headers['if-match'] as string | undefined;
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new FieldErrors([{ field: 'If-Match', messages: ['must be an entity tag holding a stream version, e.g. W/"7"'] }]);
  return Number(match[1]);
});
