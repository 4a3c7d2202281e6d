import { LocalJobQueue, JobSpec } from '@cert/jobs';
import { SqliteReadDb } from '@cert/projections';
import { FixedClock } from '@cert/testing';
import { ReactionCheckpoint } from '../reaction-checkpoint';

/** A checkpoint over `readDb` (the local adapter needs the queue's database), and another instance on the same storage. */
export type CheckpointUnderTest = { open(readDb: SqliteReadDb): Promise<ReactionCheckpoint> };

const job = (day: number): JobSpec => ({
  queue: 'deadlines',
  name: 'CheckpointDue',
  jobId: `checkpoint-due-${day}`,
  data: {},
  runAt: null,
});

/** The contract every ReactionCheckpoint adapter passes (docs/ARCHITECTURE.md, Principles: same contract, every adapter). */
export function itBehavesLikeAReactionCheckpoint(adapter: () => CheckpointUnderTest): void {
  let readDb: SqliteReadDb;
  let queue: LocalJobQueue;
  const opened: ReactionCheckpoint[] = [];
  const open = async () => {
    const checkpoint = await adapter().open(readDb);
    opened.push(checkpoint);
    return checkpoint;
  };
  const jobIds = () => (readDb.db.prepare('SELECT job_id FROM jobs ORDER BY job_id').pluck().all() as string[]) ?? [];

  beforeEach(() => {
    readDb = SqliteReadDb.open(':memory:');
    queue = new LocalJobQueue(readDb.db, new FixedClock('2026-01-01T00:00:00.000Z'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    await queue.close();
    readDb.close();
  });

  it('reads null before anything was enqueued', async () => {
    await expect((await open()).read()).resolves.toBeNull();
  });

  it("given a page advanced, then its jobs are queued and the checkpoint reads the page's last position, here and in a new instance", async () => {
    const checkpoint = await open();
    await checkpoint.advance(queue, [job(1), job(2)], '7');
    expect(jobIds()).toEqual(['checkpoint-due-1', 'checkpoint-due-2']);
    await expect(checkpoint.read()).resolves.toBe('7');
    await checkpoint.advance(queue, [], '12');
    await expect((await open()).read()).resolves.toBe('12');
  });

  it('given the enqueue fails, then the checkpoint does not move', async () => {
    const checkpoint = await open();
    await checkpoint.advance(queue, [job(1)], '3');
    await queue.close();
    await expect(checkpoint.advance(queue, [job(2)], '9')).rejects.toThrow();
    await expect(checkpoint.read()).resolves.toBe('3');
  });
}
