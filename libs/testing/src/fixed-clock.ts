import { Clock } from '@cert/config';

const DAY = 24 * 60 * 60 * 1000;

/** A clock that only moves when a spec moves it, so expiry and deadlines are tested without sleeping. */
export class FixedClock extends Clock {
  private current: number;

  constructor(iso = '2026-01-15T09:00:00.000Z') {
    super();
    this.current = parse(iso);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): this {
    this.current = parse(iso);
    return this;
  }

  advance(by: number | { days?: number; hours?: number; minutes?: number }): this {
    const ms = typeof by === 'number' ? by : (by.days ?? 0) * DAY + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000;
    this.current += ms;
    return this;
  }
}

function parse(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`FixedClock: not an ISO date: ${iso}`);
  return ms;
}
