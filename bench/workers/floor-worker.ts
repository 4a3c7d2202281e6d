import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';

/**
 * The floor of the Workers part: a bare BullMQ Worker in its own process (as the engine's worker is), nothing of
 * ours in between. Env: REDIS_URL, QUEUE_PREFIX, FLOOR_QUEUE, CONCURRENCY, FLOOR_MODE = mail (each job sends the
 * mail it carries with nodemailer to SMTP_URL, the same non-pooled transport the engine's SmtpMailer uses) or noop
 * (each job does nothing: BullMQ's own add-and-process ceiling). Prints "ready" once the worker listens.
 */
export type FloorMail = { to: string; subject: string; text: string; html: string; messageId: string };

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`floor worker: ${name} is not set`);
  return value;
};

async function main() {
  const mode = env('FLOOR_MODE');
  const connection = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });
  const transport = mode === 'mail' ? createTransport(env('SMTP_URL')) : null;
  const from = 'IASL Certification <certification@iasl.local>';
  const processor = transport
    ? async (job: Job<FloorMail>) => void (await transport.sendMail({ from, ...job.data }))
    : async () => undefined;
  const worker = new Worker(env('FLOOR_QUEUE'), processor, {
    connection,
    prefix: env('QUEUE_PREFIX'),
    concurrency: Number(env('CONCURRENCY')),
  });
  worker.on('error', (err) => process.stderr.write(`floor worker: ${err.message}\n`));
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void worker
      .close()
      .then(() => connection.quit())
      .finally(() => process.exit(0));
  });
}

main().catch((err) => {
  process.stderr.write(`floor worker failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
