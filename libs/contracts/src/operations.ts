/** One check of GET /health: `up`, `degraded` or `down`, with what it measured (log head, read-model lag, queue depths). */
export type HealthIndicatorView = { status: 'up' | 'degraded' | 'down'; [measure: string]: unknown };

export type HealthView = {
  status: 'ok' | 'degraded' | 'error' | 'shutting_down';
  info?: Partial<Record<string, HealthIndicatorView>>;
  error?: Partial<Record<string, HealthIndicatorView>>;
  /** Absent for anonymous callers when the service runs in production: only operators and staff see what was measured. */
  details?: Record<string, HealthIndicatorView>;
};
