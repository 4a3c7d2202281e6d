export * from './event-store';
export * from './handle';
export * from './versioned.event-store';
export * from './hash-chain';
export * from './sqlite/sqlite.event-store';
// Type only, so importing this lib never loads the gRPC client; EventStoreModule loads it when EVENT_STORE=esdb.
export type { EsdbEventStore } from './esdb/esdb.event-store';
export type { PostgresEventStore } from './postgres/postgres.event-store';
export * from './event-store.module';
