import { CommandBus } from '@nestjs/cqrs';
import { EventLog, EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { LogRunner } from '@cert/projections';
import { verifyLog } from '@cert/audit';
import { CycleSummary, seedCycle } from '../libs/audit/src/testing/seed-cycle';
import { Session, TestApp, signInWithPassword, startApp } from './support/test-app';

/**
 * Every decision in a seeded cycle of at least 100 applications is reproduced by
 * the recompute. The cycle runs through the real command handlers; the auditor asks over HTTP, as they would.
 */
/** The embedded work side keeps appending (notifications) for a moment after the cycle; wait until the log is still. */
async function quiet(t: TestApp) {
  const store = t.get(EventStore);
  for (let last = await store.head().then((h) => h?.position ?? null), still = 0; still < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await store.head().then((h) => h?.position ?? null);
    still = now === last ? still + 1 : 0;
    last = now;
  }
  await t.get(LogRunner).catchUp();
}

describe('a seeded cycle of 100 applications, audited', () => {
  let t: TestApp;
  let auditor: Session;
  let cycle: CycleSummary;

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    cycle = await seedCycle({ commands: t.get(CommandBus), identity: t.get(IdentityStore), clock: t.clock, store: t.get(EventStore) }, 100);
    await quiet(t);
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
  }, 120_000);

  afterAll(() => t?.close());

  it('takes the applications along every path: each outcome, overrules, board rulings, extra reviewers, releases, extensions', () => {
    const { outcomes, overruled, boardRulings, extraReviewers, released, extended } = cycle;
    console.info(
      `cycle: ${JSON.stringify({ applications: cycle.applicationIds.length, outcomes, overruled, boardRulings, extraReviewers, released, extended })}`,
    );
    expect(cycle.applicationIds).toHaveLength(100);
    expect(Object.values(outcomes).every((n) => n > 0)).toBe(true);
    expect(Math.min(overruled, boardRulings, extraReviewers, released, extended)).toBeGreaterThan(0);
  });

  it('reproduces every decision from the recorded inputs and from the recorded scores', async () => {
    const failed: unknown[] = [];
    for (const id of cycle.applicationIds) {
      const res = await t.http().get(`/audit/applications/${id}/decision/reproduce`).set(auditor.auth).expect(200);
      if (!res.body.reproduced || res.body.checks.length < 2) failed.push({ id, differences: res.body.differences });
    }
    console.info(`reproduced ${cycle.applicationIds.length - failed.length} of ${cycle.applicationIds.length} decisions`);
    expect(failed).toEqual([]);
  });

  it('verifies the whole log and every application stream, and the read models match a rebuild', async () => {
    const verdict = await verifyLog(t.get(EventLog));
    expect(verdict).toEqual(expect.objectContaining({ ok: true, problem: null }));
    for (const id of cycle.applicationIds) {
      const stream = await t.http().get(`/audit/applications/${id}/verify`).set(auditor.auth).expect(200);
      expect({ id, ok: stream.body.ok }).toEqual({ id, ok: true });
    }
    const published = await t.http().get('/audit/head').set(auditor.auth).expect(200);
    const res = await t.http().get(`/audit/verify?head=${published.body.text}`).set(auditor.auth).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ ok: true, events: verdict.events, problem: null }));
    const rebuilt = await t.http().post('/audit/rebuild-check').set(auditor.auth).expect(200);
    expect(rebuilt.body).toEqual(expect.objectContaining({ matches: true, differences: [], events: verdict.events }));
  });
});
