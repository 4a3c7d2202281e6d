import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@cert/config';
import { DeadlinesModule } from '@cert/commands';
import { EventStoreModule } from '@cert/event-store';
import { IdentityModule } from '@cert/identity';
import { ProjectionsModule } from '@cert/projections';

/** The work side without HTTP: the log runner keeps its own read models, the deadline sweep runs commands. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        EventStoreModule.forRoot(config),
        ProjectionsModule.forRoot({ ...config, runLogRunner: true }),
        IdentityModule.forRoot(config),
        DeadlinesModule,
      ],
    };
  }
}
