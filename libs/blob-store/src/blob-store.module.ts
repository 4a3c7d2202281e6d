import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock } from '@cert/config';
import { BlobStore } from './blob-store';
import { FileBlobStore } from './files/file.blob-store';

@Injectable()
class BlobStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(BlobStore) private readonly blobs: BlobStore) {}
  onApplicationShutdown() {
    return this.blobs.close();
  }
}

/** The configured adapter: files under BLOB_DIR, or the log's PostgreSQL database (BLOB_STORE=postgres, DATABASE_URL). */
export const openBlobStore = async (config: AppConfig, clock?: Clock): Promise<BlobStore> => {
  const now = clock ? () => clock.now() : undefined;
  if (config.blobStore === 'postgres') {
    if (!config.databaseUrl) throw new Error('BLOB_STORE=postgres needs DATABASE_URL');
    // Loaded on demand: the embedded default never needs the driver.
    const { PostgresBlobStore } = await import('./postgres/postgres.blob-store');
    return PostgresBlobStore.connect(config.databaseUrl, now);
  }
  return FileBlobStore.open(config.blobDir, now);
};

/** Provides `BlobStore` everywhere: the api (uploads, downloads), audit verification, erasure and the work side's orphan sweep use it. */
@Global()
@Module({})
export class BlobStoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BlobStoreModule,
      providers: [{ provide: BlobStore, useFactory: (clock: Clock) => openBlobStore(config, clock), inject: [Clock] }, BlobStoreCloser],
      exports: [BlobStore],
    };
  }
}
