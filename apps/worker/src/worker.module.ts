import { MetricsModule } from '@cert/metrics';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@cert/config';
import { PrivacyModule } from '@cert/privacy';
import { BlobStoreModule } from '@cert/blob-store';
import { IdentityModule } from '@cert/identity';
import { JobsModule } from '@cert/jobs';
import { MailModule } from '@cert/mail';
import { ProjectionsModule } from '@cert/projections';
import { WorkModule } from '@cert/work';
import { CheckpointsModule } from '@cert/audit';

/** The work side without HTTP: its own read models (for the facts commands need), reactors, processors and the blob sweep. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        PrivacyModule.forRoot(config),
        CheckpointsModule.forRoot(config),
        // The evidence files, for the orphan sweep.
        BlobStoreModule.forRoot(config),
        ProjectionsModule.forRoot(config),
        IdentityModule.forRoot(config),
        MailModule.forRoot(config),
        JobsModule.forRoot(config),
        MetricsModule,
        WorkModule,
      ],
    };
  }
}
