import { DomainError } from '../errors';

/** A state conflict of an award cycle (409), worded for the cycle rather than for an application. */
export class AwardConflict extends DomainError {
  readonly kind = 'InvalidState' as const;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
