import { StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { ProblemCode, ResponseBodies } from '@cert/contracts';

export const OPERATION = 'api-operation';

/** What a route answers on success: a body named in ResponseBodies (`[name]` for a list), a file of a media type, or nothing. */
export type Answer = keyof ResponseBodies | [keyof ResponseBodies] | { file: string } | null;

/**
 * What a route refuses beyond what its access rule and shape imply (apps/api/src/http/openapi.ts). Only for routes
 * that name no action: an action's refusals are declared once, in ACTION_REFUSALS (apps/api/src/auth/refusals.ts).
 */
export type OperationOptions = { refuses?: readonly ProblemCode[] };
export type OperationInfo = { summary: string; answers: Answer } & OperationOptions;

type Returning<T> = <F extends (...args: never[]) => T | Promise<T>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<F>,
) => void;

/**
 * A route's one-line summary for /docs and what it answers. A body is named in ResponseBodies (libs/contracts), whose
 * generated schema /docs shows, and the compiler holds the method's return type to it: a method that returns anything
 * else fails with "Unable to resolve signature of method decorator".
 */
export function Operation<K extends keyof ResponseBodies>(
  summary: string,
  answers: K,
  options?: OperationOptions,
): Returning<ResponseBodies[K]>;
export function Operation<K extends keyof ResponseBodies>(
  summary: string,
  answers: [K],
  options?: OperationOptions,
): Returning<ResponseBodies[K][]>;
export function Operation(summary: string, answers: { file: string }, options?: OperationOptions): Returning<StreamableFile>;
export function Operation(summary: string, answers: null, options?: OperationOptions): Returning<void>;
export function Operation(summary: string, answers: Answer, options: OperationOptions = {}): Returning<unknown> {
  const info: OperationInfo = { summary, answers, ...options };
  return applyDecorators(ApiOperation({ summary }), (_target: object, _key: string | symbol, descriptor: PropertyDescriptor) => {
    Reflect.defineMetadata(OPERATION, info, descriptor.value as object);
  });
}
