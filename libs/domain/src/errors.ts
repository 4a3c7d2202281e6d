import { RefusalCode, RefusalKind, RefusalOf } from './refusals';

/** Domain refusals carry a stable `code` (area.reason), never an HTTP status (docs/ARCHITECTURE.md, Errors). */
export abstract class DomainError extends Error {
  abstract readonly kind: RefusalKind;
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly kind = 'NotFound' as const;
  /** `message` in words when the id alone would not tell a person what to do. */
  constructor(what: RefusalOf<'NotFound'> extends `${infer W}.not_found` ? W : never, id: string, message?: string) {
    super(`${what}.not_found`, message ?? `${what} ${id} not found`, { id });
  }
}

export class InvalidState extends DomainError {
  readonly kind = 'InvalidState' as const;
  // `message` lets a refusal say what would make it allowed (e.g. when a window opens); by default it names the status.
  constructor(
    code: RefusalOf<'InvalidState'>,
    status: string,
    details: Record<string, unknown> = {},
    message = `not allowed while the application is ${status}`,
  ) {
    super(code, message, { applicationStatus: status, ...details });
  }
}

export class DeadlinePassed extends DomainError {
  readonly kind = 'DeadlinePassed' as const;
  constructor(area: RefusalOf<'DeadlinePassed'> extends `${infer A}.deadline_passed` ? A : never, dueAt: string) {
    super(`${area}.deadline_passed`, `the ${area} deadline (${dueAt}) has passed`, { dueAt });
  }
}

export class RuleViolation extends DomainError {
  readonly kind = 'RuleViolation' as const;
  constructor(code: RefusalOf<'RuleViolation'>, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'Forbidden' as const;
  constructor(code: RefusalOf<'Forbidden'>, message = 'not allowed for this actor', details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** docs/DOMAIN.md, Evidence: an upload over a size limit of the evidence policy. */
export class TooLarge extends DomainError {
  readonly kind = 'TooLarge' as const;
  constructor(code: RefusalOf<'TooLarge'>, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** docs/DOMAIN.md, Evidence: content whose bytes are not of a type the evidence policy allows. */
export class UnsupportedType extends DomainError {
  readonly kind = 'UnsupportedType' as const;
  constructor(code: RefusalOf<'UnsupportedType'>, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
