import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@cert/config';
import { PrivacyModule } from '@cert/privacy';
import { IdentityModule } from '@cert/identity';
import { JobsModule } from '@cert/jobs';
import { MailModule } from '@cert/mail';
import { ProjectionsModule } from '@cert/projections';
import { WorkModule } from '@cert/work';
import { CheckpointsModule } from '@cert/audit';

/** The work side without HTTP: its own read models (for the facts commands need), reactors and processors. */
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
        ProjectionsModule.forRoot(config),
        IdentityModule.forRoot(config),
        MailModule.forRoot(config),
        JobsModule.forRoot(config),
        WorkModule,
      ],
    };
  }
}
