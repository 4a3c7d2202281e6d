export * from './user';
export * from './identity.store';
export * from './sqlite/sqlite.identity-store';
// Type only: the module loads the adapter (and the pg driver) when IDENTITY_STORE=postgres.
export type { PostgresIdentityStore } from './postgres/postgres.identity-store';
export * from './identity.module';
export * from './links';
export * from './lockout';
export * from './names';
export * from './password-strength';
