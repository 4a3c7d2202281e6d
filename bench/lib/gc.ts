import { PerformanceEntry, PerformanceObserver, constants } from 'node:perf_hooks';

export type GcWindow = { scavenges: number; scavengeMs: number; timedHit: number };

/**
 * Records the young-generation collections (scavenges) of this process while a timed loop runs, to tell how many
 * of its samples a scavenge landed in: with 1,000 samples the p99 is the 10th slowest, so ten scavenges in a loop
 * set its p99 (found measuring the Scale part: bench/NOTES.md, Scale). Node posts gc entries to observers some turns of
 * the event loop after the collection (one setImmediate was not enough here), hence the wait in `stop`.
 */
export function watchScavenges(): { sample(start: number, end: number): void; stop(): Promise<GcWindow> } {
  const entries: PerformanceEntry[] = [];
  const samples: number[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    sample(start, end) {
      samples.push(start, end);
    },
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 100));
      entries.push(...observer.takeRecords());
      observer.disconnect();
      const first = samples[0] ?? 0;
      const last = samples[samples.length - 1] ?? 0;
      const minor = entries.filter(
        (e) =>
          (e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR &&
          e.startTime >= first &&
          e.startTime <= last,
      );
      let timedHit = 0;
      for (let i = 0; i < samples.length; i += 2) {
        if (minor.some((g) => g.startTime < samples[i + 1] && g.startTime + g.duration > samples[i])) timedHit++;
      }
      return { scavenges: minor.length, scavengeMs: minor.reduce((sum, g) => sum + g.duration, 0), timedHit };
    },
  };
}
