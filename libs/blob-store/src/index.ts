export * from './blob-store';
export * from './files/file.blob-store';
export * from './blob-store.module';
