import { performance } from 'node:perf_hooks';
import { Clock } from '@cert/config';

/** Wall-clock ms with sub-ms resolution: due times (ISO, from the clock) and arrivals are compared on this scale. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/**
 * The producer's clock in the reminder run: real time, shifted while one command is decided, so an application
 * can be "accepted 23 days ago" and its 7-day reminder fall due a few real seconds from now. The worker keeps the
 * system clock: the timers fire on real time.
 */
export class ShiftedClock extends Clock {
  shiftMs = 0;

  now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }
}
