import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpMailer } from './smtp.mailer';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on an ephemeral loopback port: the mailer speaks the actual protocol. */
async function startSmtpSink() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('SmtpMailer', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeEach(async () => (sink = await startSmtpSink()));
  afterEach(() => sink.close());

  it('delivers the message over SMTP with envelope, headers and text', async () => {
    const mailer = new SmtpMailer(sink.url, 'IASL <certification@iasl.local>');

    const { messageId } = await mailer.send({
      to: 'reviewer@uni.example',
      subject: 'Reviewer assigned',
      text: 'Please score APP-2026-0042.',
    });
    mailer.onApplicationShutdown();

    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail.from).toBe('certification@iasl.local');
    expect(mail.to).toEqual(['reviewer@uni.example']);
    expect(mail.raw).toMatch(/^Subject: Reviewer assigned\r?$/m);
    expect(mail.raw).toMatch(/^To: reviewer@uni\.example\r?$/m);
    expect(mail.raw).toContain(`Message-ID: ${messageId}`);
    expect(mail.raw).toContain('Please score APP-2026-0042.');
  });

  it('sets the Message-ID from the idempotency key', async () => {
    const mailer = new SmtpMailer(sink.url, 'certification@iasl.local');

    const { messageId } = await mailer.send({ to: 'a@b.example', subject: 's', text: 't', idempotencyKey: 'evt-7-decision' });
    mailer.onApplicationShutdown();

    expect(messageId).toBe('<evt-7-decision@iasl.local>');
    expect(sink.received[0].raw).toContain('Message-ID: <evt-7-decision@iasl.local>');
  });
});
