import { appendFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { EventLog } from '@cert/event-store';
import { LogRunner } from '@cert/projections';
import { CODES, ratings, surveyFor } from './support/cycle-data';
import { submitAccepted } from './support/lifecycle';
import { Session, TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Evidence, over HTTP: documents uploaded per indicator, refused by their bytes and size with nothing
 * kept, served sandboxed with safe names (none for a blind reviewer), and checked by audit verification on disk.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
const HTML = Buffer.from('\uFEFF  <!doctype html><script>alert(1)</script>');
const CSV = Buffer.from('indicator,level\nEC1.Leaders1,3\nÉcole,4\n');

describe('evidence documents over HTTP', () => {
  let t: TestApp;
  let staff: Session;
  let leader: Session;
  let other: Session;
  let auditor: Session;
  let north: Session;
  let south: Session;
  let east: Session;
  let id: string;
  const documents: Record<string, string> = {};

  const upload = (
    file: Buffer,
    filename: string,
    opts: { indicator?: string; contentType?: string; replaces?: string; as?: Session } = {},
  ) =>
    t
      .http()
      .post(`/applications/${id}/evidence/documents`)
      .query({ purpose: 'assessment', indicator: opts.indicator ?? CODES[0], ...(opts.replaces ? { replaces: opts.replaces } : {}) })
      .set((opts.as ?? leader).auth)
      .attach('file', file, { filename, contentType: opts.contentType ?? 'application/octet-stream' });

  const blobFiles = () =>
    readdirSync(join(t.dataDir, 'documents'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  // The application's own stream: the notifications processor appends to the log in the background meanwhile.
  const head = async () => (await t.get(EventLog).readStream(`application-${id}`)).version;

  /** A refused upload answers `status` with `code`, and leaves the application's stream and the blob store as they were. */
  const refused = async (request: ReturnType<typeof upload>, status: number, code: string) => {
    const [before, files] = [await head(), blobFiles()];
    expect(before).toBeGreaterThan(0);
    const res = await request;
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.type).toBe('application/problem+json');
    expect(await head()).toBe(before);
    expect(blobFiles()).toEqual(files);
    return res;
  };

  beforeAll(async () => {
    t = await startApp();
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'audit@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@north.edu', { institution: 'North College' });
    south = await signInWithPassword(t, 'reviewer', 'south@south.edu', { institution: 'South College' });
    east = await signInWithPassword(t, 'reviewer', 'east@east.edu', { institution: 'East College' });
    leader = await signInByEmail(t, 'ada@riverside.edu');
    other = await signInByEmail(t, 'oscar@elsewhere.org');
    id = await submitAccepted(t, leader, staff, surveyFor('Ada Rivers', 'ada@riverside.edu', 'Riverside STEM Academy'));
  });
  afterAll(() => t.close());

  it('tells the leader the limits, the types and that the cycle is not blind before anything is sent', async () => {
    const res = await t.http().get(`/applications/${id}/evidence/policy`).set(leader.auth).expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        maxFileBytes: 20 * 1024 * 1024,
        maxApplicationBytes: 200 * 1024 * 1024,
        maxItemsPerIndicator: 20,
        usedBytes: 0,
        blindReview: false,
      }),
    );
  });

  it('takes a PDF, an image and a CSV file, typed by their bytes, with names made safe', async () => {
    const pdf = await upload(PDF, '../../etc/SLT minutes\u202Efdp.exe.pdf', { contentType: 'image/png' }).expect(201);
    expect(pdf.body.events).toEqual(['EvidenceDocumentAttached']);
    documents.pdf = pdf.body.evidenceId;
    documents.png = (await upload(PNG, 'lab.png', { indicator: CODES[1] }).expect(201)).body.evidenceId;
    documents.csv = (await upload(CSV, 'survey.csv', { indicator: CODES[1] }).expect(201)).body.evidenceId;
    const list = await t.http().get(`/applications/${id}/evidence?after=${pdf.body.position}`).set(leader.auth).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: documents.pdf,
        indicator: CODES[0],
        name: 'SLT minutesfdp.exe.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        inline: true,
        ordinal: 1,
      }),
      expect.objectContaining({
        id: documents.png,
        indicator: CODES[1],
        mediaType: 'image/png',
        typeLabel: 'PNG image',
        inline: true,
        ordinal: 1,
      }),
      expect.objectContaining({ id: documents.csv, indicator: CODES[1], mediaType: 'text/csv', inline: false, ordinal: 2 }),
    ]);
    // Stored encrypted: the content is nowhere on disk as uploaded.
    for (const file of blobFiles()) expect(statSync(file).size).toBeGreaterThan(0);
    expect(blobFiles().map((f) => readFileSync(f).includes(Buffer.from('%PDF')))).not.toContain(true);
  });

  it('serves a document to its leader as uploaded, sandboxed, with the right type and a safe name', async () => {
    const res = await t.http().get(`/applications/${id}/evidence/${documents.pdf}`).set(leader.auth).buffer(true).parse(binary).expect(200);
    expect(res.body).toEqual(PDF);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="SLT minutesfdp.exe.pdf"; filename*=UTF-8''SLT%20minutesfdp.exe.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const csv = await t.http().get(`/applications/${id}/evidence/${documents.csv}`).set(leader.auth).buffer(true).parse(binary).expect(200);
    expect(csv.body).toEqual(CSV);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="survey.csv"/);
    const saved = await t.http().get(`/applications/${id}/evidence/${documents.png}?download=1`).set(leader.auth).expect(200);
    expect(saved.headers['content-disposition']).toMatch(/^attachment; filename="lab.png"/);
  });

  it.each([
    ['an executable named .pdf and declared a PDF', EXE, 'report.pdf', 'application/pdf'],
    ['an SVG with a script, named .png', SVG, 'chart.png', 'image/png'],
    ['an HTML page named .txt', HTML, 'notes.txt', 'text/plain'],
    ['a zip archive', Buffer.from('504b0304140000000000', 'hex'), 'minutes.docx', 'application/zip'],
  ])('refuses %s (415) by its bytes, keeping nothing', async (_, bytes, name, type) => {
    const res = await refused(upload(bytes, name, { contentType: type }), 415, 'evidence.type_not_allowed');
    expect(res.body.detail).toMatch(/upload one of PDF, PNG image/);
  });

  it('refuses an empty file (400), keeping nothing', async () => {
    const res = await refused(upload(Buffer.alloc(0), 'empty.pdf'), 400, 'request.invalid');
    expect(res.body.errors).toEqual([{ field: 'file', messages: ['The file is empty: choose the file again, or another one.'] }]);
  });

  it('refuses a file over 20 MB (413) while it streams, keeping nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await refused(upload(big, 'big.pdf'), 413, 'evidence.file_too_large');
    expect(res.body.detail).toBe('a file may be at most 20 MB: upload a smaller file, or split it');
  });

  it('refuses a truncated multipart body, a request without a file and an unknown indicator (400), keeping nothing', async () => {
    const cut = t
      .http()
      .post(`/applications/${id}/evidence/documents?purpose=assessment&indicator=${CODES[0]}`)
      .set(leader.auth)
      .set('Content-Type', 'multipart/form-data; boundary=XyZ')
      .send(
        `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half a file`,
      );
    expect((await refused(cut as never, 400, 'request.invalid')).body.errors[0].field).toBe('file');
    const none = t
      .http()
      .post(`/applications/${id}/evidence/documents?purpose=assessment&indicator=${CODES[0]}`)
      .set(leader.auth)
      .field('note', 'no file here');
    await refused(none, 400, 'request.invalid');
    const notMultipart = t
      .http()
      .post(`/applications/${id}/evidence/documents?purpose=assessment&indicator=${CODES[0]}`)
      .set(leader.auth)
      .send({ file: 'x' });
    await refused(notMultipart, 400, 'request.invalid');
    const res = await refused(upload(PDF, 'a.pdf', { indicator: 'EC9.Leaders9' }), 400, 'request.invalid');
    expect(res.body.errors).toEqual([{ field: 'indicator', messages: ['Choose an indicator of the IC Map: EC9.Leaders9 is not one'] }]);
    await refused(upload(PDF, 'a.pdf', { indicator: '../../x' }), 400, 'request.invalid');
  });

  it('refuses uploads from anyone but the leader, keeping nothing', async () => {
    await refused(upload(PDF, 'a.pdf', { as: other }), 404, 'application.not_found');
    await refused(upload(PDF, 'a.pdf', { as: staff }), 403, 'access.denied');
  });

  it('replaces and removes a document of the draft, deleting the old files', async () => {
    const replaced = await upload(PNG, 'lab-2.png', { indicator: CODES[1], replaces: documents.png }).expect(201);
    const files = blobFiles().map((f) => f.split('/').pop());
    expect(files).not.toContain(documents.png);
    expect(files).toContain(replaced.body.evidenceId);
    documents.png = replaced.body.evidenceId;
    const link = await t
      .http()
      .post(`/applications/${id}/evidence/links`)
      .set(leader.auth)
      .send({ purpose: 'assessment', indicator: CODES[2], url: 'https://riverside.edu/portfolio', title: 'Portfolios' })
      .expect(201);
    const extra = (await upload(PDF, 'draft.pdf', { indicator: CODES[2] }).expect(201)).body.evidenceId;
    await t.http().delete(`/applications/${id}/evidence/${extra}`).set(leader.auth).expect(200);
    expect(blobFiles().map((f) => f.split('/').pop())).not.toContain(extra);
    const list = await t.http().get(`/applications/${id}/evidence?after=${link.body.position}`).set(leader.auth).expect(200);
    expect(list.body.map((i: { id: string }) => i.id)).toEqual([documents.pdf, documents.csv, documents.png, link.body.evidenceId]);
  });

  it('submits the assessment naming each document by its hash; what was submitted can no longer be removed', async () => {
    const submitted = await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(leader.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    const { events } = await t.get(EventLog).readStream(`application-${id}`);
    const event = events.find((e) => e.type === 'AssessmentSubmitted')!;
    expect((event.data as { evidence: unknown[] }).evidence).toEqual([
      expect.objectContaining({
        indicator: CODES[0],
        evidenceId: documents.pdf,
        kind: 'document',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
      expect.objectContaining({ indicator: CODES[1], evidenceId: documents.csv }),
      expect.objectContaining({ indicator: CODES[1], evidenceId: documents.png }),
      expect.objectContaining({ indicator: CODES[2], kind: 'link', sha256: null }),
    ]);
    const res = await t.http().delete(`/applications/${id}/evidence/${documents.pdf}`).set(leader.auth).expect(409);
    expect(res.body.code).toBe('evidence.already_submitted');
    await t.get(LogRunner).catchUp();
    expect(submitted.body.events).toEqual(['AssessmentSubmitted']);
  });

  it('shows documents to an assigned reviewer, without names under blind review; refuses other reviewers and applicants', async () => {
    await t.http().put('/review-cycles/2026').set(staff.auth).send({ blindReview: true }).expect(200);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [north.id, south.id] })
      .expect(201);
    await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(south.auth)
      .send({ applicationId: id, reason: 'I advised this school last year.' })
      .expect(201);
    await t.get(LogRunner).catchUp();
    const list = await t.http().get(`/applications/${id}/evidence`).set(north.auth).expect(200);
    expect(list.body[0]).toEqual(expect.objectContaining({ name: null, label: `Document 1 for ${CODES[0]} (PDF, ${PDF.length} bytes)` }));
    const res = await t
      .http()
      .get(`/applications/${id}/evidence/${documents.pdf}?download=1`)
      .set(north.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.body).toEqual(PDF);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${CODES[0]} document 1.pdf"; filename*=UTF-8''${CODES[0]}%20document%201.pdf`,
    );
    expect((await t.http().get(`/applications/${id}/evidence/${documents.pdf}`).set(south.auth)).status).toBe(403);
    expect((await t.http().get(`/applications/${id}/evidence/${documents.pdf}`).set(east.auth)).status).toBe(404);
    expect((await t.http().get(`/applications/${id}/evidence/${documents.pdf}`).set(other.auth)).status).toBe(404);
    expect((await t.http().get(`/applications/${id}/evidence`).set(other.auth)).status).toBe(404);
  });

  it('verification checks every stored document, and names one changed or deleted on disk, without failing itself', async () => {
    const intact = await t.http().get('/audit/verify').set(auditor.auth).expect(200);
    expect(intact.body).toEqual(expect.objectContaining({ ok: true, documents: { ok: true, checked: 3, erased: 0, problems: [] } }));
    const fileOf = (docId: string) => blobFiles().find((f) => f.endsWith(docId))!;
    appendFileSync(fileOf(documents.csv), 'x');
    rmSync(fileOf(documents.png));
    const found = await t.http().get('/audit/verify').set(auditor.auth).expect(200);
    expect(found.body.ok).toBe(false);
    expect(found.body.problem).toBeNull();
    expect(found.body.documents.problems).toEqual([
      expect.objectContaining({ reason: 'changed', documentId: documents.csv, applicationId: id, indicator: CODES[1] }),
      expect.objectContaining({ reason: 'missing', documentId: documents.png, applicationId: id, indicator: CODES[1] }),
    ]);
    const one = await t.http().get(`/audit/applications/${id}/verify`).set(auditor.auth).expect(200);
    expect(one.body.documents.problems.map((p: { documentId: string }) => p.documentId)).toEqual([documents.csv, documents.png]);
    // A document whose file is gone is not found, not a server error.
    expect((await t.http().get(`/applications/${id}/evidence/${documents.png}`).set(leader.auth)).status).toBe(404);
  });
});

/** supertest buffers binary bodies this way. */
function binary(res: Response, done: (e: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
