import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import { Metrics } from '@cert/metrics';
import type { Request, Response } from 'express';
import { DomainError, RefusalKind } from '@cert/domain';
import { VersionConflict } from '@cert/event-store';
import { ReadModelsBehind } from '@cert/projections';
import type { HttpProblemCode, Problem } from '@cert/contracts';
import { FieldErrors } from './validation';
import { REFUSAL_TITLES } from './refusal-titles';

// docs/ARCHITECTURE.md, Errors: domain errors carry codes; this is the one place that turns them into HTTP.
// Framework errors (guard, pipes, body parser) get a stable code too, so clients can switch on `code` alone.
export const CODE_BY_STATUS: Record<number, HttpProblemCode> = {
  400: 'request.invalid',
  401: 'auth.required',
  403: 'access.denied',
  404: 'resource.not_found',
  405: 'request.method_not_allowed',
  413: 'request.too_large',
  415: 'request.unsupported_type',
  429: 'request.rate_limited',
};

export const STATUS_BY_KIND: Record<RefusalKind, number> = {
  NotFound: 404,
  InvalidState: 409,
  DeadlinePassed: 422,
  RuleViolation: 422,
  Forbidden: 403,
  TooLarge: 413,
  UnsupportedType: 415,
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(@Optional() private readonly metrics?: Metrics) {}

  catch(error: unknown, host: ArgumentsHost) {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(error, request);
    this.metrics?.httpProblems.inc({ status: String(problem.status), code: problem.code });
    // docs/ARCHITECTURE.md, Distributed: a replica whose read tables lag decides nothing; the same request a moment later does.
    if (error instanceof ReadModelsBehind) response.setHeader('Retry-After', '2');
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(error: unknown, request: Request): Problem {
    if (error instanceof FieldErrors) {
      return {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        code: 'request.invalid',
        detail: error.message,
        errors: error.fields,
      };
    }
    if (error instanceof DomainError) {
      // Details first, so a detail can never overwrite the problem's own fields. The title names the refusal in words;
      // the detail is the decider's sentence, which carries the fact that decides it.
      return {
        ...error.details,
        type: 'about:blank',
        title: REFUSAL_TITLES[error.code],
        status: STATUS_BY_KIND[error.kind],
        code: error.code,
        detail: error.message,
      };
    }
    if (error instanceof VersionConflict) {
      // With If-Match the client asked for that exact version: a failed precondition. Otherwise handle() already retried.
      const ifMatch = request.headers['if-match'];
      const status = ifMatch && ifMatch.trim() !== '*' ? 412 : 409;
      return { type: 'about:blank', title: 'The application changed meanwhile', status, code: error.code, detail: error.message };
    }
    if (error instanceof ReadModelsBehind) {
      this.logger.warn({ method: request.method, url: request.url, head: error.head, checkpoint: error.checkpoint }, error.message);
      return {
        type: 'about:blank',
        title: 'This server is still catching up with changes made elsewhere; nothing was changed. Try again in a moment',
        status: 503,
        code: 'request.failed',
        detail: error.message,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : error.message;
      // A refusal may name its own code (`{ message, code }`), e.g. auth.locked; otherwise the status says it.
      const named = (body as { code?: unknown }).code;
      const own = typeof body === 'object' && typeof named === 'string' ? (named as HttpProblemCode) : undefined;
      const code = own ?? CODE_BY_STATUS[status] ?? 'request.failed';
      return { type: 'about:blank', title: error.message, status, code, detail };
    }
    const correlationId = randomUUID();
    this.logger.error({ correlationId, method: request.method, url: request.url, err: error }, 'unhandled error');
    return { type: 'about:blank', title: 'Internal error', status: 500, correlationId };
  }
}
