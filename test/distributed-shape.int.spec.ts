import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { RecordedEvent } from '@cert/event-store';
import { reactTo } from '../libs/work/src/reaction-runner';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres.event-store';
import { ApiProcess, startApiProcess } from './support/api-process';
import { surveyFor } from './support/cycle-data';
import { decideOverHttp } from './support/lifecycle';
import { SharedShape, sharedShape } from './support/shared-shape';
import { startSmtpSink } from './support/smtp-sink';
import { Session, TestApp } from './support/test-app';
import { exited, startWorker, waitUntil } from './support/worker-process';

const PASSWORD = 'correct horse battery staple';
const ADMIN = 'admin@iasl.org';

/**
 * docs/ARCHITECTURE.md, Distributed: three api processes and two workers, each with a data directory of its own,
 * sharing only the PostgreSQL log, the PostgreSQL keys database, Redis and the mail server, as on separate machines.
 * Whatever one replica does, every other sees: accounts and sessions, one-time links, the cycle's reads, an erasure,
 * the rate limit; and killing one api and one worker with SIGKILL under load loses nothing acknowledged.
 */
describe('the distributed shape: 3 apis and 2 workers on PostgreSQL and Redis', () => {
  const dirs: string[] = [];
  const workers: ChildProcess[] = [];
  let shape: SharedShape;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let apis: ApiProcess[] = [];
  let env: Record<string, string>;
  let admin: Session;
  const people: Record<string, Session> = {};
  let adaApplication = '';
  let turn = 0;

  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'iasl-node-'));
    dirs.push(dir);
    return dir;
  };
  /** The next live replica, round robin: no two consecutive requests reach the same process. */
  const next = () => {
    const live = apis.filter((a) => a.alive());
    return live[turn++ % live.length];
  };
  const http = (api: ApiProcess = next()) => request(api.url);
  const sessionOf = (body: { token: string; user: { id: string; email: string } }): Session => ({
    token: body.token,
    id: body.user.id,
    email: body.user.email,
    auth: { Authorization: `Bearer ${body.token}` },
  });
  const login = async (email: string) => sessionOf((await http().post('/auth/login').send({ email, password: PASSWORD }).expect(200)).body);
  /** A person invited by staff on one replica sets their password from the mailed link on another and signs in on a third. */
  const invite = async (by: Session, email: string, name: string, role: string, profile: object = {}) => {
    const before = sink.messagesTo(email);
    await http()
      .post('/people/invitations')
      .set(by.auth)
      .send({ email, name, role, ...profile })
      .expect(201);
    await waitUntil(() => sink.messagesTo(email) > before, 20_000, `the invitation to ${email}`);
    await http()
      .post('/auth/password')
      .send({ token: sink.lastToken(email), password: PASSWORD })
      .expect(204);
    return login(email);
  };
  const signInByLink = async (email: string) => {
    const before = sink.messagesTo(email);
    await http().post('/auth/email-link').send({ email }).expect(202);
    await waitUntil(() => sink.messagesTo(email) > before, 20_000, `the sign-in link to ${email}`);
    return sessionOf(
      (
        await http()
          .post('/auth/email-link/redeem')
          .send({ token: sink.lastToken(email) })
          .expect(200)
      ).body,
    );
  };
  const startNodeWorker = () => {
    const worker = startWorker({ ...env, DATA_DIR: dataDir() });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    shape = await sharedShape('dist', sink.url);
    env = { ...shape.env, PUBLIC_URL: 'http://app.test', BOOTSTRAP_ADMIN_EMAIL: ADMIN, JOB_LOCK_SECONDS: '2' };
  }, 60_000);

  afterAll(async () => {
    for (const a of apis) a.child.kill('SIGTERM');
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all([...apis.map((a) => exited(a.child)), ...workers.map((w) => exited(w))]);
    await sink?.close();
    await shape?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('bootstraps the first staff account once; every replica knows it and accepts its token', async () => {
    const first = await startApiProcess({ ...env, RUN_WORK_SIDE: 'false', DATA_DIR: dataDir() });
    apis = [first];
    const token = /token=([A-Za-z0-9_-]+)/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    await request(first.url).post('/auth/password').send({ token, password: PASSWORD }).expect(204);

    // The workers first: one takes the reactors' lease (a session advisory lock) before the other apis start, so an api
    // whose start-up waits on a lock of that number would never answer.
    startNodeWorker();
    startNodeWorker();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    apis.push(...(await Promise.all([1, 2].map(() => startApiProcess({ ...env, RUN_WORK_SIDE: 'false', DATA_DIR: dataDir() })))));
    // The others found a staff account that can sign in: none printed a set-password link of its own.
    for (const api of apis.slice(1)) expect(api.output()).not.toMatch(/No staff account can sign in yet/);

    admin = sessionOf((await request(apis[1].url).post('/auth/login').send({ email: ADMIN, password: PASSWORD }).expect(200)).body);
    for (const api of apis) {
      expect((await request(api.url).get('/auth/me').set(admin.auth).expect(200)).body.email).toBe(ADMIN);
    }
    const staff = (await http(apis[2]).get('/people').set(admin.auth).expect(200)).body.filter((p: { role: string }) => p.role === 'staff');
    expect(staff).toHaveLength(1);
  });

  it('carries a browser session and its CSRF token from one replica to the others; people invited on one sign in on another', async () => {
    const signedIn = await request(apis[0].url)
      .post('/auth/login')
      .send({ email: ADMIN, password: PASSWORD, session: 'cookie' })
      .expect(200);
    const sessionCookies = ([] as string[]).concat(signedIn.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
    const csrf = await request(apis[1].url).get('/auth/csrf').set('Cookie', sessionCookies.join('; ')).expect(200);
    // The CSRF cookie of this answer replaces the one set at sign-in, as a browser's jar does.
    const jar = new Map(
      [...sessionCookies, ...([] as string[]).concat(csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0])].map(
        (c) => [c.split('=')[0], c] as const,
      ),
    );
    const cookies = [...jar.values()].join('; ');
    const board = { email: 'bea@board.org', name: 'Bea Board', role: 'board' };
    // Without the token the change is refused; with it, it is made, on a third process.
    await request(apis[2].url).post('/people/invitations').set('Cookie', cookies).send(board).expect(403);
    await request(apis[2].url)
      .post('/people/invitations')
      .set('Cookie', cookies)
      .set('X-CSRF-Token', csrf.body.csrfToken)
      .send(board)
      .expect(201);
    await waitUntil(() => sink.messagesTo(board.email) > 0, 20_000, 'the invitation to the board member');
    await http()
      .post('/auth/password')
      .send({ token: sink.lastToken(board.email), password: PASSWORD })
      .expect(204);
    people.board = await login(board.email);

    people.north = await invite(admin, 'north@north.edu', 'Nadia North', 'reviewer', { institution: 'North College' });
    people.east = await invite(admin, 'east@east.edu', 'Evan East', 'reviewer', { institution: 'East University' });
    people.auditor = await invite(admin, 'audit@iasl.org', 'Aud Itor', 'auditor');
    for (const api of apis) await request(api.url).get('/auth/me').set(people.north.auth).expect(200);
  });

  it('redeems a one-time sign-in link once, wherever it is used', async () => {
    const email = 'ada@riverside.edu';
    await http(apis[0]).post('/auth/email-link').send({ email }).expect(202);
    await waitUntil(() => sink.messagesTo(email) > 0, 20_000, 'the sign-in link');
    const token = sink.lastToken(email);
    people.ada = sessionOf((await request(apis[1].url).post('/auth/email-link/redeem').send({ token }).expect(200)).body);
    await request(apis[2].url).post('/auth/email-link/redeem').send({ token }).expect(401);
    await request(apis[0].url).post('/auth/email-link/redeem').send({ token }).expect(401);
  });

  it('runs the whole certification cycle round robin across the replicas, with no stale read', async () => {
    const rr = { http: () => http() } as unknown as TestApp;
    const panel = { staff: admin, board: people.board, reviewers: [people.north, people.east] };
    const { id, decision } = await decideOverHttp(rr, people.ada, panel, {
      survey: surveyFor('Ada Rivers', 'ada@riverside.edu', 'Riverside STEM Academy'),
      level: 4,
      outcome: 'ProgramOfExcellence',
    });
    adaApplication = id;
    for (const api of apis) {
      const read = await request(api.url).get(`/applications/${id}?after=${decision.position}`).set(people.ada.auth).expect(200);
      expect(read.headers['x-read-stale']).toBeUndefined();
      expect(read.body).toMatchObject({ status: 'Decided', leaderName: 'Ada Rivers' });
    }
  });

  it('loses nothing acknowledged when one api and one worker are killed with SIGKILL under load', async () => {
    const applicants = await Promise.all(
      ['cy', 'dee', 'eli', 'fay', 'gus', 'hal', 'ike', 'jo', 'kit', 'lu'].map((n) => signInByLink(`${n}@school${n}.edu`)),
    );
    const acknowledged: { stream: string; position: string }[] = [];
    let killed = false;
    const write = async (send: (api: ApiProcess) => request.Test) => {
      for (;;) {
        try {
          return await send(next());
        } catch (error) {
          // The replica died under this request: not acknowledged, so the client tries another, as a load balancer would.
          if (!/ECONNRESET|ECONNREFUSED|socket hang up/.test(String(error))) throw error;
        }
      }
    };
    const killSome = async () => {
      await waitUntil(() => acknowledged.length >= 40, 60_000, '40 acknowledged writes');
      apis[2].child.kill('SIGKILL');
      workers[0].kill('SIGKILL');
      killed = true;
    };
    const load = applicants.map(async (who, i) => {
      const survey = surveyFor(`Leader ${i}`, who.email, `School ${i}`);
      const submitted = await write((api) => request(api.url).post('/applications').set(who.auth).send(survey));
      expect(submitted.status).toBe(201);
      const id = submitted.body.applicationId as string;
      acknowledged.push({ stream: `application-${id}`, position: submitted.body.position });
      for (let round = 0; round < 25 || !killed; round++) {
        const changed = { ...survey, programDescription: `${survey.programDescription} Round ${round}.` };
        const res = await write((api) => request(api.url).put(`/applications/${id}/survey`).set(who.auth).send(changed));
        expect(res.status).toBe(200);
        acknowledged.push({ stream: `application-${id}`, position: res.body.position });
        if (round > 100) break;
      }
    });
    await Promise.all([...load, killSome()]);
    expect(killed).toBe(true);

    const store = await PostgresEventStore.connect(shape.log.url);
    try {
      const events: RecordedEvent[] = [];
      for (let after: string | null = null; ;) {
        const page = await store.readAll(after, 500, { links: false });
        if (page.length === 0) break;
        events.push(...page);
        after = page[page.length - 1].position;
      }
      // Gap-free positions in commit order, and every acknowledged write at the position it was answered with.
      expect(events.map((e) => BigInt(e.position))).toEqual(events.map((_, i) => BigInt(i + 1)));
      const at = new Map(events.map((e) => [e.position, e.streamId]));
      for (const ack of acknowledged) expect(at.get(ack.position)).toBe(ack.stream);

      // Every notification the log asks for reaches the mail server at least once; a repeat carries the same Message-ID.
      const expected = events.flatMap((e) =>
        reactTo(e)
          .filter((job) => job.queue === 'notifications')
          .map((job) => `<${e.id}-${(job.data as { template: string }).template}-`),
      );
      expect(expected.length).toBeGreaterThan(applicants.length);
      const delivered = () => [...sink.deliveries.keys()];
      await waitUntil(
        () => expected.every((prefix) => delivered().some((id) => id.startsWith(prefix))),
        90_000,
        `every notification (surviving worker: ${(workers[1] as ChildProcess & { output: () => string }).output()})`,
      );
      console.info(
        `distributed shape: ${acknowledged.length} acknowledged writes across the kill, ${events.length} events gap-free, ` +
          `${expected.length} notifications asked for, ${sink.distinct()} distinct messages delivered, ${sink.total() - sink.distinct()} repeated`,
      );
    } finally {
      await store.close();
    }
    const verified = (await http().get('/audit/verify').set(people.auditor.auth).expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
  }, 240_000);

  it('shows an erasure made on one replica as [erased] on every other', async () => {
    const erased = await request(apis[0].url).post('/privacy/erasures').set(admin.auth).send({ email: 'ada@riverside.edu' }).expect(201);
    expect(erased.body.position).toEqual(expect.any(String));
    for (const api of apis.filter((a) => a.alive())) {
      const read = await request(api.url).get(`/applications/${adaApplication}?after=${erased.body.position}`).set(admin.auth).expect(200);
      expect(read.headers['x-read-stale']).toBeUndefined();
      expect(read.body.leaderName).toBe('[erased]');
    }
  });

  it('holds the per-address rate limit across the replicas together', async () => {
    const live = apis.filter((a) => a.alive());
    const answers: number[] = [];
    // POST /auth/password-reset allows 10 a minute from one address: the 11th is refused whichever replica it reaches.
    for (let i = 0; i < 11; i++) {
      answers.push(
        (
          await request(live[i % live.length].url)
            .post('/auth/password-reset')
            .send({ email: `nobody${i}@x.org` })
        ).status,
      );
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(answers[10]).toBe(429);
  });
});
