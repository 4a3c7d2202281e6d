import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, switchMap } from 'rxjs';
import { LogRunner } from '@cert/projections';
import { FieldErrors } from './validation';

const MAX_WAIT_MS = 2000;

/**
 * Read-your-writes (docs/ARCHITECTURE.md, The three sides): a GET with `?after=<position>` (the position a command answered)
 * waits, at most 2 s, until the local read models have applied it; `X-Read-Position` says where they are.
 */
@Injectable()
export class ReadPositionInterceptor implements NestInterceptor {
  constructor(private readonly runner: LogRunner) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const after = request.method === 'GET' ? request.query.after : undefined;
    if (after !== undefined && (typeof after !== 'string' || !/^\d{1,20}$/.test(after))) {
      throw new FieldErrors([{ field: 'after', messages: ['must be a log position (digits)'] }]);
    }
    const wait = after ? this.runner.waitFor(after, MAX_WAIT_MS) : Promise.resolve(true);
    return from(wait).pipe(
      switchMap((reached) => {
        response.setHeader('X-Read-Position', this.runner.checkpoint() ?? '0');
        if (!reached) response.setHeader('X-Read-Stale', 'true');
        return next.handle();
      }),
    );
  }
}
