import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, SystemClock } from '@cert/config';
import { CodecEventStore, EventStore, openEventStore } from '@cert/event-store';
import { PrivacyCodec } from './privacy.codec';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { SubjectKeys } from './subject-keys';

/** Closes the log and the key store after every other module has stopped using them. */
@Injectable()
class StoresCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(SubjectKeys) private readonly keys: SubjectKeys,
  ) {}
  async onApplicationShutdown() {
    await this.store.close();
    this.keys.close();
  }
}

/** The store every app uses: the configured adapter, with personal fields sealed on write and opened on read. */
export const protectedStore = (stored: EventStore, keys: SubjectKeys): EventStore => new CodecEventStore(stored, new PrivacyCodec(keys, stored));

/**
 * Provides `EventStore` and `SubjectKeys` everywhere (issue 5). Apps import this instead of
 * `EventStoreModule.forRoot`: the log they write holds personal data only as ciphertext, under keys kept in
 * KEYS_DB_PATH, and every read gives events in their current schema. `EventStoreModule` stays for the plain adapter.
 */
@Global()
@Module({})
export class PrivacyModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PrivacyModule,
      providers: [
        {
          provide: SubjectKeys,
          useFactory: (clock: Clock | undefined) => SqliteSubjectKeys.open(config.keysDbPath, clock ?? new SystemClock()),
          inject: [{ token: Clock, optional: true }],
        },
        { provide: EventStore, useFactory: async (keys: SubjectKeys) => protectedStore(await openEventStore(config), keys), inject: [SubjectKeys] },
        StoresCloser,
      ],
      exports: [EventStore, SubjectKeys],
    };
  }
}
