import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { Clock, SystemClock } from '@cert/config';
import { MailMessage, Mailer, envelopeFor } from './mailer';

/**
 * The embedded default: nothing leaves the machine. Each message is rendered to a real RFC 5322
 * file (open it in any mail client) in the outbox folder, and logged.
 */
export class OutboxMailer extends Mailer {
  private readonly logger = new Logger('Mail');
  private readonly transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly outboxDir: string,
    private readonly from: string,
    private readonly clock: Clock = new SystemClock(),
  ) {
    super();
  }

  async send(msg: MailMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail(envelopeFor(msg, this.from));
    mkdirSync(this.outboxDir, { recursive: true });
    const file = join(this.outboxDir, `${this.clock.now().toISOString().replace(/:/g, '-')}-${safe(info.messageId)}.eml`);
    await writeFile(file, info.message);
    // This transport is for one machine without SMTP, where whoever runs it reads sign-in links from
    // the log; so the text goes to the log too. The SMTP transport logs nothing of the body.
    this.logger.log(`mail to ${msg.to}: "${msg.subject}" (${file})\n${msg.text}`);
    return { messageId: info.messageId };
  }
}

const safe = (messageId: string) => messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
