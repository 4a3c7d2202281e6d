import { Test } from '@nestjs/testing';
import { loadConfig } from '@cert/config';
import { Mailer } from './mailer';
import { MailModule } from './mail.module';
import { OutboxMailer } from './outbox.mailer';
import { SmtpMailer } from './smtp.mailer';

describe('MailModule.forRoot', () => {
  const mailerFor = async (env: Record<string, string>) => {
    const moduleRef = await Test.createTestingModule({ imports: [MailModule.forRoot(loadConfig(env))] }).compile();
    return moduleRef.get(Mailer);
  };

  it('writes to the local outbox by default (embedded)', async () => {
    expect(await mailerFor({})).toBeInstanceOf(OutboxMailer);
  });

  it('sends over SMTP when MAIL_TRANSPORT=smtp', async () => {
    expect(await mailerFor({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' })).toBeInstanceOf(SmtpMailer);
  });
});
