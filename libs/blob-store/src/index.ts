export * from './blob-store';
export * from './files/file.blob-store';
export * from './blob-store.module';
export type { PostgresBlobStore } from './postgres/postgres.blob-store';
