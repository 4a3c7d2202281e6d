import { Pool } from 'pg';
import { JobQueue, JobSpec } from '@cert/jobs';
import { ReactionCheckpoint } from './reaction-checkpoint';

/** Its own table beside the log's: the log's tables only ever hold the log. */
const SCHEMA = `CREATE TABLE IF NOT EXISTS reaction_checkpoint (name text PRIMARY KEY, position bigint NOT NULL)`;
/** Taken while the table is created, so workers starting together do not race on it; one number per lock on the database (docs/ARCHITECTURE.md, Distributed). */
const SCHEMA_LOCK = 7_362_205;

/**
 * The checkpoint shared by every worker on one PostgreSQL log, for jobs on the shared queue (BullMQ): a worker that
 * takes the reactors over continues where the last one stopped, instead of replaying the log into the queues. The
 * jobs are added first and the checkpoint moves after (a crash in between re-adds them, and job ids dedupe that);
 * it only ever moves forward, so a worker that lost the lease mid-page cannot move it back.
 */
export class PostgresReactionCheckpoint extends ReactionCheckpoint {
  private constructor(private readonly pool: Pool) {
    super();
  }

  static async connect(url: string): Promise<PostgresReactionCheckpoint> {
    const pool = new Pool({ connectionString: url, max: 2 });
    // An idle client's error (the server restarted) must not crash the process: the pool drops that client.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${SCHEMA}; COMMIT`);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresReactionCheckpoint(pool);
  }

  async read(): Promise<string | null> {
    const { rows } = await this.pool.query<{ position: string }>("SELECT position::text FROM reaction_checkpoint WHERE name = 'reactors'");
    return rows[0]?.position ?? null;
  }

  async advance(queue: JobQueue, jobs: JobSpec[], position: string): Promise<void> {
    await queue.enqueue(jobs);
    await this.pool.query(
      `INSERT INTO reaction_checkpoint (name, position) VALUES ('reactors', $1)
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(reaction_checkpoint.position, excluded.position)`,
      [position],
    );
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
