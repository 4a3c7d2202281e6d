import type { RefusalCode } from '@cert/domain';

/** Codes the HTTP layer answers beside the domain's refusals, so a client can switch on `code` alone. */
export const HTTP_PROBLEM_CODES = [
  'request.invalid',
  'auth.required',
  'access.denied',
  'resource.not_found',
  'request.method_not_allowed',
  'request.too_large',
  'request.unsupported_type',
  'request.rate_limited',
  'request.failed',
  'auth.locked',
  'stream.version_conflict',
  'evidence.erased',
] as const;
export type HttpProblemCode = (typeof HTTP_PROBLEM_CODES)[number];

export type ProblemCode = RefusalCode | HttpProblemCode;
export type { RefusalCode };

export type FieldError = { field: string; messages: string[] };

/**
 * Every refusal, as `application/problem+json` (RFC 9457). A domain refusal adds its details beside these fields
 * (e.g. `applicationStatus`, `dueAt`); a 400 names each offending field in `errors`; a 500 carries `correlationId`.
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code?: ProblemCode;
  detail?: string;
  errors?: FieldError[];
  correlationId?: string;
  [detail: string]: unknown;
};
