import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@cert/config';
import { EventLog, EventStore } from './event-store';
import { SqliteEventStore } from './sqlite/sqlite.event-store';

/** Closes the log after every other module has stopped using it (shutdown runs after destroy hooks). */
@Injectable()
class EventLogCloser implements OnApplicationShutdown {
  constructor(@Inject(EventLog) private readonly log: EventLog) {}
  onApplicationShutdown() {
    return this.log.close();
  }
}

/** The configured adapter. */
export const openEventStore = async (config: AppConfig): Promise<EventLog> => {
  if (config.eventStore === 'esdb') {
    if (!config.esdbUrl) throw new Error('EVENT_STORE=esdb needs ESDB_URL');
    // Loaded on demand: the gRPC client adds start-up time that the embedded default never needs.
    const { EsdbEventStore } = await import('./esdb/esdb.event-store');
    return EsdbEventStore.connect(config.esdbUrl);
  }
  if (config.eventStore === 'postgres') {
    if (!config.databaseUrl) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
    // Loaded on demand, like the gRPC client: the embedded default never needs the driver.
    const { PostgresEventStore } = await import('./postgres/postgres.event-store');
    return PostgresEventStore.connect(config.databaseUrl);
  }
  const logger = new Logger('EventStore');
  return SqliteEventStore.open(config.sqlitePath, { synchronous: config.sqliteSynchronous, progress: (message) => logger.log(message) });
};

/**
 * Provides the plain adapter under both tokens: `EventLog` (what audit reads) and `EventStore` (what everything
 * else uses); the abstract classes are the DI tokens (docs/ARCHITECTURE.md, Event store rules). Apps import
 * PrivacyModule instead, which provides the same `EventLog` and a decorated `EventStore` over it.
 */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EventLog, useFactory: () => openEventStore(config) },
        { provide: EventStore, useExisting: EventLog },
        EventLogCloser,
      ],
      exports: [EventLog, EventStore],
    };
  }

  /** For tests that own their store (and close it themselves): the adapter, and optionally a decorated store over it. */
  static forInstance(log: EventLog, store: EventStore = log): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EventLog, useValue: log },
        { provide: EventStore, useValue: store },
      ],
      exports: [EventLog, EventStore],
    };
  }
}
