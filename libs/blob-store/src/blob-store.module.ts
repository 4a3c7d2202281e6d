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

/** The configured adapter; today the files under BLOB_DIR (a PostgreSQL adapter would be chosen here, by configuration). */
export const openBlobStore = (config: AppConfig, clock?: Clock): Promise<BlobStore> =>
  FileBlobStore.open(config.blobDir, clock ? () => clock.now() : undefined);

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
