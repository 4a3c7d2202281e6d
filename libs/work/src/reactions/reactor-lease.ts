/**
 * Whether this process may run the reactors now. On a shared log one worker at a time does, so a page's jobs are
 * enqueued once, not once per worker; any worker still processes jobs. An abstract class, so it doubles as the DI token.
 */
export abstract class ReactorLease {
  /** True while this process holds the lease; otherwise tries to take it (cheap: called before every pass). */
  abstract hold(): Promise<boolean>;
  /** Whether it is still held, without asking anyone: checked between pages, so a lost lease stops a pass. */
  abstract held(): boolean;
  abstract close(): Promise<void>;
}

/** The embedded shape, and a log only one machine writes: this process always runs its reactors. */
export class LocalReactorLease extends ReactorLease {
  async hold(): Promise<boolean> {
    return true;
  }

  held(): boolean {
    return true;
  }

  async close(): Promise<void> {}
}
