/**
 * The one source of "now": every deadline is measured against it, and specs drive deadlines by moving a clock.
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
