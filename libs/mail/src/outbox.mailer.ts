import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { Clock, SystemClock } from '@cert/config';
import { MailMessage, MailPurge, Mailer, envelopeFor } from './mailer';

/** Names the data subjects a kept message is about (pseudonymous ids), so an erasure finds it without reading names. */
const SUBJECTS_HEADER = 'X-IASL-Subjects';

/** Enough to tell log lines about the same recipient apart, and nothing to read the address from. */
export const recipientTag = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 12);

/**
 * The embedded default: nothing leaves the machine. Each message is rendered to a real RFC 5322 file (open it in
 * any mail client, sign-in links included) in the outbox folder. The log says that a message was written and where,
 * never what it says or whom it is for (logs are not erasable, so they hold no personal data); the
 * recipient appears as a hash. File names carry the time and Message-ID only, and `purge` deletes a person's mail.
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
    const headers = msg.subjects?.length ? { [SUBJECTS_HEADER]: msg.subjects.join(' ') } : undefined;
    const info = await this.transport.sendMail({ ...envelopeFor(msg, this.from), headers });
    mkdirSync(this.outboxDir, { recursive: true });
    const file = join(this.outboxDir, `${this.clock.now().toISOString().replace(/:/g, '-')}-${safe(info.messageId)}.eml`);
    await writeFile(file, info.message);
    this.logger.log(`mail to recipient ${recipientTag(msg.to)} written to ${file}`);
    return { messageId: info.messageId };
  }

  /** Deletes every kept message about one of the subjects, or that mentions one of the addresses anywhere. */
  override async purge({ subjects, emails }: MailPurge): Promise<number> {
    const names = await readdir(this.outboxDir).catch(() => [] as string[]);
    const addresses = emails.map((e) => e.trim().toLowerCase()).filter(Boolean);
    let deleted = 0;
    for (const name of names.filter((n) => n.endsWith('.eml'))) {
      const path = join(this.outboxDir, name);
      const raw = (await readFile(path, 'utf8').catch(() => '')).toLowerCase();
      const head = raw.split('\n\n')[0].replace(/\n[ \t]+/g, ' ');
      const tagged = new RegExp(`^${SUBJECTS_HEADER.toLowerCase()}:(.*)$`, 'm').exec(head)?.[1].trim().split(/\s+/) ?? [];
      if (subjects.some((s) => tagged.includes(s.toLowerCase())) || addresses.some((a) => raw.includes(a))) {
        await unlink(path).catch(() => undefined);
        deleted++;
      }
    }
    return deleted;
  }
}

const safe = (messageId: string) => messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
