import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, Clock, ConfigModule } from '@cert/config';
import { CommandsModule } from '@cert/commands';
import { PrivacyModule } from '@cert/privacy';
import { BlobStoreModule } from '@cert/blob-store';
import { IdentityModule } from '@cert/identity';
import { JobsModule } from '@cert/jobs';
import { MailModule } from '@cert/mail';
import { ProjectionsModule } from '@cert/projections';
import { WorkModule } from '@cert/work';
import { CheckpointsModule } from '@cert/audit';
import { ApplicationsController } from './applications/applications.controller';
import { AppealsController } from './appeals/appeals.controller';
import { AuditController } from './audit/audit.controller';
import { ProgressController } from './progress/progress.controller';
import { DirectoryController, DirectoryListingController } from './directory/directory.controller';
import { CredentialsController } from './credentials/credentials.controller';
import { PrivacyApiModule } from './privacy/privacy.controller';
import { RubricsController } from './applications/rubrics.controller';
import { AuthModule } from './auth/auth.module';
import { DecisionsController } from './decisions/decisions.controller';
import { HealthController } from './health/health.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { ProblemFilter } from './http/problem.filter';
import { MetricsModule } from '@cert/metrics';
import { MetricsController } from './operations/metrics.controller';
import { ReadPositionInterceptor } from './http/read-position.interceptor';
import { ReviewersController } from './reviews/reviewers.controller';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewCyclesController } from './reviews/review-cycles.controller';
import { AwardsController } from './awards/awards.controller';
import { WebModule } from './web/web.module';
import { EvidenceController } from './evidence/evidence.controller';
import { PeopleController } from './people/people.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { PeopleService } from './people/people.service';
import { EvidenceService } from './evidence/evidence.service';

/** The whole embedded service: write side, read side and sign-in in one process (docs/ARCHITECTURE.md, Embedded). */
@Module({})
export class ApiModule {
  /** `clock`: the system clock unless given (the demo seeder moves one through a past year). */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // A served document's header carries its file name, personal data of the applicant (docs/DOMAIN.md, Evidence).
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["content-disposition"]'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        // The event store, with personal fields sealed under per-person keys (docs/DOMAIN.md, Personal data and the record of reasons).
        PrivacyModule.forRoot(config),
        // Evidence documents, encrypted, beside the log (docs/ARCHITECTURE.md, Blob store rules).
        BlobStoreModule.forRoot(config),
        // Signed checkpoints of the log: the key and the witness live outside its database (docs/ARCHITECTURE.md).
        CheckpointsModule.forRoot(config),
        ProjectionsModule.forRoot(config),
        IdentityModule.forRoot(config),
        MailModule.forRoot(config),
        CommandsModule,
        JobsModule.forRoot(config),
        // Embedded shape: one process also runs reactors and processors; a separate worker takes them over when RUN_WORK_SIDE=false.
        ...(config.runWorkSide ? [WorkModule] : []),
        AuthModule,
        MetricsModule,
        PrivacyApiModule,
        TerminusModule,
        // The built web app at `/` (apps/web); browser page loads only, so the API keeps every path it answers.
        WebModule.forRoot(),
      ],
      controllers: [
        AwardsController,
        NotificationsController,
        ApplicationsController,
        AuditController,
        ReviewsController,
        ReviewersController,
        ReviewCyclesController,
        DecisionsController,
        RubricsController,
        HealthController,
        MetricsController,
        DirectoryController,
        DirectoryListingController,
        CredentialsController,
        AppealsController,
        ProgressController,
        EvidenceController,
        PeopleController,
        DeadlinesController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: ReadPositionInterceptor },
        EvidenceService,
        PeopleService,
      ],
    };
  }
}
