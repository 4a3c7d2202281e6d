import { createParamDecorator, ExecutionContext, ParamDecoratorEnhancer } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { FieldErrors } from './validation';

/** The entity tag of a stream version, as a read answers it in `ETag` and a write takes it back in `If-Match`. */
export const versionTag = (version: number): string => `W/"${version}"`;

/** /docs shows the header on every route that takes it. */
const documented: ParamDecoratorEnhancer = (target, key) =>
  ApiHeader({ name: 'If-Match', required: false, description: 'W/"<version>": the stream version last read; another answers 412' })(
    target,
    key!,
    Object.getOwnPropertyDescriptor(target, key!)!,
  );

/**
 * `If-Match: W/"7"` or `"7"` → 7: the stream version the client last saw (optimistic concurrency).
 * `If-Match: *` (RFC 9110: "any current representation") asks only that the application exists, which every
 * command on it requires anyway, so it adds no version condition.
 */
export const ExpectedVersion = createParamDecorator(
  (_: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<Request>().headers['if-match'];
    if (header === undefined || header.trim() === '*') return undefined;
    const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
    if (!match) throw new FieldErrors([{ field: 'If-Match', messages: ['must be an entity tag holding a stream version, e.g. W/"7"'] }]);
    return Number(match[1]);
  },
  [documented],
);
