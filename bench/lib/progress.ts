import { now } from './stats';

/** Progress of a long phase on stderr, at most every `everyMs`, so stdout stays clean. */
export class Progress {
  private readonly start = now();
  private lastPrint = this.start;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit: string,
    private readonly everyMs = 2000,
  ) {}

  tick(done: number): void {
    const t = now();
    if (t - this.lastPrint < this.everyMs) return;
    this.lastPrint = t;
    const rate = done / ((t - this.start) / 1000);
    const pct = this.total > 0 ? ` (${((100 * done) / this.total).toFixed(0)}%)` : '';
    log(
      `${this.label}: ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit}${pct}, ${Math.round(rate).toLocaleString('en-US')}/s`,
    );
  }

  done(done = this.total): void {
    const s = (now() - this.start) / 1000;
    log(`${this.label}: ${done.toLocaleString('en-US')} ${this.unit} in ${s.toFixed(1)} s`);
  }
}

export const log = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};
