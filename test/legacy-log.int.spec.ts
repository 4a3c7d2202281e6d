import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLog, EventStore } from '@cert/event-store';
import { LogRunner } from '@cert/projections';
import { verifyLog } from '@cert/audit';
import { Session, TestApp, signInWithPassword, startApp } from './support/test-app';

/**
 * A deployment written by an earlier release (test/fixtures/legacy-log: its log, keys and accounts, made by the code
 * before the store, registry and work-side renovation; expected.json is what that code answered). The current code
 * must open it, verify every chain, rebuild the read models from it and reproduce every decision, unchanged.
 */
type Expected = {
  verify: { events: number; streams: number; head: { position: string; globalHash: string } };
  head: { text: string };
  erasedEmail: string;
  applications: Record<
    string,
    {
      reproduced: boolean;
      version: number;
      types: string[];
      status: string;
      leaderName: string;
      decisionOutcome: string | null;
      decisions: number;
    }
  >;
};

const FIXTURE = join(__dirname, 'fixtures', 'legacy-log');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture's answers as plain data, typed by Expected, not inferred
const expected = require('./fixtures/legacy-log/expected.json') as Expected;

describe('a log written by the release before (test/fixtures/legacy-log)', () => {
  let dir: string;
  let t: TestApp;
  let auditor: Session;
  let staff: Session;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'iasl-legacy-'));
    for (const file of ['events.sqlite', 'keys.sqlite', 'identity.sqlite']) cpSync(join(FIXTURE, file), join(dir, file));
    // No work side: the old log is read, not added to, so its head stays the one the old code published.
    t = await startApp({ dataDir: dir, now: '2030-04-03T09:00:00.000Z', env: { RUN_WORK_SIDE: 'false' } });
    await t.get(LogRunner).catchUp();
    auditor = await signInWithPassword(t, 'auditor', 'legacy-auditor@iasl.org');
    staff = await signInWithPassword(t, 'staff', 'legacy-staff@iasl.org');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies to the head the old code published, over every stream', async () => {
    const verdict = await verifyLog(t.get(EventLog));
    expect(verdict).toEqual(
      expect.objectContaining({ ok: true, problem: null, events: expected.verify.events, streams: expected.verify.streams }),
    );
    expect(verdict.head).toEqual(expected.verify.head);
    const res = await t.http().get(`/audit/verify?head=${expected.head.text}`).set(auditor.auth).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ ok: true, problem: null }));
  });

  it('rebuilds read models from it that match the live ones', async () => {
    const rebuilt = await t.http().post('/audit/rebuild-check').set(auditor.auth).expect(200);
    expect(rebuilt.body).toEqual(expect.objectContaining({ matches: true, differences: [], events: expected.verify.events }));
  });

  it('reads every application as the old code did, the erased leader as erased, and reproduces every decision', async () => {
    const ids = Object.keys(expected.applications);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const want = expected.applications[id];
      const stream = await t.get(EventStore).readStream(`application-${id}`);
      const summary = (await t.http().get(`/applications/${id}`).set(staff.auth).expect(200)).body;
      const rep = (await t.http().get(`/audit/applications/${id}/decision/reproduce`).set(auditor.auth).expect(200)).body;
      const decisions = rep.checks.filter((c: { type: string }) => c.type === 'DecisionRecorded').length;
      expect({
        id,
        version: stream.version,
        types: stream.events.map((e) => e.type),
        status: summary.status,
        leaderName: summary.leaderName,
        decisionOutcome: summary.decisionOutcome ?? null,
        reproduced: rep.reproduced,
        decisions,
      }).toEqual({
        id,
        version: want.version,
        types: want.types,
        status: want.status,
        leaderName: want.leaderName,
        decisionOutcome: want.decisionOutcome,
        reproduced: true,
        decisions: want.decisions,
      });
    }
    expect(Object.values(expected.applications).filter((a) => a.leaderName === '[erased]')).toHaveLength(1);
  });

  // docs/DOMAIN.md, Personal data and the record of reasons: that release sealed reasons under the applicant's (and the
  // reviewer's) keys. They open as they did, under the owners each event's own metadata names, and the auditor is
  // told so: kept with those people, and gone with the erased leader, not kept apart.
  it("opens the reasons it sealed under the people's keys, and tells the auditor which went with the erased leader", async () => {
    for (const [id, want] of Object.entries(expected.applications)) {
      const view = (await t.http().get(`/audit/applications/${id}/record-of-reasons`).set(auditor.auth).expect(200)).body as {
        reasons: { sealedUnder: string; reads: string; note: string; count: number }[];
        counts: Record<string, number>;
      };
      expect(view.reasons.length).toBeGreaterThan(0);
      expect(view.reasons.filter((r) => r.sealedUnder !== 'people')).toEqual([]);
      if (want.leaderName === '[erased]') {
        expect(view.reasons.every((r) => r.reads === 'erased-with-person')).toBe(true);
        expect(view.reasons[0].note).toMatch(/^Erased with the applicant.* before reasons were kept apart\.$/);
        expect(view.counts).toEqual(expect.objectContaining({ kept: 0, underPeoplesKeys: 0 }));
      } else {
        expect(view.reasons.every((r) => r.reads === 'readable')).toBe(true);
        expect(view.counts.underPeoplesKeys).toBe(view.reasons.reduce((n, r) => n + r.count, 0));
      }
    }
  });
});
