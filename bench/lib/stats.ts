import { performance } from 'node:perf_hooks';

/** Milliseconds, sub-microsecond resolution. */
export const now = (): number => performance.now();

/** Collects latencies (ms) without boxing; summarised once at the end. */
export class Latencies {
  private values = new Float64Array(1024);
  private n = 0;

  add(ms: number): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = ms;
  }

  get count(): number {
    return this.n;
  }

  summary(): LatencySummary {
    const sorted = this.values.slice(0, this.n).sort();
    return { n: this.n, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: this.n ? sorted[this.n - 1] : NaN };
  }
}

export type LatencySummary = { n: number; p50: number; p99: number; max: number };

/** Nearest-rank percentile over sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** One figure over several runs: the median is the figure, min and max show the spread. */
export type Figure = { median: number; min: number; max: number; runs: number[] };

export function figure(runs: number[]): Figure {
  const finite = runs.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN, runs };
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs };
}

/** Figures for every numeric leaf of per-run records that share one shape. */
export function figures<T extends Record<string, number>>(runs: T[]): { [K in keyof T]: Figure } {
  const out = {} as { [K in keyof T]: Figure };
  if (runs.length === 0) return out;
  for (const key of Object.keys(runs[0]) as (keyof T)[]) out[key] = figure(runs.map((r) => r[key]));
  return out;
}

export const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);
