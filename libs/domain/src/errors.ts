/** Domain refusals carry a stable `code` (area.reason), never an HTTP status (ARCHITECTURE.md, Errors). */
export abstract class DomainError extends Error {
  abstract readonly kind: 'NotFound' | 'InvalidState' | 'DeadlinePassed' | 'RuleViolation' | 'Forbidden';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly kind = 'NotFound' as const;
  constructor(what: string, id: string) {
    super(`${what}.not_found`, `${what} ${id} not found`, { id });
  }
}

export class InvalidState extends DomainError {
  readonly kind = 'InvalidState' as const;
  // `message` lets a refusal say what would make it allowed (e.g. when a window opens); by default it names the status.
  constructor(code: string, status: string, details: Record<string, unknown> = {}, message = `not allowed while the application is ${status}`) {
    super(code, message, { applicationStatus: status, ...details });
  }
}

export class DeadlinePassed extends DomainError {
  readonly kind = 'DeadlinePassed' as const;
  constructor(area: string, dueAt: string) {
    super(`${area}.deadline_passed`, `the ${area} deadline (${dueAt}) has passed`, { dueAt });
  }
}

export class RuleViolation extends DomainError {
  readonly kind = 'RuleViolation' as const;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'Forbidden' as const;
  constructor(code: string, message = 'not allowed for this actor', details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
