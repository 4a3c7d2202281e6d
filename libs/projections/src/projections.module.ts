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
import { EventStore } from '@cert/event-store';
import { LogRunner } from './log-runner';
import { ALL_PROJECTIONS } from './projections';
import { ReadDb, SqliteReadDb } from './read-db';

const RUNNER_OPTIONS = 'PROJECTIONS_RUNNER_OPTIONS';
type RunnerOptions = { runLogRunner: boolean; closeDb: boolean };

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
    this.runner.start();
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
    useFactory: (store: EventStore, db: ReadDb) => new LogRunner(store, db, ALL_PROJECTIONS),
    inject: [EventStore, ReadDb],
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
      providers: providers(readDb, { runLogRunner: opts.runLogRunner ?? true, closeDb: true }),
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
