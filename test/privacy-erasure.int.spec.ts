import fs, { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger as PinoLogger } from 'nestjs-pino';
import request from 'supertest';
import { Clock, loadConfig } from '@cert/config';
import { ERASED, PERSONAL_FIELDS } from '@cert/domain';
import { EventStore, verifyChain } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { Mailer, OutboxMailer } from '@cert/mail';
import { ProtectedEventStore, SubjectKeys } from '@cert/privacy';
import type { EvidenceItemView } from '@cert/contracts';
import { FixedClock } from '@cert/testing';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApp } from '../apps/api/src/configure-app';
import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { binary, pdfText } from './support/pdf-text';
import { Session, TestApp, settle, signInWithPassword } from './support/test-app';

/**
 * docs/DOMAIN.md, Erasure; docs/DOMAIN.md, Personal data and the record of reasons. After erasing an applicant, a
 * search of every file (the log, the read models, their WAL files, the outbox) and of the logs for his planted name,
 * email and institution finds nothing, and every field the registry marks as his reads "[erased]"; the reasons for
 * the decision (the reviewers' comments, the adjudication's and the board's justifications) still read in the
 * auditor's history, reproduction and decision report, and the chain verifies. When the clock passes the record's
 * retention, its timer fires once: the reasons read as shredded everywhere, the shredding is an event, and the chain
 * still verifies. His evidence documents (a PDF and an image, each carrying a marker of its own) go with him: no file
 * under the data folder holds their content or names, the download answers 410 saying when, the lists say they were
 * erased, and verification counts them as erased, not missing. The real ApiModule on files, the real outbox mailer, and the logs as production writes them (pino,
 * debug level), captured at the file descriptors.
 */
const NAME = 'Zebulon Quixtrand';
const EMAIL = 'zebulon.quixtrand@erase-me.example';
const INSTITUTION = 'Quixtrand Robotics Foundry';
/** Everything planted that identifies him: his name (both parts), email and institution. */
const PLANTED = ['Zebulon', 'Quixtrand', EMAIL];
/**
 * The reasons are about the evidence, not the person, and carry a marker of their own: they must read after his
 * erasure, and nowhere once shredded.
 */
const REASON_MARK = 'Kestrelwing';
const JUSTIFICATION = `${REASON_MARK}: the board finds the robotics practice not yet school-wide, against the recommendation.`;
const ADJUDICATION = `${REASON_MARK}: the leadership minutes show a level 4 practice.`;
const comment = (indicator: string) => `${REASON_MARK} logbook reviewed for ${indicator}`;
const KEEP = { name: 'Olive Keepsake', email: 'olive@keep-me.example', institution: 'Keepsake Coding Club' };
/** Printed inside his documents (clear text in the PDF, a trailing chunk of the image): their content, not his identity. */
const DOC_MARK = 'Marrowquill';
const KEPT_DOC_MARK = 'Lanternfern';
const pdfWith = (marker: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${marker} minutes) >> endobj\nBT (${marker} leadership minutes) Tj ET\ntrailer <<>>\n%%EOF\n`);
const pngWith = (marker: string) =>
  Buffer.concat([
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
    Buffer.from(`${marker} lab photo`),
  ]);

/** Captures what the process writes to stdout and stderr: pino writes to the descriptors directly, console through streams. */
function captureOutput() {
  const captured: string[] = [];
  const text = (chunk: unknown) =>
    typeof chunk === 'string'
      ? chunk
      : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
        ? Buffer.from(chunk).toString('utf8')
        : String(chunk);
  // Taken before the spy replaces it: the spy's own implementation passes other descriptors on to it.
  const writeSync = fs.writeSync;
  const spies = [
    jest.spyOn(fs, 'writeSync').mockImplementation(function (this: unknown, fd: number, chunk: unknown, ...rest: unknown[]) {
      if (fd !== 1 && fd !== 2) return (writeSync as (...a: unknown[]) => number).call(this, fd, chunk, ...rest);
      captured.push(text(chunk));
      return Buffer.byteLength(text(chunk));
    }),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (captured.push(text(chunk)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (captured.push(text(chunk)), true)),
  ];
  // Replaced by hand, not spied: a file WriteStream (the blob store's) never finishes through a jest mock of fs.write.
  const write = fs.write;
  Object.assign(fs, {
    write: function (this: unknown, fd: number, chunk: unknown, ...rest: unknown[]) {
      if (fd !== 1 && fd !== 2) return (write as (...a: unknown[]) => void).call(this, fd, chunk, ...rest);
      captured.push(text(chunk));
      const callback = rest.find((r) => typeof r === 'function') as ((e: null, n: number) => void) | undefined;
      callback?.(null, Buffer.byteLength(text(chunk)));
    },
  });
  return {
    text: () => captured.join(''),
    restore: () => {
      Object.assign(fs, { write });
      spies.forEach((s) => s.mockRestore());
    },
  };
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

/** Every value at a registry path (dots into objects, `[]` over arrays), as the store walks it. */
const valuesAt = (value: unknown, path: string): unknown[] => {
  if (path === '') return [value];
  const [head, ...rest] = path.split('.');
  const next = (value as Record<string, unknown> | null)?.[head.replace(/\[\]$/, '')];
  const items = head.endsWith('[]') ? (Array.isArray(next) ? next : []) : next === undefined ? [] : [next];
  return items.flatMap((item) => valuesAt(item, rest.join('.')));
};

/** Every personal field of the registry in these events, by whose it is: the applicant's, or the record's. */
const personalValues = (history: { type: string; data: unknown }[]) =>
  history.flatMap((e) =>
    (PERSONAL_FIELDS[e.type] ?? []).flatMap(({ path, owners }) =>
      valuesAt(e.data, path)
        .filter((v) => v !== null)
        .map((value) => ({ at: `${e.type} ${path}`, owners: owners.join('+'), value })),
    ),
  );

describe('erasure without breaking the proof, and the record of reasons kept for its retention', () => {
  let app: INestApplication;
  let t: TestApp;
  let dataDir: string;
  let output: ReturnType<typeof captureOutput>;
  let staff: Session, board: Session, auditor: Session, north: Session, east: Session;
  let zebulon: Session, olive: Session;
  let id: string, keptId: string;
  let before: Record<string, unknown>;
  let erasure: request.Response;
  let documentsBefore: EvidenceItemView[];
  let retainedUntil: string;

  const http = () => request(app.getHttpServer());
  /** An applicant signed in by a one-time link, as POST /auth/email-link mails it (the mail itself stays in the outbox). */
  const signInApplicant = async (email: string): Promise<Session> => {
    await http().post('/auth/email-link').send({ email }).expect(202);
    const identity = app.get(IdentityStore);
    const { token } = await identity.issueOneTimeToken('sign-in', (await identity.findByEmail(email))!, 600_000);
    const res = await http().post('/auth/email-link/redeem').send({ token }).expect(200);
    return { token: res.body.token, id: res.body.user.id, email, auth: { Authorization: `Bearer ${res.body.token}` } };
  };
  async function signInEveryone() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    zebulon = await signInApplicant(EMAIL);
    olive = await signInApplicant(KEEP.email);
  }
  const audit = async (path: string) => (await http().get(`/audit/applications/${id}${path}`).set(auditor.auth).expect(200)).body;
  const reportText = async () =>
    pdfText((await http().get(`/audit/applications/${id}/report.pdf`).set(auditor.auth).buffer(true).parse(binary).expect(200)).body);
  const blobIds = () =>
    filesUnder(join(dataDir, 'documents'))
      .map((f) => f.path.split('/').pop()!)
      .sort();
  const search = (needles: string[]) => found([...filesUnder(dataDir), { path: 'logs', text: output.text() }], needles);

  /** Scores that disagree on one indicator (so the board rules on it), an adjudication, and an overruling decision. */
  async function applyAndDecide(who: Session, survey: ReturnType<typeof surveyFor>) {
    const created = await http().post('/applications').set(who.auth).send(survey).expect(201);
    const applicationId: string = created.body.applicationId;
    await http().post(`/applications/${applicationId}/screening/accept`).set(staff.auth).expect(200);
    // His documents carry his name in their file names, and a marker in their content.
    const marker = survey.leaderName === NAME ? DOC_MARK : KEPT_DOC_MARK;
    for (const [indicator, content, filename] of [
      [CODES[0], pdfWith(marker), `${survey.leaderName} SLT minutes.pdf`],
      [CODES[1], pngWith(marker), `${survey.leaderName} lab.png`],
    ] as const)
      await http()
        .post(`/applications/${applicationId}/evidence/documents`)
        .query({ purpose: 'assessment', indicator })
        .set(who.auth)
        .attach('file', content, { filename, contentType: 'application/octet-stream' })
        .expect(201);
    const evidence = ratings(4).map((r) => ({ ...r, evidence: `${survey.leaderName}'s logbook for ${r.indicator}` }));
    await http().post(`/applications/${applicationId}/assessment`).set(who.auth).send({ ratings: evidence }).expect(201);
    await http()
      .post(`/applications/${applicationId}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [north.id, east.id] })
      .expect(201);
    for (const [reviewer, disputed] of [
      [north, 4],
      [east, 2],
    ] as const) {
      const written = scores(4, { [CODES[0]]: disputed }).map((s) => ({ ...s, comment: comment(s.indicator) }));
      await http()
        .post(`/applications/${applicationId}/scores`)
        .set(reviewer.auth)
        .send({ scores: written, recommendation: 'ProgramOfExcellence' })
        .expect(201);
    }
    await http()
      .post(`/applications/${applicationId}/adjudication`)
      .set(board.auth)
      .send({ rulings: [{ indicator: CODES[0], level: 4 }], justification: ADJUDICATION })
      .expect(200);
    // An overrule: its justification is the record's, and its length stays clear (DecisionRecorded v2).
    await http()
      .post(`/applications/${applicationId}/decision`)
      .set(board.auth)
      .send({ outcome: 'NotYetReady', justification: JUSTIFICATION })
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

    await signInEveryone();

    id = await applyAndDecide(zebulon, {
      ...surveyFor(NAME, EMAIL, INSTITUTION),
      programDescription: `${NAME} founded ${INSTITUTION} in 2019.`,
      partners: [`${NAME} Trust`],
    });
    keptId = await applyAndDecide(olive, surveyFor(KEEP.name, KEEP.email, KEEP.institution));
    // The appeal window closes: the decision is final, and the record's retention starts. Sessions ran out meanwhile.
    t.clock.advance({ days: 31 });
    await settle(t);
    await signInEveryone();
    before = (await http().get(`/applications/${id}`).set(staff.auth).expect(200)).body;
    documentsBefore = (await http().get(`/applications/${id}/evidence`).set(auditor.auth).expect(200)).body;
  }, 120_000);

  afterAll(async () => {
    output?.restore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never writes his name, email or the reasons into the log, even before any erasure; the read models, outbox and identity hold them', () => {
    expect(app.get(EventStore)).toBeInstanceOf(ProtectedEventStore);
    const files = filesUnder(dataDir);
    expect(
      found(
        files.filter((f) => /events\.sqlite/.test(f.path)),
        [...PLANTED, REASON_MARK],
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
    expect(before).toEqual(
      expect.objectContaining({ leaderName: NAME, status: 'Decided', decisionOutcome: 'NotYetReady', decisionOverruled: true }),
    );
    // The logs hold no personal data at all: mail is logged as a recipient hash and a file name.
    expect(output.text()).toMatch(/mail to recipient [0-9a-f]{12} written to /);
    expect(found([{ path: 'logs', text: output.text() }], [...PLANTED, REASON_MARK])).toEqual([]);
  });

  it('keeps his documents only encrypted on disk, and serves them to staff, the board and auditors as uploaded', async () => {
    expect(documentsBefore.map((d) => [d.indicator, d.name, d.erasedAt])).toEqual([
      [CODES[0], `${NAME} SLT minutes.pdf`, null],
      [CODES[1], `${NAME} lab.png`, null],
    ]);
    expect(blobIds()).toHaveLength(4);
    for (const who of [staff, board, auditor]) {
      const pdf = await http().get(documentsBefore[0].href!).set(who.auth).buffer(true).parse(binary).expect(200);
      expect(pdf.body.toString('latin1')).toContain(`${DOC_MARK} leadership minutes`);
    }
    // The markers are real, and no file holds them: the blobs are ciphertext, the read models keep only names.
    expect(found(filesUnder(dataDir), [DOC_MARK, KEPT_DOC_MARK])).toEqual([]);
    expect((await http().get('/audit/verify').set(auditor.auth).expect(200)).body.documents).toEqual({
      ok: true,
      checked: 4,
      erased: 0,
      problems: [],
    });
  });

  it('is for staff only, and refuses to erase an account that holds an office', async () => {
    for (const who of [auditor, board, north, zebulon])
      await http().post('/privacy/erasures').set(who.auth).send({ email: EMAIL }).expect(403);
    await http().post('/privacy/erasures').set(staff.auth).send({ email: 'not-an-email' }).expect(400);
    const office = await http().post('/privacy/erasures').set(staff.auth).send({ email: 'board@iasl.org' }).expect(422);
    expect(office.body.code).toBe('privacy.account_in_office');
    expect(await app.get(IdentityStore).findByEmail(EMAIL)).not.toBeNull();
  });

  it('erases him, and answers what went now and what is kept of his record of reasons, until when and why', async () => {
    erasure = await http().post('/privacy/erasures').set(staff.auth).send({ email: EMAIL.toUpperCase() }).expect(201);
    const finalizedAt = '2026-04-02T09:00:00.000Z';
    retainedUntil = '2033-04-02T09:00:00.000Z';
    expect(erasure.body).toEqual({
      subjectId: expect.stringMatching(/^[0-9a-f]{32}$/),
      keysDestroyed: 1,
      accountRemoved: true,
      outboxMessagesDeleted: expect.any(Number),
      documentsDeleted: 2,
      position: expect.any(String),
      readModelsRebuilt: true,
      erasedNow: expect.arrayContaining([expect.stringMatching(/^Their identity: name, contact email and institution name/)]),
      retained: [
        {
          applicationId: id,
          reference: before.reference,
          as: 'applicant',
          standing: 'kept',
          retention: { rule: 'after-final-decision', years: 7, policyVersion: 'decision-policy.v1', closedAt: finalizedAt, retainedUntil },
          shreddedAt: null,
          until: 'Kept until 2033-04-02: 7 years after the final decision (decision-policy.v1).',
          why: expect.stringMatching(/accounted for/),
          // Two reviewers' 16 comments, the adjudication's and the board's justifications.
          counts: { kept: 34, shredded: 0, erasedWithPerson: 0, underPeoplesKeys: 0 },
        },
      ],
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

  it('reads every field of his that the registry lists as "[erased]", and every reason of the record as written', async () => {
    const history = (await audit('/history')) as { type: string; data: unknown }[];
    const values = personalValues(history);
    const his = values.filter((v) => v.owners.includes('applicant'));
    const reasons = values.filter((v) => v.owners === 'record');
    expect(his.length).toBeGreaterThan(20);
    expect(his.filter((v) => v.value !== ERASED)).toEqual([]);
    expect(reasons).toHaveLength(34);
    expect(reasons.filter((v) => typeof v.value !== 'string' || !v.value.startsWith(REASON_MARK))).toEqual([]);

    const after = (await http().get(`/applications/${id}`).set(staff.auth).expect(200)).body;
    expect(after).toEqual({
      ...before,
      leaderName: ERASED,
      applicantEmail: ERASED,
      institutionName: ERASED,
      survey: {
        ...(before.survey as object),
        leaderName: ERASED,
        contactEmail: ERASED,
        programDescription: ERASED,
        underrepresentedReach: ERASED,
        partners: [ERASED],
        institution: { ...(before.survey as { institution: object }).institution, name: ERASED },
      },
    });
    expect(after.decisionJustification).toBe(JUSTIFICATION);
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

  it('still explains the decision to the auditor: history, reproduction, the record of reasons and the report; the chain verifies', async () => {
    expect((await http().get('/audit/verify').set(auditor.auth).expect(200)).body).toEqual(
      expect.objectContaining({ ok: true, problem: null }),
    );
    expect(await audit('/verify')).toEqual(expect.objectContaining({ ok: true }));
    expect(await audit('/decision/reproduce')).toEqual(expect.objectContaining({ reproduced: true, differences: [], unverifiable: [] }));
    const history = (await audit('/history')) as { type: string; data: Record<string, unknown> }[];
    expect(history.find((e) => e.type === 'DecisionRecorded')!.data).toEqual(
      expect.objectContaining({ outcome: 'NotYetReady', overruled: true, justification: JUSTIFICATION }),
    );
    expect(history.find((e) => e.type === 'AdjudicationResolved')!.data.justification).toBe(ADJUDICATION);
    expect(history[0].data.survey).toEqual(expect.objectContaining({ leaderName: ERASED }));

    const record = await audit('/record-of-reasons');
    expect(record).toEqual(expect.objectContaining({ standing: 'kept', counts: erasure.body.retained[0].counts }));
    expect(record.reasons.map((r: { label: string; reads: string }) => `${r.label}: ${r.reads}`)).toEqual([
      "Reviewer's comments: readable",
      "Reviewer's comments: readable",
      "Adjudication's justification: readable",
      "Board's justification: readable",
    ]);

    const report = await audit('/report');
    expect(report.decision).toEqual(expect.objectContaining({ overruled: true, justification: JUSTIFICATION }));
    expect(report.adjudications[0].justification).toBe(ADJUDICATION);
    expect(report.application.leaderName).toBe(ERASED);
    const pdf = await reportText();
    expect(pdf).toContain('the board finds the robotics practice');
    expect(pdf).toContain('Kept until 2033-04-02: 7 years after the final decision (decision-policy.v1).');
    expect(pdf).not.toMatch(/Quixtrand|Zebulon/);

    const exported = await audit('/export.json');
    expect(verifyChain(exported.events)).toEqual({ ok: true });
    // The live read models are exactly what a rebuild from the log gives.
    expect((await http().post('/audit/rebuild-check').set(auditor.auth).expect(200)).body).toEqual(
      expect.objectContaining({ matches: true, differences: [] }),
    );
  });

  it('leaves no trace of him in any file (log, read models and their WAL, identity, keys, outbox) or in the logs; the reasons are kept', () => {
    const keys = app.get(SubjectKeys);
    expect(keys.subjectOf(`email:${EMAIL}`)).toBe(erasure.body.subjectId);
    expect(search(PLANTED)).toEqual([]);
    expect(found(filesUnder(dataDir), [KEEP.email, KEEP.name]).length).toBeGreaterThan(0);
    // The reasons are readable where the engine serves them from: the read models, never clear in the log.
    expect(search([REASON_MARK]).map((hit) => hit.replace(dataDir, ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/read-models\.sqlite/)]),
    );
    expect(search([REASON_MARK]).filter((hit) => hit.includes('events.sqlite'))).toEqual([]);
  });

  it('leaves nothing of his documents: the files are deleted, the download says 410 and when, the lists and verification say erased', async () => {
    const erasedAt = '2026-04-02T09:00:00.000Z';
    const keptDocs = (await http().get(`/applications/${keptId}/evidence`).set(auditor.auth).expect(200)).body as { id: string }[];
    expect(blobIds()).toEqual(keptDocs.map((d) => d.id).sort());
    expect(search([DOC_MARK, `${NAME} SLT`, `${NAME} lab`])).toEqual([]);
    for (const who of [staff, board, auditor]) {
      for (const doc of documentsBefore) {
        for (const path of [doc.href!, `${doc.href}?download=1`]) {
          const gone = await http().get(path).set(who.auth).expect(410);
          expect(gone.type).toBe('application/problem+json');
          expect(gone.body).toEqual(
            expect.objectContaining({
              code: 'evidence.erased',
              detail: expect.stringMatching(/^This document was erased on 2026-04-02 at 09:00 UTC with its applicant's personal data/),
            }),
          );
        }
      }
    }
    const listed = (await http().get(`/applications/${id}/evidence`).set(auditor.auth).expect(200)).body;
    expect(listed).toEqual(
      documentsBefore.map((d) =>
        expect.objectContaining({
          id: d.id,
          name: null,
          href: null,
          sha256: d.sha256,
          erasedAt,
          label: expect.stringMatching(/^Document 1 for /),
        }),
      ),
    );
    // Someone else's documents still open.
    const kept = await http()
      .get(`/applications/${keptId}/evidence/${keptDocs[0].id}`)
      .set(auditor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(kept.body.toString('latin1')).toContain(KEPT_DOC_MARK);
    // Verification knows his documents were erased, not lost: nothing missing, nothing changed, the chain whole.
    const verdict = (await http().get('/audit/verify').set(auditor.auth).expect(200)).body;
    expect(verdict).toEqual(
      expect.objectContaining({ ok: true, problem: null, documents: { ok: true, checked: 2, erased: 2, problems: [] } }),
    );
    expect((await audit('/verify')).documents).toEqual({ ok: true, checked: 0, erased: 2, problems: [] });
    // The reasons still read beside them.
    expect((await audit('/record-of-reasons')).standing).toBe('kept');
  });

  it('shreds the reasons when the retention ends, once, as an event; the chain still verifies and nothing is left in any file', async () => {
    t.clock.set(retainedUntil);
    await settle(t);
    t.clock.advance({ days: 400 });
    await settle(t);
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');

    for (const application of [id, keptId]) {
      const { events } = await app.get(EventStore).readStream(`application-${application}`);
      const shredded = events.filter((e) => e.type === 'RecordOfReasonsShredded');
      expect(shredded).toHaveLength(1);
      expect(shredded[0]).toEqual(
        expect.objectContaining({
          metadata: expect.objectContaining({ actorRole: 'system' }),
          data: expect.objectContaining({
            rule: 'after-final-decision',
            retentionYears: 7,
            retainedUntil,
            held: [
              { type: 'ScoresSubmitted', field: 'scores[].comment', count: 32 },
              { type: 'AdjudicationResolved', field: 'justification', count: 1 },
              { type: 'DecisionRecorded', field: 'justification', count: 1 },
            ],
            notReached: [],
          }),
        }),
      );
    }
    const values = personalValues((await audit('/history')) as { type: string; data: unknown }[]);
    expect(values.filter((v) => v.value !== ERASED)).toEqual([]);
    expect(await audit('/record-of-reasons')).toEqual(
      expect.objectContaining({
        standing: 'shredded',
        shreddedAt: retainedUntil,
        until: 'Shredded 2033-04-02 at the end of its retention: 7 years after the final decision (decision-policy.v1).',
        counts: { kept: 0, shredded: 34, erasedWithPerson: 0, underPeoplesKeys: 0 },
      }),
    );
    const history = (await audit('/history')) as { type: string; summary: string }[];
    expect(history.at(-1)!.summary).toBe(
      'Record of reasons shredded, kept 7 years after the final decision (until 2033-04-02): 34 reasons destroyed',
    );
    // The decision itself still reproduces: its inputs and the justification's length are clear.
    expect(await audit('/decision/reproduce')).toEqual(expect.objectContaining({ reproduced: true, unverifiable: [] }));
    expect(await reportText()).toContain('Shredded 2033-04-02 at the end of its retention');
    expect((await http().get('/audit/verify').set(auditor.auth).expect(200)).body).toEqual(
      expect.objectContaining({ ok: true, problem: null }),
    );
    expect((await http().post('/audit/rebuild-check').set(auditor.auth).expect(200)).body).toEqual(
      expect.objectContaining({ matches: true, differences: [] }),
    );
    expect(search([...PLANTED, REASON_MARK, DOC_MARK])).toEqual([]);
  });

  it('keeps nothing once the process has stopped and SQLite has checkpointed every WAL into its file', async () => {
    await app.close();
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    expect(search([...PLANTED, REASON_MARK, DOC_MARK])).toEqual([]);
  });
});
