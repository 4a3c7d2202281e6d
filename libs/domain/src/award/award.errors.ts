import { DomainError } from '../errors';
import { RefusalOf } from '../refusals';

/** A state conflict of an award cycle (409), worded for the cycle rather than for an application. */
export class AwardConflict extends DomainError {
  readonly kind = 'InvalidState' as const;
  constructor(code: RefusalOf<'InvalidState'>, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
