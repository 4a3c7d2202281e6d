import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from '../../libs/event-store/src/testing/postgres-test-db';

export type SharedShape = {
  /** Every key a process on a shared log needs (docs/ARCHITECTURE.md, Distributed), for this suite alone. */
  env: Record<string, string>;
  log: { url: string };
  keys: { url: string };
  /** The Redis key prefix of this suite's jobs and rate limits (startApp's `redisPrefix`). */
  redisPrefix: string;
  drop: () => Promise<void>;
};

/**
 * The servers a shared log runs on, fresh for one suite: a log database, a keys database apart from it, a Redis prefix,
 * and a folder standing for the volume every machine mounts (the checkpoint and credential keys, the witness). Mail goes to `smtpUrl`
 * (a sink of the suite's own, or nowhere when startApp's recording mailer stands in).
 */
export async function sharedShape(label: string, smtpUrl = 'smtp://127.0.0.1:1'): Promise<SharedShape> {
  const [log, keys] = await Promise.all([freshDatabase(`${label}_log`), freshDatabase(`${label}_keys`)]);
  const shared = mkdtempSync(join(tmpdir(), `iasl-${label}-shared-`));
  const redisPrefix = `${label}-${process.pid}-${Date.now()}`;
  return {
    env: {
      EVENT_STORE: 'postgres',
      DATABASE_URL: log.url,
      KEYS_DATABASE_URL: keys.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: redisPrefix,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtpUrl,
      CHECKPOINT_KEY_PATH: join(shared, 'checkpoint-key.pem'),
      WITNESS_DIR: join(shared, 'witness'),
      CREDENTIAL_KEY_PATH: join(shared, 'credential-key.pem'),
    },
    log,
    keys,
    redisPrefix,
    drop: async () => {
      await Promise.all([log.drop(), keys.drop()]);
      rmSync(shared, { recursive: true, force: true });
    },
  };
}
