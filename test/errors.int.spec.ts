import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { EventStore } from '@cert/event-store';
import { LogRunner } from '@cert/projections';
import { CODES, ratings, surveyFor } from './support/cycle-data';
import { Session, TestApp, signInByEmail, signInWithPassword, startApp, settle } from './support/test-app';

/**
 * The error contract (docs/ARCHITECTURE.md, Errors): every refusal is `application/problem+json`; a bad request names the
 * offending field paths; domain refusals carry their stable `code`; no body ever shows a stack trace; and a refused
 * command writes nothing to the log. Also read-your-writes with `?after=<position>`.
 */
describe('the error contract over HTTP', () => {
  let t: TestApp;
  let staff: Session, alice: Session, oscar: Session;
  let P: string; // Alice's application, awaiting her assessment
  let Q: string; // Oscar's application, in screening
  const seen: Response[] = [];

  const head = () =>
    t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
  const send = async (req: Test) => {
    const res = await req;
    seen.push(res);
    return res;
  };
  /** A refused request: a problem document with this status, and the log exactly as it was. */
  const refused = async (req: Test, status: number) => {
    // Notifications for earlier writes go out in the background; let them finish so only this request could move the log.
    await settle(t);
    const before = await head();
    const res = await send(req);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status }));
    expect(await head()).toBe(before);
    return res;
  };
  const fields = (res: Response) => (res.body.errors as { field: string }[]).map((e) => e.field).sort();
  const messagesFor = (res: Response, field: string) =>
    (res.body.errors as { field: string; messages: string[] }[]).find((e) => e.field === field)?.messages ?? [];

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    alice = await signInByEmail(t, 'alice@riverside.edu');
    oscar = await signInByEmail(t, 'oscar@elsewhere.org');
    P = (
      await t
        .http()
        .post('/applications')
        .set(alice.auth)
        .send(surveyFor('Alice Rivers', alice.email, 'Riverside STEM Academy'))
        .expect(201)
    ).body.applicationId;
    await t.http().post(`/applications/${P}/screening/accept`).set(staff.auth).expect(200);
    Q = (
      await t
        .http()
        .post('/applications')
        .set(oscar.auth)
        .send(surveyFor('Oscar Owens', oscar.email, 'Elsewhere Academy'))
        .expect(201)
    ).body.applicationId;
    await t.get(LogRunner).catchUp();
  });

  afterAll(() => t?.close());

  describe('400: the request itself is wrong', () => {
    it('names every offending field of a bad survey by its path, unknown fields included', async () => {
      const survey = surveyFor('Oscar Owens', oscar.email, 'Elsewhere Academy');
      const res = await refused(
        t
          .http()
          .post('/applications')
          .set(oscar.auth)
          .send({
            ...survey,
            yearsRunning: -1,
            institution: { ...survey.institution, name: '', type: 'castle', motto: 'Ad astra' },
            favouriteColour: 'teal',
          }),
        400,
      );
      expect(res.body.code).toBe('request.invalid');
      expect(fields(res)).toEqual(['favouriteColour', 'institution.motto', 'institution.name', 'institution.type', 'yearsRunning']);
      expect(messagesFor(res, 'favouriteColour')).toEqual(['Remove "favouriteColour": it is not an answer this form takes']);
      expect(messagesFor(res, 'institution.motto')).toEqual(['Remove "motto": it is not an answer this form takes']);
      expect(messagesFor(res, 'yearsRunning')).toEqual(['Enter how many years the program has run, from 0 to 200']);
      expect(messagesFor(res, 'institution.name')).toEqual(["Enter the institution's name"]);
      expect(res.body.detail).toContain('institution.name');
    });

    it('names array items by index: ratings.0.level', async () => {
      const res = await refused(
        t
          .http()
          .post(`/applications/${P}/assessment`)
          .set(alice.auth)
          .send({
            ratings: [
              { indicator: CODES[0], level: 9, evidence: 'Minutes of the leadership team' },
              { indicator: CODES[1], level: 2, evidence: 'Parent survey', weight: 3 },
            ],
          }),
        400,
      );
      expect(fields(res)).toEqual(['ratings.0.level', 'ratings.1.weight']);
      expect(messagesFor(res, 'ratings.1.weight')).toEqual(['Remove "weight": it is not an answer this form takes']);
      expect(messagesFor(res, 'ratings.0.level')).toEqual(['Choose a level, from 1 to 5']);
    });

    it('refuses an unknown query parameter and a malformed one by name', async () => {
      const unknown = await refused(t.http().get('/applications').set(staff.auth).query({ sort: 'name' }), 400);
      expect(fields(unknown)).toEqual(['sort']);
      const malformed = await refused(t.http().get('/applications').set(staff.auth).query({ limit: 'lots' }), 400);
      expect(fields(malformed)).toEqual(['limit']);
    });

    it('refuses a malformed id in the path, on a read and on a command', async () => {
      await refused(t.http().get('/applications/not-a-uuid').set(alice.auth), 400);
      await refused(t.http().post('/applications/12345/screening/accept').set(staff.auth), 400);
      await refused(
        t.http().post(`/applications/${P}/reviewers/not-a-uuid/release`).set(staff.auth).send({ reason: 'Conflict found' }),
        400,
      );
    });

    it('answers a body that is not JSON, or too large, with a problem document', async () => {
      await refused(t.http().post('/applications').set(oscar.auth).set('Content-Type', 'application/json').send('{"leaderName": '), 400);
      await refused(
        t
          .http()
          .post('/applications')
          .set(oscar.auth)
          .send({ programDescription: 'x'.repeat(300_000) }),
        413,
      );
    });
  });

  describe('401/404: who asks, and for what', () => {
    it('401 without a session', async () => {
      await refused(t.http().get(`/applications/${P}`), 401);
      await refused(t.http().post(`/applications/${Q}/screening/accept`), 401);
    });

    it('404 for an unknown application, on a read and on a command, naming the id asked for', async () => {
      const read = await refused(t.http().get(`/applications/${randomUUID()}`).set(staff.auth), 404);
      expect(read.body.code).toBe('resource.not_found');
      const unknown = randomUUID();
      const write = await refused(t.http().post(`/applications/${unknown}/screening/accept`).set(staff.auth), 404);
      expect(write.body).toEqual(expect.objectContaining({ code: 'application.not_found', id: unknown }));
    });

    it('gives framework refusals a stable code too', async () => {
      expect((await refused(t.http().get(`/applications/${P}`), 401)).body.code).toBe('auth.required');
      expect((await refused(t.http().post(`/applications/${P}/screening/accept`).set(alice.auth), 403)).body.code).toBe('access.denied');
    });

    it('400 for a due date that does not exist', async () => {
      const res = await refused(
        t
          .http()
          .post(`/applications/${P}/deadline-extensions`)
          .set(staff.auth)
          .send({ dueAt: '2026-02-30T09:00:00.000Z', reason: 'Snow days' }),
        400,
      );
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'dueAt' })]);
    });
  });

  describe('409/422: the domain refuses', () => {
    it('409 survey.not_in_screening when a survey is accepted twice', async () => {
      await send(t.http().post(`/applications/${Q}/screening/accept`).set(staff.auth).expect(200));
      const again = await refused(t.http().post(`/applications/${Q}/screening/accept`).set(staff.auth), 409);
      expect(again.body).toEqual(expect.objectContaining({ code: 'survey.not_in_screening', applicationStatus: 'AwaitingAssessment' }));
    });

    it('422 assessment.incomplete listing the indicators still missing', async () => {
      const res = await refused(
        t
          .http()
          .post(`/applications/${P}/assessment`)
          .set(alice.auth)
          .send({ ratings: ratings(3, CODES.slice(0, 12)) }),
        422,
      );
      expect(res.body.code).toBe('assessment.incomplete');
      expect(res.body.missing).toEqual(CODES.slice(12));
    });

    it("404 for a command on another applicant's application: the access policy refuses first, revealing nothing", async () => {
      const res = await refused(
        t
          .http()
          .put(`/applications/${P}/assessment/draft`)
          .set(oscar.auth)
          .send({ ratings: ratings(3, CODES.slice(0, 1)) }),
        404,
      );
      expect(res.body.code).toBe('application.not_found');
    });
  });

  describe('If-Match: optimistic concurrency', () => {
    it('412 for a stale version, 400 for a malformed tag, success for the current one', async () => {
      const current = await send(t.http().get(`/applications/${P}`).set(alice.auth).expect(200));
      const version: number = current.body.version;
      expect(version).toBe(2);
      const draft = { ratings: ratings(3, CODES.slice(0, 2)) };

      const stale = await refused(
        t.http().put(`/applications/${P}/assessment/draft`).set(alice.auth).set('If-Match', 'W/"1"').send(draft),
        412,
      );
      expect(stale.body.code).toBe('stream.version_conflict');
      for (const tag of ['W/"two"', '2']) {
        const malformed = await refused(
          t.http().put(`/applications/${P}/assessment/draft`).set(alice.auth).set('If-Match', tag).send(draft),
          400,
        );
        expect(fields(malformed)).toEqual(['If-Match']);
      }

      const weak = await send(
        t.http().put(`/applications/${P}/assessment/draft`).set(alice.auth).set('If-Match', `W/"${version}"`).send(draft),
      );
      expect(weak.status).toBe(200);
      expect(weak.body).toEqual(expect.objectContaining({ version: version + 1, events: ['AssessmentDraftSaved'] }));
      const strong = await send(
        t
          .http()
          .put(`/applications/${P}/assessment/draft`)
          .set(alice.auth)
          .set('If-Match', `"${version + 1}"`)
          .send(draft),
      );
      expect(strong.status).toBe(200);
      expect(strong.body.version).toBe(version + 2);
    });
  });

  describe('read your writes', () => {
    it('GET ?after=<position> includes that write even when the read models are not polling', async () => {
      const runner = t.get(LogRunner);
      await runner.catchUp();
      await runner.stop();
      try {
        const before = await send(t.http().get(`/applications/${P}`).set(alice.auth).expect(200));
        const saved = await send(
          t
            .http()
            .put(`/applications/${P}/assessment/draft`)
            .set(alice.auth)
            .send({ ratings: ratings(4, CODES.slice(0, 5)) })
            .expect(200),
        );
        const position: string = saved.body.position;
        expect(position).toBe(await head());

        const stale = await send(t.http().get(`/applications/${P}`).set(alice.auth).expect(200));
        expect(stale.body.version).toBe(before.body.version);

        const fresh = await send(t.http().get(`/applications/${P}?after=${position}`).set(alice.auth).expect(200));
        expect(fresh.body).toEqual(expect.objectContaining({ version: saved.body.version, position, assessmentRated: 5 }));
        expect(BigInt(fresh.headers['x-read-position'])).toBeGreaterThanOrEqual(BigInt(position));
        expect(fresh.headers['x-read-stale']).toBeUndefined();
      } finally {
        runner.start();
      }
    });

    it('400 for ?after that is not a log position', async () => {
      for (const after of ['abc', '-1', '1.5', '']) {
        const res = await refused(t.http().get(`/applications/${P}`).query({ after }).set(alice.auth), 400);
        expect(fields(res)).toEqual(['after']);
      }
    });

    it('waits a bounded time for a position the log has not reached, then answers marked stale', async () => {
      const far = (BigInt((await head()) ?? '0') + 1000n).toString();
      const started = Date.now();
      const res = await send(t.http().get(`/applications/${P}?after=${far}`).set(alice.auth).expect(200));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.headers['x-read-stale']).toBe('true');
    });
  });

  describe('500: an unexpected failure', () => {
    it('answers with a correlation id and nothing about the cause, and writes nothing', async () => {
      const store = t.get(EventStore);
      const cause = new Error('SQLITE_CORRUPT: database disk image is malformed at /var/lib/iasl/events.db');
      const spy = jest.spyOn(store, 'readStream').mockRejectedValueOnce(cause);
      try {
        const res = await refused(
          t
            .http()
            .put(`/applications/${P}/assessment/draft`)
            .set(alice.auth)
            .send({ ratings: ratings(3, CODES.slice(0, 1)) }),
          500,
        );
        expect(Object.keys(res.body).sort()).toEqual(['correlationId', 'status', 'title', 'type']);
        expect(res.text).not.toContain('SQLITE_CORRUPT');
        expect(res.text).not.toContain('/var/lib');
      } finally {
        spy.mockRestore();
      }
    });
  });

  it('never shows a stack trace or a source path in any answer above', () => {
    const errors = seen.filter((r) => r.status >= 400);
    expect(errors.length).toBeGreaterThan(20);
    const leaks = seen
      .filter((r) => /\n\s*at\s|\bat\s+\S+\s+\(|\.[jt]s:\d+(:\d+)?|node_modules|\/work\/|\/src\//.test(r.text ?? ''))
      .map((r) => `${r.status} ${r.text.slice(0, 200)}`);
    expect(leaks).toEqual([]);
  });
});
