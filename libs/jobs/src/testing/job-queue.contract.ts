import { FixedClock } from '@cert/testing';
import { JobContext, JobQueue, JobSpec, PermanentJobFailure, QueueName } from '../job-queue';

const START = '2026-01-15T09:00:00.000Z';
// Past every backoff step (base·2^3) when an adapter's base is at most 7.5 min. Local uses 1 s of clock time; the
// BullMQ spec uses minutes, so Redis's own real-time retry never fires during a test and only drain() promotes.
const PAST_BACKOFF = { hours: 1 };

export const jobSpec = (jobId: string, over: Partial<JobSpec> = {}): JobSpec => ({
  queue: 'notifications',
  name: 'Send',
  jobId,
  data: { jobId },
  runAt: null,
  ...over,
});

const zero = { waiting: 0, delayed: 0, active: 0, failed: 0 };

/** A promise a spec resolves by hand, to hold a job in the middle of its run. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Bounded wait for something another instance does on its own (BullMQ workers pick jobs up without drain()). */
async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/**
 * One suite, every adapter (docs/ARCHITECTURE.md, Principles (the ten rules), rule 8). `open` returns a new instance
 * on the SAME backing store (file or Redis prefix) each time it is called within a test, and a fresh store per test.
 */
export function itBehavesLikeAJobQueue(open: (clock: FixedClock) => Promise<JobQueue>) {
  describe('behaves like a JobQueue', () => {
    let clock: FixedClock;
    let opened: JobQueue[] = [];
    const openQueue = async () => {
      const queue = await open(clock);
      opened.push(queue);
      return queue;
    };
    const recorder = (queue: JobQueue, name: QueueName = 'notifications', fail?: (job: JobContext) => void) => {
      const runs: JobContext[] = [];
      queue.process(name, async (job) => {
        runs.push(job);
        fail?.(job);
      });
      return runs;
    };

    beforeEach(() => {
      clock = new FixedClock(START);
    });
    afterEach(async () => {
      await Promise.all(opened.map((q) => q.close()));
      opened = [];
    });

    it('runs a job once, with its data', async () => {
      const queue = await openQueue();
      const runs = recorder(queue);
      await queue.enqueue([jobSpec('welcome-1', { data: { to: 'ada@example.org', n: [1, null] } })]);
      expect(await queue.drain()).toBe(1);
      expect(runs).toEqual([
        {
          queue: 'notifications',
          name: 'Send',
          jobId: 'welcome-1',
          data: { to: 'ada@example.org', n: [1, null] },
          attempt: 1,
          runAt: null,
        },
      ]);
      expect(await queue.drain()).toBe(0);
      expect(await queue.depth()).toEqual({ deadlines: zero, notifications: zero });
    });

    it('ignores a duplicate job id, even after the first run completed', async () => {
      const queue = await openQueue();
      const runs = recorder(queue);
      await queue.enqueue([jobSpec('dup-1', { data: 'first' }), jobSpec('dup-1', { data: 'second' })]);
      await queue.drain();
      await queue.enqueue([jobSpec('dup-1', { data: 'third' })]);
      await queue.drain();
      expect(runs.map((r) => r.data)).toEqual(['first']);
    });

    it('keeps a delayed job until the clock reaches its runAt', async () => {
      const queue = await openQueue();
      const runs = recorder(queue, 'deadlines');
      const runAt = '2026-01-16T09:00:00.000Z';
      await queue.enqueue([jobSpec('due-1', { queue: 'deadlines', name: 'AssessmentDue', runAt })]);
      await queue.drain();
      clock.set('2026-01-16T08:59:59.000Z');
      await queue.drain();
      expect(runs).toEqual([]);
      expect((await queue.depth()).deadlines).toEqual({ ...zero, delayed: 1 });
      clock.set(runAt);
      expect(await queue.drain()).toBe(1);
      expect(runs).toMatchObject([{ jobId: 'due-1', name: 'AssessmentDue', runAt, attempt: 1 }]);
    });

    it('retries a failing job after a backoff in clock time, then succeeds', async () => {
      const queue = await openQueue();
      const runs = recorder(queue, 'notifications', (job) => {
        if (job.attempt < 3) throw new Error(`smtp down (attempt ${job.attempt})`);
      });
      await queue.enqueue([jobSpec('retry-1')]);
      await queue.drain();
      clock.advance(500);
      await queue.drain();
      expect(runs.map((r) => r.attempt)).toEqual([1]);
      expect((await queue.depth()).notifications).toEqual({ ...zero, delayed: 1 });
      for (const expected of [
        [1, 2],
        [1, 2, 3],
      ]) {
        clock.advance(PAST_BACKOFF);
        await queue.drain();
        expect(runs.map((r) => r.attempt)).toEqual(expected);
      }
      expect((await queue.depth()).notifications).toEqual(zero);
    });

    it('gives up after 5 attempts and counts the job as failed', async () => {
      const queue = await openQueue();
      const runs = recorder(queue, 'notifications', () => {
        throw new Error('always down');
      });
      await queue.enqueue([jobSpec('hopeless-1')]);
      for (let i = 0; i < 7; i++) {
        await queue.drain();
        clock.advance(PAST_BACKOFF);
      }
      expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5]);
      expect((await queue.depth()).notifications).toEqual({ ...zero, failed: 1 });
    });

    it('does not retry a PermanentJobFailure, and counts it as failed', async () => {
      const queue = await openQueue();
      const runs = recorder(queue, 'notifications', () => {
        throw new PermanentJobFailure('no such template');
      });
      await queue.enqueue([jobSpec('bad-1')]);
      await queue.drain();
      clock.advance(PAST_BACKOFF);
      await queue.drain();
      expect(runs).toHaveLength(1);
      expect((await queue.depth()).notifications).toEqual({ ...zero, failed: 1 });
    });

    it('calls commit once per enqueue, after storing the jobs, even with no jobs', async () => {
      const queue = await openQueue();
      const commits: number[] = [];
      await queue.enqueue([jobSpec('c-1'), jobSpec('c-2', { queue: 'deadlines' })], () => commits.push(1));
      await queue.enqueue([], () => commits.push(2));
      expect(commits).toEqual([1, 2]);
      const depth = await queue.depth();
      expect([depth.notifications.waiting, depth.deadlines.waiting]).toEqual([1, 1]);
    });

    it('rejects when commit throws, and a re-enqueue after that runs each job once', async () => {
      const queue = await openQueue();
      const runs = recorder(queue);
      const specs = [jobSpec('crash-1'), jobSpec('crash-2')];
      await expect(
        queue.enqueue(specs, () => {
          throw new Error('checkpoint failed');
        }),
      ).rejects.toThrow('checkpoint failed');
      await queue.enqueue(specs, () => undefined);
      await queue.drain();
      expect(runs.map((r) => r.jobId).sort()).toEqual(['crash-1', 'crash-2']);
    });

    it('refuses a job id containing ":" and stores nothing from that batch', async () => {
      const queue = await openQueue();
      await expect(queue.enqueue([jobSpec('ok-1'), jobSpec('app:1')])).rejects.toThrow(/':'/);
      expect(await queue.depth()).toEqual({ deadlines: zero, notifications: zero });
    });

    it('runs each of 200 jobs exactly once across two instances processing the same queue', async () => {
      const [left, right] = [await openQueue(), await openQueue()];
      const counts = new Map<string, number>();
      for (const queue of [left, right]) {
        queue.process(
          'notifications',
          async (job) => {
            counts.set(job.jobId, (counts.get(job.jobId) ?? 0) + 1);
            await new Promise((resolve) => setImmediate(resolve));
          },
          { concurrency: 4 },
        );
      }
      await left.enqueue(Array.from({ length: 200 }, (_, i) => jobSpec(`many-${i}`)));
      await Promise.all([left.drain(), right.drain()]);
      await Promise.all([left.drain(), right.drain()]);
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    });

    it('keeps jobs across close() and reopen, then runs them', async () => {
      const first = await openQueue();
      await first.enqueue([jobSpec('kept-1'), jobSpec('kept-2', { runAt: '2026-01-15T10:00:00.000Z' })]);
      await first.close();
      await expect(first.enqueue([jobSpec('late-1')])).rejects.toThrow(/closed/);
      const second = await openQueue();
      const runs = recorder(second);
      await second.drain();
      expect(runs.map((r) => r.jobId)).toEqual(['kept-1']);
      clock.set('2026-01-15T10:00:00.000Z');
      await second.drain();
      expect(runs.map((r) => r.jobId)).toEqual(['kept-1', 'kept-2']);
    });

    it('lets a running job finish on close()', async () => {
      const queue = await openQueue();
      const { open: release, opened: released } = gate();
      let started = false;
      let finished = false;
      queue.process('notifications', async () => {
        started = true;
        await released;
        finished = true;
      });
      await queue.enqueue([jobSpec('slow-1')]);
      const draining = queue.drain();
      await until(() => started, 'the job started');
      const closing = queue.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(finished).toBe(false);
      release();
      await Promise.all([closing, draining]);
      expect(finished).toBe(true);
      const reopened = await openQueue();
      expect((await reopened.depth()).notifications).toEqual(zero);
    });

    it('counts waiting, delayed, active and failed jobs per queue', async () => {
      const queue = await openQueue();
      const { open: release, opened: released } = gate();
      let started = false;
      queue.process('deadlines', async (job) => {
        if (job.name === 'Broken') throw new PermanentJobFailure('broken');
        started = true;
        await released;
      });
      await queue.enqueue([jobSpec('w-1'), jobSpec('w-2'), jobSpec('d-1', { runAt: '2026-02-01T00:00:00.000Z' })]);
      await queue.enqueue([jobSpec('f-1', { queue: 'deadlines', name: 'Broken' })]);
      await queue.drain();
      await queue.enqueue([jobSpec('a-1', { queue: 'deadlines', name: 'Hold' })]);
      const draining = queue.drain();
      await until(() => started, 'the job started');
      expect(await queue.depth()).toEqual({
        notifications: { waiting: 2, delayed: 1, active: 0, failed: 0 },
        deadlines: { waiting: 0, delayed: 0, active: 1, failed: 1 },
      });
      release();
      await draining;
    });
  });
}
