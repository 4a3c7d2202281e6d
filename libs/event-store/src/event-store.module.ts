import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@cert/config';
import { EventStore } from './event-store';
import { SqliteEventStore } from './sqlite/sqlite.event-store';

/** Closes the store after every other module has stopped using it (shutdown runs after destroy hooks). */
@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}
  onApplicationShutdown() {
    return this.store.close();
  }
}

export const openEventStore = async (config: AppConfig): Promise<EventStore> => {
  if (config.eventStore === 'esdb') {
    if (!config.esdbUrl) throw new Error('EVENT_STORE=esdb needs ESDB_URL');
    // Loaded on demand: the gRPC client costs ~100 ms at startup that the embedded default never needs.
    const { EsdbEventStore } = await import('./esdb/esdb.event-store');
    return EsdbEventStore.connect(config.esdbUrl);
  }
  const logger = new Logger('EventStore');
  return SqliteEventStore.open(config.sqlitePath, { synchronous: config.sqliteSynchronous, progress: (message) => logger.log(message) });
};

/** Provides the EventStore port; the abstract class is the DI token (ARCHITECTURE.md, Event store rules). */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EventStore, useFactory: () => openEventStore(config) }, EventStoreCloser],
      exports: [EventStore],
    };
  }

  /** For tests that own their store (and close it themselves). */
  static forInstance(store: EventStore): DynamicModule {
    return { module: EventStoreModule, providers: [{ provide: EventStore, useValue: store }], exports: [EventStore] };
  }
}
