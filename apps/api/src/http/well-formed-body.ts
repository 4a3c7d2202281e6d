import type { NextFunction, Request, Response } from 'express';
import type { Problem } from '@cert/contracts';

/** No request of this API nests deeper than a handful of levels; 32 leaves room and stops recursion bombs. */
export const MAX_JSON_DEPTH = 32;

type Finding = { field: string; message: string };

// With the u flag a surrogate pair is one code point outside this range, so only a lone surrogate matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/**
 * Walks a parsed body without recursion (a body nested thousands of levels deep must not exhaust the stack here
 * either) and returns the first reason it cannot be validated: too deep, or a string (key or value) that is not
 * well-formed Unicode, such as a lone UTF-16 surrogate, which validators and encoders choke on.
 */
export function firstMalformed(body: unknown, maxDepth = MAX_JSON_DEPTH): Finding | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!wellFormed(value)) return { field: path || 'body', message: `${labelOf(path)} contains characters that are not valid text` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth)
      return {
        field: path || 'body',
        message: `The request is nested more than ${maxDepth} levels deep; no form of this service needs that`,
      };
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!wellFormed(key)) return { field: path || 'body', message: 'A field name contains characters that are not valid text' };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

const labelOf = (path: string) => (path ? `The field "${path}"` : 'The request');

/**
 * Express middleware after the JSON parser: refuses with 400 (problem+json, naming the field) what would otherwise
 * crash the validation pipe, before any pipe or handler sees it. Query strings are checked the same way.
 */
export function wellFormedBody(req: Request, res: Response, next: NextFunction): void {
  const finding = firstMalformed(req.body) ?? firstMalformed(req.query);
  if (!finding) return next();
  const problem: Problem = {
    type: 'about:blank',
    title: 'Invalid request',
    status: 400,
    code: 'request.invalid',
    detail: finding.message,
    errors: [{ field: finding.field, messages: [finding.message] }],
  };
  res.status(400).type('application/problem+json').json(problem);
}
