import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, SystemClock } from '@cert/config';
import { schemaVersionOf, upcast } from '@cert/domain';
import { EventLog, EventStore, VersionedEventStore, openEventStore } from '@cert/event-store';
import { PrivateEventStore } from './private.event-store';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { SubjectKeys } from './subject-keys';

/**
 * The configured key store: the PostgreSQL database at KEYS_DATABASE_URL when set (processes on several machines),
 * else the SQLite file at KEYS_DB_PATH.
 */
export const openSubjectKeys = async (config: AppConfig, clock: Clock = new SystemClock()): Promise<SubjectKeys> => {
  if (config.keysDatabaseUrl) {
    // Loaded on demand, as the log's PostgreSQL adapter is: the embedded default never needs the driver.
    const { PostgresSubjectKeys } = await import('./postgres.subject-keys');
    return PostgresSubjectKeys.connect(config.keysDatabaseUrl, clock);
  }
  return SqliteSubjectKeys.open(config.keysDbPath, clock);
};

/** Closes the log and the key store after every other module has stopped using them. */
@Injectable()
class StoresCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EventLog) private readonly log: EventLog,
    @Inject(SubjectKeys) private readonly keys: SubjectKeys,
  ) {}
  async onApplicationShutdown() {
    await this.log.close();
    await this.keys.close();
  }
}

/**
 * The store every app uses: personal fields sealed on write and opened on read (PrivateEventStore), then every read
 * upcast to the current schema and every write stamped with it (VersionedEventStore, outside, so an upcaster sees
 * clear text), over the adapter, which chains what it is given.
 */
export class ProtectedEventStore extends VersionedEventStore {
  constructor(log: EventStore, keys: SubjectKeys) {
    super(new PrivateEventStore(log, keys), { schemaVersionOf, upcast });
  }
}

/**
 * Provides `EventStore`, `EventLog` and `SubjectKeys` everywhere. Apps import this instead of
 * `EventStoreModule.forRoot`: the log they write holds personal data only as ciphertext, under keys kept in
 * KEYS_DB_PATH or KEYS_DATABASE_URL, and every read gives events in their current schema. Audit reads `EventLog`,
 * the adapter as stored.
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
          useFactory: (clock: Clock | undefined) => openSubjectKeys(config, clock),
          inject: [{ token: Clock, optional: true }],
        },
        { provide: EventLog, useFactory: () => openEventStore(config) },
        {
          provide: EventStore,
          useFactory: (log: EventLog, keys: SubjectKeys) => new ProtectedEventStore(log, keys),
          inject: [EventLog, SubjectKeys],
        },
        StoresCloser,
      ],
      exports: [EventStore, EventLog, SubjectKeys],
    };
  }
}
