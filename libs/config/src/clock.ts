/**
 * The one source of "now" (DOMAIN.md, Deadlines: every deadline is driven by an injectable clock in tests).
 * An abstract class so it doubles as the Nest DI token; specs swap in `FixedClock` from @cert/testing.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
