import fs, { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger as PinoLogger } from 'nestjs-pino';
import request from 'supertest';
import { Clock, loadConfig } from '@cert/config';
import { ERASED } from '@cert/domain';
import { EventStore, verifyChain } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { Mailer, OutboxMailer } from '@cert/mail';
import { ProtectedEventStore, SubjectKeys } from '@cert/privacy';
import { FixedClock } from '@cert/testing';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApp } from '../apps/api/src/configure-app';
import { ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInWithPassword } from './support/test-app';

/**
 * After erasing a subject, a search of the raw database files, the read models,
 * the outbox and the logs for their planted name and email finds nothing, and `verify` passes; their application
 * still shows its status and decision with personal fields "[erased]", and the decision still reproduces.
 * The real ApiModule on files, the real outbox mailer, and the logs as production writes them (pino, debug level),
 * captured at the file descriptors.
 */
const NAME = 'Zebulon Quixtrand';
const EMAIL = 'zebulon.quixtrand@erase-me.example';
const INSTITUTION = 'Quixtrand Robotics Foundry';
/** Everything planted that identifies him: his name (both parts), email and institution. */
const PLANTED = ['Zebulon', 'Quixtrand', EMAIL];
const JUSTIFICATION = `${NAME} asked for the charter track; the board agrees with him.`;
const KEEP = { name: 'Olive Keepsake', email: 'olive@keep-me.example', institution: 'Keepsake Coding Club' };

/** Captures what the process writes to stdout and stderr: pino writes to the descriptors directly, console through streams. */
function captureOutput() {
  const captured: string[] = [];
  const text = (chunk: unknown) =>
    typeof chunk === 'string'
      ? chunk
      : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
        ? Buffer.from(chunk).toString('utf8')
        : String(chunk);
  const spies = [
    jest.spyOn(fs, 'writeSync').mockImplementation(
      ((original) =>
        function (this: unknown, fd: number, chunk: unknown, ...rest: unknown[]) {
          if (fd !== 1 && fd !== 2) return (original as (...a: unknown[]) => number).call(this, fd, chunk, ...rest);
          captured.push(text(chunk));
          return Buffer.byteLength(text(chunk));
        })(fs.writeSync),
    ),
    jest.spyOn(fs, 'write').mockImplementation(
      ((original) =>
        function (this: unknown, fd: number, chunk: unknown, ...rest: unknown[]) {
          if (fd !== 1 && fd !== 2) return (original as (...a: unknown[]) => void).call(this, fd, chunk, ...rest);
          captured.push(text(chunk));
          const callback = rest.find((r) => typeof r === 'function') as ((e: null, n: number) => void) | undefined;
          callback?.(null, Buffer.byteLength(text(chunk)));
        })(fs.write),
    ),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (captured.push(text(chunk)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (captured.push(text(chunk)), true)),
  ];
  return { text: () => captured.join(''), restore: () => spies.forEach((s) => s.mockRestore()) };
}

/** Every file under the data folder (databases with their -wal/-shm, the outbox), as text with mail encodings undone. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    const raw = readFileSync(path).toString('latin1');
    // Quoted-printable bodies wrap long lines ("=\n") and escape bytes ("=3D"): undo both so a wrapped name is found.
    const text =
      raw.endsWith('.eml') || name.endsWith('.eml')
        ? raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        : raw;
    return [{ path, text }];
  });
}

const found = (haystack: { path: string; text: string }[], needles: string[]) =>
  haystack.flatMap(({ path, text }) => needles.filter((n) => text.toLowerCase().includes(n.toLowerCase())).map((n) => `${path}: ${n}`));

describe('erasure without breaking the proof (crypto-shredding)', () => {
  let app: INestApplication;
  let t: TestApp;
  let dataDir: string;
  let output: ReturnType<typeof captureOutput>;
  let staff: Session, board: Session, auditor: Session, north: Session, east: Session;
  let zebulon: Session, olive: Session;
  let id: string, keptId: string;
  let decisionBefore: Record<string, unknown>;
  let erasure: request.Response;

  const http = () => request(app.getHttpServer());
  /** An applicant signed in by a one-time link, as POST /auth/email-link mails it (the mail itself stays in the outbox). */
  const signInApplicant = async (email: string): Promise<Session> => {
    await http().post('/auth/email-link').send({ email }).expect(202);
    const identity = app.get(IdentityStore);
    const { token } = identity.issueOneTimeToken('sign-in', identity.findByEmail(email)!, 600_000);
    const res = await http().post('/auth/email-link/redeem').send({ token }).expect(200);
    return { token: res.body.token, id: res.body.user.id, email, auth: { Authorization: `Bearer ${res.body.token}` } };
  };

  async function applyAndDecide(who: Session, survey: ReturnType<typeof surveyFor>, justification: string) {
    const created = await http().post('/applications').set(who.auth).send(survey).expect(201);
    const applicationId: string = created.body.applicationId;
    await http().post(`/applications/${applicationId}/screening/accept`).set(staff.auth).expect(200);
    const evidence = ratings(4).map((r) => ({ ...r, evidence: `${survey.leaderName}'s logbook for ${r.indicator}` }));
    await http().post(`/applications/${applicationId}/assessment`).set(who.auth).send({ ratings: evidence }).expect(201);
    await http()
      .post(`/applications/${applicationId}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [north.id, east.id] })
      .expect(201);
    for (const reviewer of [north, east]) {
      const comments = scores(4).map((s) => ({ ...s, comment: `${survey.leaderName} showed us ${s.indicator}` }));
      await http()
        .post(`/applications/${applicationId}/scores`)
        .set(reviewer.auth)
        .send({ scores: comments, recommendation: 'ProgramOfExcellence' })
        .expect(201);
    }
    // An overrule: its justification is free text under the applicant's key, its length stays clear (DecisionRecorded v2).
    await http()
      .post(`/applications/${applicationId}/decision`)
      .set(board.auth)
      .send({ outcome: 'CharterMembership', justification })
      .expect(200);
    await settle(t);
    return applicationId;
  }

  beforeAll(async () => {
    output = captureOutput();
    dataDir = mkdtempSync(join(tmpdir(), 'iasl-erasure-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', PUBLIC_URL: 'http://app.test' });
    const clock = new FixedClock('2026-03-02T09:00:00.000Z');
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .overrideProvider(Mailer)
      .useValue(new OutboxMailer(config.mail.outboxDir, config.mail.from, clock))
      .compile();
    // As main.ts does: every Nest log line goes through pino.
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(PinoLogger));
    configureApp(app);
    app.enableShutdownHooks();
    await app.init();
    t = { app, http, clock, dataDir, get: (token) => app.get(token) } as TestApp;

    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    zebulon = await signInApplicant(EMAIL);
    olive = await signInApplicant(KEEP.email);

    id = await applyAndDecide(
      zebulon,
      {
        ...surveyFor(NAME, EMAIL, INSTITUTION),
        programDescription: `${NAME} founded ${INSTITUTION} in 2019.`,
        partners: [`${NAME} Trust`],
      },
      JUSTIFICATION,
    );
    keptId = await applyAndDecide(
      olive,
      surveyFor(KEEP.name, KEEP.email, KEEP.institution),
      `${KEEP.name} asked for the charter track as well.`,
    );
    decisionBefore = (await http().get(`/applications/${id}`).set(staff.auth).expect(200)).body;
  }, 120_000);

  afterAll(async () => {
    output?.restore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never writes his name or email into the log, even before any erasure; the read models, outbox and identity hold them', () => {
    expect(app.get(EventStore)).toBeInstanceOf(ProtectedEventStore);
    const files = filesUnder(dataDir);
    expect(
      found(
        files.filter((f) => /events\.sqlite/.test(f.path)),
        PLANTED,
      ),
    ).toEqual([]);
    // The search works: before the erasure it finds him everywhere else the engine keeps him.
    const where = found(files, [EMAIL]).map((hit) => hit.replace(dataDir, ''));
    expect(where).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/read-models\.sqlite/),
        expect.stringMatching(/^\/identity\.sqlite/),
        expect.stringMatching(/^\/outbox\//),
      ]),
    );
    expect(
      found(
        files.filter((f) => f.path.includes('outbox')),
        ['Quixtrand'],
      ).length,
    ).toBeGreaterThan(2);
    expect(decisionBefore).toEqual(
      expect.objectContaining({ leaderName: NAME, status: 'Decided', decisionOutcome: 'CharterMembership', decisionOverruled: true }),
    );
    // The logs hold no personal data at all: mail is logged as a recipient hash and a file name.
    expect(output.text()).toMatch(/mail to recipient [0-9a-f]{12} written to /);
    expect(found([{ path: 'logs', text: output.text() }], PLANTED)).toEqual([]);
  });

  it('is for staff only, and refuses to erase an account that holds an office', async () => {
    for (const who of [auditor, board, north, zebulon])
      await http().post('/privacy/erasures').set(who.auth).send({ email: EMAIL }).expect(403);
    await http().post('/privacy/erasures').set(staff.auth).send({ email: 'not-an-email' }).expect(400);
    const office = await http().post('/privacy/erasures').set(staff.auth).send({ email: 'board@iasl.org' }).expect(422);
    expect(office.body.code).toBe('privacy.account_in_office');
    expect(app.get(IdentityStore).findByEmail(EMAIL)).not.toBeNull();
  });

  it('erases him: keys destroyed, account removed, his mail deleted, recorded as SubjectErased, read models rebuilt', async () => {
    erasure = await http().post('/privacy/erasures').set(staff.auth).send({ email: EMAIL.toUpperCase() }).expect(201);
    expect(erasure.body).toEqual({
      subjectId: expect.stringMatching(/^[0-9a-f]{32}$/),
      keysDestroyed: 1,
      accountRemoved: true,
      outboxMessagesDeleted: expect.any(Number),
      documentsDeleted: 0,
      position: expect.any(String),
      readModelsRebuilt: true,
    });
    expect(erasure.body.outboxMessagesDeleted).toBeGreaterThanOrEqual(5);
    const [recorded] = (await app.get(EventStore).readStream(`subject-${erasure.body.subjectId}`)).events;
    expect(recorded).toEqual(
      expect.objectContaining({ type: 'SubjectErased', metadata: expect.objectContaining({ actorId: staff.id, actorRole: 'staff' }) }),
    );
    expect(JSON.stringify(recorded)).not.toMatch(/zebulon|quixtrand/i);
    // His sessions went with his account.
    await http().get('/auth/me').set(zebulon.auth).expect(401);
    // A repeated request finds nothing left and records nothing more.
    const again = await http().post('/privacy/erasures').set(staff.auth).send({ email: EMAIL }).expect(201);
    expect(again.body).toEqual(expect.objectContaining({ keysDestroyed: 0, accountRemoved: false, position: null }));
  });

  it('still shows his application\'s status and decision, with every personal field "[erased]"', async () => {
    const after = (await http().get(`/applications/${id}`).set(staff.auth).expect(200)).body;
    expect(after).toEqual({
      ...decisionBefore,
      leaderName: ERASED,
      applicantEmail: ERASED,
      institutionName: ERASED,
      decisionJustification: ERASED,
      survey: {
        ...(decisionBefore.survey as object),
        leaderName: ERASED,
        contactEmail: ERASED,
        programDescription: ERASED,
        underrepresentedReach: ERASED,
        partners: [ERASED],
        institution: { ...(decisionBefore.survey as { institution: object }).institution, name: ERASED },
      },
    });
    const timeline = (await http().get(`/applications/${id}/timeline`).set(staff.auth).expect(200)).body as { summary: string }[];
    expect(timeline.map((e) => e.summary).join('\n')).toContain(ERASED);
    const assessment = (await http().get(`/applications/${id}/assessment`).set(staff.auth).expect(200)).body as {
      evidence: string;
      level: number;
    }[];
    expect(assessment.every((a) => a.evidence === ERASED && a.level === 4)).toBe(true);
    // Someone else's application is untouched.
    expect((await http().get(`/applications/${keptId}`).set(staff.auth).expect(200)).body).toEqual(
      expect.objectContaining({ leaderName: KEEP.name, applicantEmail: KEEP.email }),
    );
  });

  it('verifies the whole log and his stream, reproduces his decision, and exports it with the ciphertext intact', async () => {
    const log = (await http().get('/audit/verify').set(auditor.auth).expect(200)).body;
    expect(log).toEqual(expect.objectContaining({ ok: true, problem: null }));
    for (const application of [id, keptId]) {
      expect((await http().get(`/audit/applications/${application}/verify`).set(auditor.auth).expect(200)).body).toEqual(
        expect.objectContaining({ ok: true }),
      );
      const reproduction = (await http().get(`/audit/applications/${application}/decision/reproduce`).set(auditor.auth).expect(200)).body;
      expect(reproduction).toEqual(expect.objectContaining({ reproduced: true, differences: [], unverifiable: [] }));
    }
    const exported = (await http().get(`/audit/applications/${id}/export.json`).set(auditor.auth).expect(200)).body;
    expect(verifyChain(exported.events)).toEqual({ ok: true });
    expect(exported.readable.find((e: { type: string }) => e.type === 'DecisionRecorded').data).toEqual(
      expect.objectContaining({
        outcome: 'CharterMembership',
        overruled: true,
        justification: ERASED,
        justificationLength: JUSTIFICATION.length,
      }),
    );
    const history = (await http().get(`/audit/applications/${id}/history`).set(auditor.auth).expect(200)).body;
    expect(history[0].data.survey.leaderName).toBe(ERASED);
    // The live read models are exactly what a rebuild from the log gives.
    expect((await http().post('/audit/rebuild-check').set(auditor.auth).expect(200)).body).toEqual(
      expect.objectContaining({ matches: true, differences: [] }),
    );
    // And nothing more is mailed to him: what the work side still had to do for his application sends nothing to him.
    t.clock.advance({ days: 31 });
    await settle(t);
    expect(found(filesUnder(join(dataDir, 'outbox')), PLANTED)).toEqual([]);
  });

  it('leaves no trace of him in any file (log, read models, identity, keys, outbox) or in the logs; the control is still found', async () => {
    const keys = app.get(SubjectKeys);
    expect(keys.subjectOf(`email:${EMAIL}`)).toBe(erasure.body.subjectId);
    const search = () => found([...filesUnder(dataDir), { path: 'logs', text: output.text() }], PLANTED);
    expect(search()).toEqual([]);
    expect(found(filesUnder(dataDir), [KEEP.email, KEEP.name]).length).toBeGreaterThan(0);

    // Once the process has stopped and SQLite has checkpointed every WAL into its file: still nothing.
    await app.close();
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    expect(search()).toEqual([]);
  });
});
