import { JobQueue, JobSpec } from '@cert/jobs';
import { ReadDb } from '@cert/projections';

/**
 * Where the reactors' checkpoint lives (docs/ARCHITECTURE.md, Worker rules): the position up to which the log's jobs
 * are enqueued. An abstract class, so it doubles as the DI token; one contract suite for both adapters
 * (testing/reaction-checkpoint.contract.ts).
 */
export abstract class ReactionCheckpoint {
  /** The position of the last event whose jobs are enqueued, or null before the first. */
  abstract read(): Promise<string | null>;
  /** Enqueues a page's jobs and moves the checkpoint to `position`: with them or after them, never before. */
  abstract advance(queue: JobQueue, jobs: JobSpec[], position: string): Promise<void>;
  abstract close(): Promise<void>;
}

/**
 * The process's own read database: for the in-process queue, whose jobs live there too, the checkpoint moves in
 * the same SQLite transaction as the enqueue. A fresh process replays the log into its own queue.
 */
export class LocalReactionCheckpoint extends ReactionCheckpoint {
  private readonly readStmt;
  private readonly saveStmt;

  constructor(readDb: ReadDb) {
    super();
    readDb.db.exec('CREATE TABLE IF NOT EXISTS reaction_state (name TEXT PRIMARY KEY, position TEXT)');
    this.readStmt = readDb.db.prepare<[], { position: string }>("SELECT position FROM reaction_state WHERE name = 'reactors'");
    this.saveStmt = readDb.db.prepare<[string]>(
      "INSERT INTO reaction_state (name, position) VALUES ('reactors', ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position",
    );
  }

  async read(): Promise<string | null> {
    return this.readStmt.get()?.position ?? null;
  }

  advance(queue: JobQueue, jobs: JobSpec[], position: string): Promise<void> {
    return queue.enqueue(jobs, () => void this.saveStmt.run(position));
  }

  async close(): Promise<void> {}
}
