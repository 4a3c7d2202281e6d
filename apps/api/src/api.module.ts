import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@cert/config';
import { CommandsModule, DeadlinesModule } from '@cert/commands';
import { EventStoreModule } from '@cert/event-store';
import { IdentityModule } from '@cert/identity';
import { MailModule } from '@cert/mail';
import { ProjectionsModule } from '@cert/projections';
import { ApplicationsController } from './applications/applications.controller';
import { RubricsController } from './applications/rubrics.controller';
import { AuthModule } from './auth/auth.module';
import { DecisionsController } from './decisions/decisions.controller';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { ReadPositionInterceptor } from './http/read-position.interceptor';
import { ReviewersController } from './reviews/reviewers.controller';
import { ReviewsController } from './reviews/reviews.controller';

/** The whole embedded service: write side, read side and sign-in in one process (ARCHITECTURE.md, Embedded). */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        EventStoreModule.forRoot(config),
        ProjectionsModule.forRoot(config),
        IdentityModule.forRoot(config),
        MailModule.forRoot(config),
        CommandsModule,
        // Embedded shape: one process also runs the timers; a separate worker takes them over when RUN_LOG_RUNNER=false.
        ...(config.runLogRunner ? [DeadlinesModule] : []),
        AuthModule,
        TerminusModule,
      ],
      controllers: [ApplicationsController, ReviewsController, ReviewersController, DecisionsController, RubricsController, HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: ReadPositionInterceptor },
      ],
    };
  }
}
