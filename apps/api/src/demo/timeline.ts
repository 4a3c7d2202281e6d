import { Clock } from '@cert/config';

/** The seeder's clock: the engine reads "now" from it, and the timeline moves it forward, never back. */
export class DemoClock extends Clock {
  private current: number;

  constructor(start: Date) {
    super();
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    if (to.getTime() < this.current)
      throw new Error(`the demo clock cannot go back from ${this.now().toISOString()} to ${to.toISOString()}`);
    this.current = to.getTime();
  }
}

/** A story of the demo year: it waits for a date with `await at(date)` before each step. */
export type Story = { name: string; run: (at: (when: Date) => Promise<void>) => Promise<void> };

type Waiting = { when: number; order: number; story: string; resume: () => void };

/**
 * Runs the stories as one history: each story reads top to bottom, and whenever one waits for a date, the story whose
 * next step comes first goes on. Only one story runs at a time, so the log is written in the order of its dates.
 * `advance` moves the clock to a date, letting the engine's timers fire on the way.
 */
export async function runTimeline(stories: Story[], advance: (to: Date) => Promise<void>): Promise<void> {
  const waiting: Waiting[] = [];
  let order = 0;
  let running = 0;
  const failed: { error?: Error } = {};
  let idle: () => void = () => {};
  const settled = () => new Promise<void>((resolve) => (idle = resolve));
  const pause = () => {
    running--;
    if (running === 0) idle();
  };

  const start = (story: Story) => {
    running++;
    const at = (when: Date) =>
      new Promise<void>((resume) => {
        waiting.push({ when: when.getTime(), order: order++, story: story.name, resume });
        pause();
      });
    story
      .run(at)
      .catch(
        (error: unknown) =>
          (failed.error ??= new Error(`demo story "${story.name}": ${error instanceof Error ? error.message : String(error)}`)),
      )
      .finally(pause);
  };

  // Each story starts on its own, up to its first date, so nothing runs side by side.
  for (const story of stories) {
    const quiet = settled();
    start(story);
    await quiet;
    if (failed.error) throw failed.error;
  }
  while (waiting.length > 0) {
    waiting.sort((a, b) => a.when - b.when || a.order - b.order);
    const next = waiting.shift()!;
    await advance(new Date(next.when));
    const quiet = settled();
    running++;
    next.resume();
    await quiet;
    if (failed.error) throw failed.error;
  }
}
