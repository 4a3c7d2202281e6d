import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@cert/config';
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
export const openBlobStore = (config: AppConfig): Promise<BlobStore> => FileBlobStore.open(config.blobDir);

/** Provides `BlobStore` everywhere: the api (uploads, downloads), audit verification and erasure use it. */
@Global()
@Module({})
export class BlobStoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BlobStoreModule,
      providers: [{ provide: BlobStore, useFactory: () => openBlobStore(config) }, BlobStoreCloser],
      exports: [BlobStore],
    };
  }
}
