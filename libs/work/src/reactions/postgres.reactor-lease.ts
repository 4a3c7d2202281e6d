import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { ReactorLease } from './reactor-lease';

/** The session advisory lock that is the lease, the same in every worker; one number per lock on the database (docs/ARCHITECTURE.md, Distributed). */
const REACTORS_LOCK = 7_362_203;

/**
 * The lease on a shared PostgreSQL log: a session advisory lock (pg_try_advisory_lock) on a connection of its own,
 * which PostgreSQL releases when that session ends (https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS).
 * The other workers try again on each pass. When the connection drops, the lease is gone at once on this side too:
 * the worker stops running reactors until it takes the lock again on a new connection. TCP keepalive makes a
 * silently dead connection end; until it does, two workers may both run a page, which job ids dedupe.
 */
export class PostgresReactorLease extends ReactorLease {
  private readonly logger = new Logger('reactors');
  private client: Client | null = null;
  private holding = false;
  private closed = false;

  constructor(private readonly url: string) {
    super();
  }

  async hold(): Promise<boolean> {
    if (this.holding || this.closed) return this.holding;
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [REACTORS_LOCK]);
      if (rows[0].taken && this.client === client) {
        this.holding = true;
        this.logger.log('this process now runs the reactors');
      }
    } catch {
      // The server is unreachable: the next pass tries again on a new connection.
      this.drop();
    }
    return this.holding;
  }

  held(): boolean {
    return this.holding;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.holding = false;
    // Ending the session releases the lock, so another worker takes over on its next pass.
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.url, keepAlive: true });
    const lost = () => {
      if (this.client !== client) return;
      if (this.holding)
        this.logger.warn('the reactors lease connection dropped: this process stops running them until it takes the lease again');
      this.drop();
    };
    client.on('error', lost);
    client.on('end', lost);
    this.client = client;
    await client.connect();
    return client;
  }

  private drop(): void {
    const client = this.client;
    this.client = null;
    this.holding = false;
    void client?.end().catch(() => {});
  }
}
