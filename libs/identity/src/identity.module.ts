import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, SystemClock } from '@cert/config';
import { IdentityStore } from './identity.store';
import { SqliteIdentityStore } from './sqlite/sqlite.identity-store';

/** Closes the store on shutdown: the SQLite file's WAL is checkpointed and its lock released, or the pool ended. */
@Injectable()
class IdentityStoreCloser implements OnApplicationShutdown {
  constructor(private readonly store: IdentityStore) {}
  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

/** The configured adapter (IDENTITY_STORE). */
export const openIdentityStore = async (config: AppConfig, clock: Clock = new SystemClock()): Promise<IdentityStore> => {
  if (config.identityStore === 'postgres') {
    if (!config.databaseUrl) throw new Error('IDENTITY_STORE=postgres needs DATABASE_URL');
    // Loaded on demand, as the event log's adapter is: the embedded default never needs the driver.
    const { PostgresIdentityStore } = await import('./postgres/postgres.identity-store');
    return PostgresIdentityStore.open(config.databaseUrl, clock);
  }
  return new SqliteIdentityStore(config.identityDbPath, clock);
};

/** Provides `IdentityStore` everywhere. Uses the app's `Clock` when one is provided, so specs can override it. */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityModule,
      providers: [
        {
          provide: IdentityStore,
          useFactory: (clock: Clock | undefined) => openIdentityStore(config, clock ?? new SystemClock()),
          inject: [{ token: Clock, optional: true }],
        },
        IdentityStoreCloser,
      ],
      exports: [IdentityStore],
    };
  }

  /** Tests hand in their own store, usually `new SqliteIdentityStore(':memory:', fixedClock)`. */
  static forInstance(store: IdentityStore): DynamicModule {
    return { module: IdentityModule, providers: [{ provide: IdentityStore, useValue: store }], exports: [IdentityStore] };
  }
}
