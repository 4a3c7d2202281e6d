import { dumbo } from '@event-driven-io/dumbo';
import { Pool } from 'pg';
import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { PostgresEventStore, getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { VersionConflict } from '@cert/event-store';
import type { StoreSubject, SubjectId } from './subjects';
import { BenchCommand, BenchState, benchDecider, evolve, initialState, streamIdOf } from './workload';

type Dumbo = ReturnType<typeof dumbo>;

/**
 * The peer on the engine's PostgreSQL ground: Emmett's PostgreSQL event store, driven the way the engine's handle()
 * drives its own (load the stream, fold, decide, append with the loaded version expected). A version conflict is
 * reported as the engine's VersionConflict, so the race writer retries it the same way.
 */
export class EmmettSubject implements StoreSubject {
  conflicts = 0;
  appends = 0;

  private constructor(
    readonly id: SubjectId,
    private readonly store: PostgresEventStore,
    private readonly pool: Dumbo,
    private readonly pg: Pool,
  ) {}

  /**
   * Emmett and its batch reader share one pool of ours, which the bench ends itself: a pool it left open would meet
   * the database's drop at the end of the run with an unhandled error.
   */
  static async open(id: SubjectId, url: string): Promise<EmmettSubject> {
    const pg = new Pool({ connectionString: url });
    pg.on('error', () => {});
    const store = getPostgreSQLEventStore(url, { connectionOptions: { connectionString: url, pool: pg } });
    await store.schema.migrate();
    return new EmmettSubject(id, store, dumbo({ connectionString: url, pool: pg }), pg);
  }

  async command(cmd: BenchCommand): Promise<void> {
    const streamId = streamIdOf(cmd.app);
    const { version, state } = await this.load(cmd.app);
    const events = benchDecider.decide(cmd, state);
    try {
      await this.store.appendToStream(streamId, events, { expectedStreamVersion: BigInt(version) });
      this.appends++;
    } catch (err) {
      if (isExpectedVersionConflictError(err)) {
        this.conflicts++;
        throw new VersionConflict(streamId, version, null);
      }
      throw err;
    }
  }

  flush(): void {}

  async load(app: number): Promise<{ version: number; state: BenchState }> {
    const read = await this.store.readStream(streamIdOf(app));
    let state = initialState();
    for (const e of read.events) state = evolve(state, { type: e.type, data: e.data });
    return { version: Number(read.currentStreamVersion), state };
  }

  /** Emmett's own batch read of the global log, as its consumers use it. */
  async replay(pageSize: number, onEvent: (streamId: string, type: string, data: unknown) => void): Promise<number> {
    let after = 0n;
    let count = 0;
    for (;;) {
      const batch = await readMessagesBatch(this.pool.execute, { after, batchSize: pageSize });
      for (const m of batch.messages) onEvent(m.metadata.streamName, m.type, m.data);
      count += batch.messages.length;
      if (batch.messages.length === 0 || !batch.areMessagesLeft) return count;
      after = batch.messages[batch.messages.length - 1].metadata.globalPosition;
    }
  }

  /** The stream as stored, for the race's checks. */
  async events(streamId: string): Promise<{ version: number; type: string; data: unknown }[]> {
    const read = await this.store.readStream(streamId);
    return read.events.map((e) => ({ version: Number(e.metadata.streamPosition), type: e.type, data: e.data }));
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.store.close();
    if (!this.pg.ended) await this.pg.end();
  }
}
