import { MailMessage, Mailer } from '@cert/mail';

/** A Mailer that keeps what it was asked to send, so specs assert on mail without a server or files. */
export class RecordingMailer extends Mailer {
  readonly sent: MailMessage[] = [];

  send(msg: MailMessage): Promise<{ messageId: string }> {
    // Recorded synchronously: callers that do not await the send (e.g. sign-in links) are still observable.
    this.sent.push(msg);
    return Promise.resolve({ messageId: `<recorded-${this.sent.length}@test>` });
  }

  last(): MailMessage | undefined {
    return this.sent.at(-1);
  }

  to(address: string): MailMessage[] {
    return this.sent.filter((m) => m.to === address);
  }
}
