/** One check of GET /health: `up` or `down`, with what it measured (log head, read-model lag, queue depths). */
export type HealthIndicatorView = { status: 'up' | 'down'; [measure: string]: unknown };

export type HealthView = {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Record<string, HealthIndicatorView>;
  error?: Record<string, HealthIndicatorView>;
  details: Record<string, HealthIndicatorView>;
};
