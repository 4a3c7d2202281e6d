import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { SubmitSurveyCommand } from '@cert/commands';
import { surveyFor } from './support/cycle-data';
import { ownRedis } from './support/own-redis';
import { TestApp, settle, startApp } from './support/test-app';
import { waitUntil } from './support/worker-process';

/**
 * Redis stopped for a while during a run of commands. The log does not need Redis, so every command is
 * accepted; the reactors' checkpoint does not move while Redis is away, so the notifications follow once it is
 * back: none lost, none doubled.
 */
describe('a Redis outage during a run of commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iasl-outage-'));
  let t: TestApp;
  let redis: Awaited<ReturnType<typeof ownRedis>>;

  beforeAll(async () => {
    redis = await ownRedis(dir);
    t = await startApp({ redisUrl: redis.url, redisPrefix: `test-${randomUUID()}` });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
    // BullMQ's workers finish their blocking reads after the restart before they close; slow on a loaded machine.
  }, 120_000);

  const submit = (i: number) =>
    t.get(CommandBus).execute(
      new SubmitSurveyCommand(surveyFor(`Leader ${i}`, `leader${i}@outage.org`, `School ${i}`), false, {
        id: `user-${i}`,
        role: 'applicant',
        email: `leader${i}@outage.org`,
      }),
    );
  const nominationMails = () => t.mailer.sent.filter((m) => m.subject.startsWith('Application received'));

  it('accepts every command while Redis is down and sends each notification once when it returns', async () => {
    for (let i = 0; i < 20; i++) await submit(i);
    await settle(t);
    expect(nominationMails()).toHaveLength(20);

    await redis.stop();
    const accepted = [];
    for (let i = 20; i < 50; i++) accepted.push(await submit(i));
    expect(accepted.every((r) => 'events' in r && r.events.join() === 'SurveySubmitted')).toBe(true);
    // While Redis is away the reactors wait (their checkpoint does not move): nothing new goes out.
    await new Promise((r) => setTimeout(r, 1000));
    expect(nominationMails()).toHaveLength(20);

    await redis.start();
    await waitUntil(async () => (await settle(t).catch(() => 0), nominationMails().length >= 50), 60_000, '50 nomination mails');
    await settle(t);
    const recipients = nominationMails().map((m) => m.to);
    expect(recipients).toHaveLength(50);
    expect(new Set(recipients).size).toBe(50);
  }, 120_000);
});
