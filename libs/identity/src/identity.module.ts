import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, SystemClock } from '@cert/config';
import { IdentityStore } from './identity.store';

/** Closes the database file on shutdown so the WAL is checkpointed and the file lock released. */
@Injectable()
class IdentityStoreCloser implements OnApplicationShutdown {
  constructor(private readonly store: IdentityStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

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
          useFactory: (clock: Clock | undefined) => new IdentityStore(config.identityDbPath, clock ?? new SystemClock()),
          inject: [{ token: Clock, optional: true }],
        },
        IdentityStoreCloser,
      ],
      exports: [IdentityStore],
    };
  }

  /** Tests hand in their own store, usually `new IdentityStore(':memory:', fixedClock)`. */
  static forInstance(store: IdentityStore): DynamicModule {
    return { module: IdentityModule, providers: [{ provide: IdentityStore, useValue: store }], exports: [IdentityStore] };
  }
}
