import { SMTPServer } from 'smtp-server';
import { wallNow } from './clock';

type Connection = { _setListeners(next: () => void): void; connectionReady(): void };

/**
 * smtp-server holds every new connection 100 ms before its greeting ("early talker" detection, not configurable),
 * so a non-pooled sender (one connection per message, as nodemailer without a pool) could send at most
 * concurrency ÷ 0.1 s messages per second, whoever sends. A relay the engine talks to in production greets at once;
 * the sink does too, so the figures measure the senders rather than the sink's sleep. Patched once, for this process.
 */
function greetAtOnce(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped internal module of smtp-server, patched in place
  const { SMTPConnection } = require('smtp-server/lib/smtp-connection') as { SMTPConnection: { prototype: Connection & { init(): void } } };
  const proto = SMTPConnection.prototype;
  if (typeof proto._setListeners !== 'function' || typeof proto.connectionReady !== 'function') {
    throw new Error('smtp-server changed: bench/workers/smtp-sink.ts cannot remove its greeting delay; review greetAtOnce()');
  }
  proto.init = function (this: Connection) {
    this._setListeners(() => this.connectionReady());
  };
}

export type Delivery = { messageId: string; to: string; at: number };

/**
 * The in-process SMTP sink of bench/WORKLOAD.md (Workers): a real SMTP server on loopback that stamps each message with
 * the wall-clock time (ms, sub-ms resolution) it accepted it, after the whole DATA phase, and keeps its Message-ID
 * and first recipient, so a mail can be matched to the event (or job) that caused it.
 */
export async function startSink() {
  greetAtOnce();
  const deliveries: Delivery[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    // Every send is its own connection (nodemailer without a pool, as the engine's SmtpMailer): don't cap them.
    maxClients: 1000,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).toString('utf8', 0, 4096);
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `no-id-${deliveries.length}`;
        const to = session.envelope.rcptTo[0]?.address ?? '';
        deliveries.push({ messageId, to, at: wallNow() });
        for (const wake of waiters) wake();
        done();
      });
    },
  });
  // A worker stopped mid-session resets its connection: not the sink's problem.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    deliveries,
    /** Resolves when `predicate` holds, re-checked on every delivery; rejects after `timeoutMs` (a bound, not a measure). */
    until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          finish();
          resolve();
        };
        const timer = setTimeout(() => (finish(), reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
        const finish = () => (clearTimeout(timer), waiters.delete(check));
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Sink = Awaited<ReturnType<typeof startSink>>;
