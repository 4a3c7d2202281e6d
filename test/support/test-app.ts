import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Clock, loadConfig } from '@cert/config';
import { IdentityStore, UserRole } from '@cert/identity';
import { Mailer } from '@cert/mail';
import { BullmqJobQueue, JobQueue } from '@cert/jobs';
import { FixedClock, RecordingMailer } from '@cert/testing';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/configure-app';

export type TestApp = {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  clock: FixedClock;
  mailer: RecordingMailer;
  dataDir: string;
  get: <T>(token: abstract new (...args: never[]) => T) => T;
  close: () => Promise<void>;
};

/** The real ApiModule on files in a temp folder, with a movable clock and a mailer that records. */
export async function startApp(
  opts: { dataDir?: string; now?: string; keepData?: boolean; redisPrefix?: string; redisUrl?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'iasl-'));
  const redisUrl = opts.redisPrefix ? (opts.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined;
  // The prefix names the rate limits' keys too (docs/ARCHITECTURE.md, Distributed), so runs never share a count.
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://app.test',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: opts.redisPrefix,
    ...opts.env,
  });
  const clock = new FixedClock(opts.now ?? '2026-03-02T09:00:00.000Z');
  const mailer = new RecordingMailer();
  let builder = Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(Mailer)
    .useValue(mailer);
  // BullMQ on the real Redis, under a prefix of this test's own so runs never share keys.
  if (redisUrl)
    builder = builder.overrideProvider(JobQueue).useValue(await BullmqJobQueue.connect(redisUrl, clock, { prefix: opts.redisPrefix }));
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  app.enableShutdownHooks();
  await app.init();
  return {
    app,
    clock,
    mailer,
    dataDir,
    http: () => request(app.getHttpServer()),
    get: (token) => app.get(token),
    close: async () => {
      await app.close();
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = { token: string; id: string; email: string; auth: { Authorization: string } };

const sessionOf = (body: { token: string; user: { id: string; email: string } }): Session => ({
  token: body.token,
  id: body.user.id,
  email: body.user.email,
  auth: { Authorization: `Bearer ${body.token}` },
});

/** A password account signed in through the real endpoints: one-time set-password link, then login. */
export async function signInWithPassword(
  t: TestApp,
  role: Exclude<UserRole, 'applicant'>,
  email: string,
  profile: { institution?: string; region?: string } = {},
) {
  const identity = t.get(IdentityStore);
  const user = await identity.findOrCreateUser({ email, name: email.split('@')[0], role, ...profile });
  const password = 'correct horse battery staple';
  const { token } = await identity.issueOneTimeToken('set-password', user, 3_600_000);
  await t.http().post('/auth/password').send({ token, password }).expect(204);
  const res = await t.http().post('/auth/login').send({ email, password }).expect(200);
  return sessionOf(res.body);
}

/** An applicant signed in by the emailed one-time link, as a person would. */
export async function signInByEmail(t: TestApp, email: string): Promise<Session> {
  await t.http().post('/auth/email-link').send({ email }).expect(202);
  const mail = t.mailer.to(email).at(-1);
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no sign-in link mailed to ${email}`);
  const res = await t.http().post('/auth/email-link/redeem').send({ token }).expect(200);
  return sessionOf(res.body);
}

/**
 * Lets the work side finish what the log asks for at the current (fixed) clock: reactors enqueue, due jobs
 * run, and whatever they append is reacted to in turn, until nothing more is due. Returns the jobs run.
 */
export async function settle(t: TestApp): Promise<number> {
  const { ReactionRunner } = await import('@cert/work');
  const { JobQueue } = await import('@cert/jobs');
  const { LogRunner } = await import('@cert/projections');
  let total = 0;
  for (let round = 0; round < 20; round++) {
    await t.get(LogRunner).catchUp();
    await t.get(ReactionRunner).catchUp();
    const ran = await t.get(JobQueue).drain();
    total += ran;
    if (ran === 0) return total;
  }
  throw new Error('the work side did not settle in 20 rounds');
}
