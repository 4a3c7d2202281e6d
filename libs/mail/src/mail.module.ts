import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, Clock, SystemClock } from '@cert/config';
import { Mailer } from './mailer';
import { OutboxMailer } from './outbox.mailer';
import { SmtpMailer } from './smtp.mailer';

/** Provides the `Mailer` port everywhere: SMTP when `MAIL_TRANSPORT=smtp`, else the local outbox. */
@Global()
@Module({})
export class MailModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MailModule,
      providers: [
        {
          provide: Mailer,
          // loadConfig() already refused `smtp` without SMTP_URL, so the `!` cannot fire.
          useFactory: (clock: Clock | undefined) =>
            config.mail.transport === 'smtp'
              ? new SmtpMailer(config.mail.smtpUrl!, config.mail.from)
              : new OutboxMailer(config.mail.outboxDir, config.mail.from, clock ?? new SystemClock()),
          inject: [{ token: Clock, optional: true }],
        },
      ],
      exports: [Mailer],
    };
  }

  /** Tests hand in their own Mailer (e.g. RecordingMailer from @cert/testing). */
  static forInstance(mailer: Mailer): DynamicModule {
    return { module: MailModule, providers: [{ provide: Mailer, useValue: mailer }], exports: [Mailer] };
  }
}
