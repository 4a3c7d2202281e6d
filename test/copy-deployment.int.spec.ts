import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODES, surveyFor } from './support/cycle-data';
import { reviewToDecision, submitAccepted } from './support/lifecycle';
import { binary } from './support/pdf-text';
import { SharedShape, sharedShape } from './support/shared-shape';
import { signInByEmail, signInWithPassword, startApp } from './support/test-app';

const CLI = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PASSWORD = 'correct horse battery staple';

/** `npm run cli -- deployment:copy`, compiled, as an operator runs it: the distributed shape's environment, and --from. */
const copy = (env: Record<string, string>, from: string) => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  return spawnSync(process.execPath, [CLI, 'deployment:copy', '--from', from], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: mkdtempSync(join(tmpdir(), 'iasl-cli-')), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
};

/**
 * docs/ARCHITECTURE.md, Distributed: moving up is one command. An embedded deployment with a decided application, a
 * document and signed-in people is copied into PostgreSQL; the service on PostgreSQL then verifies to the same head,
 * knows the same people by the same passwords, reads the leader's name (the keys came too) and serves the document.
 */
describe('deployment:copy from the embedded shape into PostgreSQL', () => {
  const embedded = mkdtempSync(join(tmpdir(), 'iasl-embedded-'));
  let shape: SharedShape;
  beforeAll(async () => {
    shape = await sharedShape('copy');
  });
  afterAll(async () => {
    await shape?.drop();
    rmSync(embedded, { recursive: true, force: true });
  });

  it('moves log, accounts, keys and documents; the service on PostgreSQL verifies to the same head; a second copy is refused', async () => {
    // given an embedded deployment (its first staff account, bootstrapped, and six people) with a decided application and an evidence document, then stopped
    const before = await startApp({ dataDir: embedded });
    const panel = {
      staff: await signInWithPassword(before, 'staff', 'staff@iasl.org'),
      board: await signInWithPassword(before, 'board', 'board@iasl.org'),
      reviewers: [
        await signInWithPassword(before, 'reviewer', 'north@north.edu', { institution: 'North College' }),
        await signInWithPassword(before, 'reviewer', 'east@east.edu', { institution: 'East University' }),
      ],
    };
    const auditor = await signInWithPassword(before, 'auditor', 'audit@iasl.org');
    const leader = await signInByEmail(before, 'ada@riverside.edu');
    const id = await submitAccepted(before, leader, panel.staff, surveyFor('Ada Rivers', 'ada@riverside.edu', 'Riverside STEM Academy'));
    const documentId: string = (
      await before
        .http()
        .post(`/applications/${id}/evidence/documents`)
        .query({ purpose: 'assessment', indicator: CODES[0] })
        .set(leader.auth)
        .attach('file', PDF, { filename: 'minutes.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body.evidenceId;
    await reviewToDecision(before, id, leader, panel, { level: 4, outcome: 'ProgramOfExcellence' });
    const embeddedVerdict = (await before.http().get('/audit/verify').set(auditor.auth).expect(200)).body;
    expect(embeddedVerdict.ok).toBe(true);
    await before.close();

    // when
    const run = copy(shape.env, embedded);

    // then
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /copied in [\d.]+ s: \d+ events in \d+ streams, 7 accounts \(\d+ sessions, \d+ one-time links\), \d+ personal-data keys, 1 document$/m,
    );
    expect(run.stdout).toContain(`head ${embeddedVerdict.head.position}:${embeddedVerdict.head.globalHash}, the same as the source's`);
    expect(run.stderr).toMatch(/documents: 1 copied/);

    const after = await startApp({ redisPrefix: shape.redisPrefix, env: shape.env });
    try {
      const again = (await after.http().get('/audit/verify').set(auditor.auth).expect(200)).body;
      expect(again).toMatchObject({ ok: true, head: embeddedVerdict.head });
      // The same people, signing in with the passwords they set before the move; the leader's session still works.
      await after.http().post('/auth/login').send({ email: 'board@iasl.org', password: PASSWORD }).expect(200);
      const read = await after.http().get(`/applications/${id}`).set(leader.auth).expect(200);
      expect(read.body).toMatchObject({ status: 'Decided', leaderName: 'Ada Rivers' });
      const served = await after
        .http()
        .get(`/applications/${id}/evidence/${documentId}`)
        .set(leader.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(served.body).toEqual(PDF);
    } finally {
      await after.close();
    }

    const refused = copy(shape.env, embedded);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      /the target is not empty \(the log has events; there are accounts; there are personal-data keys; there are documents\)/,
    );
  }, 180_000);

  it('refuses a folder that holds no embedded deployment, naming what is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'iasl-empty-'));
    try {
      const run = copy(shape.env, empty);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`no log at ${join(empty, 'events.sqlite')}: is --from the embedded deployment's data folder?`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
