import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import type { AppConfig } from '@cert/config';
import { EventLog, EventStore } from '@cert/event-store';
import { LogRunner } from './log-runner';
import { ALL_PROJECTIONS } from './projections';
import { ReadDb, SqliteReadDb } from './read-db';

const RUNNER_OPTIONS = 'PROJECTIONS_RUNNER_OPTIONS';
type RunnerOptions = { runLogRunner: boolean; closeDb: boolean; pollMs?: number };

/**
 * On a shared log every append wakes the runner (EventStore.onAppend: LISTEN on PostgreSQL, a subscription on
 * KurrentDB), so polling is only the fallback for while that connection is down. The embedded log hears only its own process's appends, and a worker on the
 * same file appends too, so there the runner keeps polling at its default.
 */
const SHARED_LOG_POLL_MS = 1000;

/**
 * Hosts the log runner (docs/ARCHITECTURE.md, Read side): one catch-up at boot, then polling. Every process that
 * answers queries hosts it; a one-shot process (the CLI) and specs that call catchUp() themselves do not.
 */
@Injectable()
class LogRunnerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProjectionsModule');

  constructor(
    private readonly runner: LogRunner,
    private readonly readDb: ReadDb,
    @Inject(RUNNER_OPTIONS) private readonly options: RunnerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runLogRunner) return;
    try {
      const applied = await this.runner.catchUp();
      this.logger.log(`read models caught up at boot (${applied} events applied)`);
    } catch {
      // Logged by the runner; polling retries, and the api still serves what the read models hold.
    }
    this.runner.start(this.options.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    if (this.options.closeDb) this.readDb.close();
  }
}

const providers = (readDb: Provider, options: RunnerOptions): Provider[] => [
  readDb,
  { provide: RUNNER_OPTIONS, useValue: options },
  {
    provide: LogRunner,
    // The adapter's onAppend, not the decorated store's: the decorators do not change what was appended when.
    useFactory: (store: EventStore, db: ReadDb, log?: EventLog) => new LogRunner(store, db, ALL_PROJECTIONS, log?.onAppend?.bind(log)),
    inject: [EventStore, ReadDb, { token: EventLog, optional: true }],
  },
  LogRunnerLifecycle,
];

/** Provides `ReadDb` and `LogRunner` everywhere; needs `EventStore` from EventStoreModule. */
@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(config: AppConfig, opts: { runLogRunner?: boolean } = {}): DynamicModule {
    const readDb = { provide: ReadDb, useFactory: () => SqliteReadDb.open(config.readDbPath) };
    return {
      module: ProjectionsModule,
      providers: providers(readDb, {
        runLogRunner: opts.runLogRunner ?? true,
        closeDb: true,
        pollMs: config.eventStore !== 'sqlite' ? SHARED_LOG_POLL_MS : undefined,
      }),
      exports: [ReadDb, LogRunner],
    };
  }

  /** Tests hand in their own read db (usually `SqliteReadDb.open(':memory:')`) and close it themselves. */
  static forInstance(readDb: ReadDb, opts: { runLogRunner?: boolean } = {}): DynamicModule {
    const provider = { provide: ReadDb, useValue: readDb };
    return {
      module: ProjectionsModule,
      providers: providers(provider, { runLogRunner: opts.runLogRunner ?? false, closeDb: false }),
      exports: [ReadDb, LogRunner],
    };
  }
}
