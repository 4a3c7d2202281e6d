import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'superagent';
import { applicationStream } from '@cert/domain';
import { EventLog, EventStore, verifyChain } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { CycleSummary, seedCycle } from '../libs/audit/src/testing/seed-cycle';
import { Session, TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** The audit routes over HTTP: what the auditor gets from each endpoint, and that nobody else gets it. */
describe('the audit endpoints', () => {
  let t: TestApp;
  let cycle: CycleSummary;
  const who: Record<'auditor' | 'operator' | 'staff' | 'board' | 'reviewer' | 'applicant', Session> = {} as never;
  let id: string;

  const get = (path: string, as: Session = who.auditor) => t.http().get(path).set(as.auth);
  const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    cycle = await seedCycle(
      { commands: t.get(CommandBus), identity: t.get(IdentityStore), clock: t.clock, store: t.get(EventStore) },
      6,
      11,
    );
    id = cycle.applicationIds[0];
    who.auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    who.operator = await signInWithPassword(t, 'operator', 'operator@iasl.org');
    who.staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    who.board = await signInWithPassword(t, 'board', 'board@iasl.org');
    who.reviewer = await signInWithPassword(t, 'reviewer', 'cycle-reviewer0@review.example');
    // The leader of the application under audit: even their own application's audit trail is not theirs to read.
    who.applicant = await signInByEmail(t, 'leader0@school0.example');
  }, 60_000);

  afterAll(() => t?.close());

  const storedEvents = async () => (await t.get(EventStore).readStream(applicationStream(id))).events;

  it('gives the full ordered history, and the state as of an instant or a position', async () => {
    const events = await storedEvents();
    const history = await get(`/audit/applications/${id}/history`).expect(200);
    // The application's own stream, then what linked streams say of it (here the credential issued on its decision).
    const own = history.body.filter((e: { streamId: string }) => e.streamId === applicationStream(id));
    expect(own.map((e: { version: number }) => e.version)).toEqual(events.map((e) => e.version));
    expect(
      history.body.filter((e: { streamId: string }) => e.streamId !== applicationStream(id)).map((e: { type: string }) => e.type),
    ).toEqual(['CredentialIssued']);
    expect(history.body[1]).toEqual(
      expect.objectContaining({
        type: 'SurveyAccepted',
        actorRole: 'staff',
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
        correlationId: expect.any(String),
        causationId: null,
        occurredAt: events[1].metadata.occurredAt,
        position: events[1].position,
      }),
    );

    const accepted = events[1];
    const asOf = await get(`/audit/applications/${id}/state?asOf=${accepted.metadata.occurredAt}`).expect(200);
    expect(asOf.body).toEqual(expect.objectContaining({ version: 2, state: expect.objectContaining({ status: 'AwaitingAssessment' }) }));
    const atPosition = await get(`/audit/applications/${id}/state?position=${events[0].position}`).expect(200);
    expect(atPosition.body.state.status).toBe('Screening');
    expect((await get(`/audit/applications/${id}/state`).expect(200)).body.state.status).toBe('Decided');
    await get(`/audit/applications/${id}/state?asOf=${accepted.metadata.occurredAt}&position=1`).expect(400);
    await get(`/audit/applications/${id}/state?asOf=last-tuesday`).expect(400);
  });

  it('reproduces the decision, shows what a reviewer saw, and reports it as JSON and PDF', async () => {
    expect((await get(`/audit/applications/${id}/decision/reproduce`).expect(200)).body).toEqual(
      expect.objectContaining({ reproduced: true, differences: [] }),
    );

    const assigned = (await storedEvents()).find((e) => e.type === 'ReviewerAssigned')!.data as { reviewerId: string };
    const view = await get(`/audit/applications/${id}/reviewer-view/${assigned.reviewerId}`).expect(200);
    expect(view.body).toEqual(
      expect.objectContaining({ reviewerId: assigned.reviewerId, moment: expect.objectContaining({ scored: true }) }),
    );
    expect(view.body.application.assessment).toHaveLength(16);
    await get(`/audit/applications/${id}/reviewer-view/${who.staff.id}`).expect(404);

    const report = await get(`/audit/applications/${id}/report`).expect(200);
    expect(report.body).toEqual(
      expect.objectContaining({
        verification: expect.objectContaining({ ok: true }),
        reproduction: expect.objectContaining({ reproduced: true, differences: [] }),
        decision: expect.objectContaining({ outcome: expect.any(String), rule: expect.stringMatching(/^decision-policy\.v1\//) }),
      }),
    );
    const pdf = await get(`/audit/applications/${id}/report.pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports one application losslessly as JSON, as CSV, and a whole period as JSON', async () => {
    const events = await storedEvents();
    const json = await get(`/audit/applications/${id}/export.json`).expect(200);
    expect(json.body).toEqual(
      expect.objectContaining({
        format: 'iasl-audit-export/2',
        scope: { applicationId: id },
        head: expect.objectContaining({ position: expect.any(String) }),
      }),
    );
    // Lossless: the events as stored (personal fields as ciphertext), so the hashes recheck from the file alone;
    // beside them the same events as the engine reads them.
    const asStored = (await t.get(EventLog).readStream(applicationStream(id))).events;
    expect(json.body.events).toEqual(JSON.parse(JSON.stringify(asStored)));
    expect(verifyChain(json.body.events)).toEqual({ ok: true });
    expect(JSON.stringify(json.body.events)).not.toContain('leader0@school0.example');
    expect(json.body.readable).toEqual(
      JSON.parse(JSON.stringify(events.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data })))).map(
        (e: object) => expect.objectContaining(e),
      ),
    );
    expect(json.body.readable[0].data.survey.contactEmail).toBe('leader0@school0.example');

    const csv = await get(`/audit/applications/${id}/export.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toMatch(/^position,stream_id,version,event_id,type,/);

    const from = events[0].metadata.occurredAt;
    const to = events[3].metadata.occurredAt;
    const period = await get(`/audit/export.json?from=${from}&to=${to}`).expect(200);
    expect(period.body.events.length).toBeGreaterThanOrEqual(3);
    expect(
      period.body.events.every((e: { metadata: { occurredAt: string } }) => e.metadata.occurredAt >= from && e.metadata.occurredAt < to),
    ).toBe(true);
    await get(`/audit/export.json?from=yesterday`).expect(400);
    const all = await get('/audit/export.json').expect(200);
    expect(all.body.events.length).toBeGreaterThan(period.body.events.length);
  });

  it('verifies against a published head, and names a head that the log does not give', async () => {
    const head = await get('/audit/head').expect(200);
    expect(head.body.text).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect((await get(`/audit/verify?head=${head.body.text}`).expect(200)).body).toEqual(expect.objectContaining({ ok: true }));
    const forged = `${head.body.head.position}:${'0'.repeat(64)}`;
    expect((await get(`/audit/verify?head=${forged}`).expect(200)).body.problem).toEqual(
      expect.objectContaining({ reason: 'changed', position: head.body.head.position }),
    );
    await get('/audit/verify?head=12:nothex').expect(400);
    await get(`/audit/applications/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/history`).expect(404);
  });

  const ROUTES = () => [
    `GET /audit/head`,
    `GET /audit/verify`,
    `GET /audit/applications/${id}/verify`,
    `GET /audit/applications/${id}/history`,
    `GET /audit/applications/${id}/state`,
    `GET /audit/applications/${id}/decision/reproduce`,
    `GET /audit/applications/${id}/report`,
    `GET /audit/applications/${id}/report.pdf`,
    `GET /audit/applications/${id}/export.json`,
    `GET /audit/applications/${id}/export.csv`,
    `GET /audit/export.json?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`,
    `GET /audit/export.csv?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`,
    `POST /audit/rebuild-check`,
    `GET /audit/checkpoints`,
  ];

  it('opens every audit route to the auditor only (the operator may run the rebuild check and read the checkpoints), and none to anonymous callers', async () => {
    const seen: string[] = [];
    for (const route of ROUTES()) {
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      const call = (as?: Session) =>
        as ? t.http()[method === 'GET' ? 'get' : 'post'](path).set(as.auth) : t.http()[method === 'GET' ? 'get' : 'post'](path);
      seen.push(`${route.split('?')[0]} anonymous ${(await call()).status}`);
      for (const role of ['applicant', 'reviewer', 'staff', 'board', 'operator', 'auditor'] as const) {
        const status = (await call(who[role])).status;
        seen.push(`${route.split('?')[0]} ${role} ${status >= 200 && status < 300 ? 'ok' : status}`);
      }
    }
    const expected = ROUTES().flatMap((route) => {
      const path = route.split('?')[0];
      const operator = path.endsWith('rebuild-check') || path.endsWith('/checkpoints') ? 'ok' : '403';
      return [
        `${path} anonymous 401`,
        `${path} applicant 403`,
        `${path} reviewer 403`,
        `${path} staff 403`,
        `${path} board 403`,
        `${path} operator ${operator}`,
        `${path} auditor ok`,
      ];
    });
    expect(seen).toEqual(expected);
  });
});
