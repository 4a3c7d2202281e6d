import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobStore } from '@cert/blob-store';
import { BlobSweep } from '@cert/work';
import { CODES, surveyFor } from './support/cycle-data';
import { submitAccepted } from './support/lifecycle';
import { Session, TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Evidence: a file stored without the event that names it (a crash between the blob and the append, a
 * refusal whose clean-up did not run, a removal whose deletion did not happen) is deleted by the work side's sweep once
 * older than the policy's grace (24 hours), by the engine's clock; every document the log names stays.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('the sweep of orphaned evidence files', () => {
  let t: TestApp;
  let leader: Session;
  let id: string;
  let referenced: string;
  let removed: string;
  const orphan = randomUUID();
  const later = randomUUID();

  const upload = (indicator: string) =>
    t
      .http()
      .post(`/applications/${id}/evidence/documents`)
      .query({ purpose: 'assessment', indicator })
      .set(leader.auth)
      .attach('file', PDF, { filename: 'minutes.pdf', contentType: 'application/pdf' })
      .expect(201);
  const held = async () => {
    const ids: string[] = [];
    for await (const blob of t.get(BlobStore).list()) ids.push(blob.id);
    return ids.sort();
  };

  beforeAll(async () => {
    t = await startApp();
    const staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    leader = await signInByEmail(t, 'ada@riverside.edu');
    id = await submitAccepted(t, leader, staff, surveyFor('Ada Rivers', 'ada@riverside.edu', 'Riverside STEM Academy'));
    referenced = (await upload(CODES[0])).body.evidenceId;
    removed = (await upload(CODES[1])).body.evidenceId;
    await t.http().delete(`/applications/${id}/evidence/${removed}`).set(leader.auth).expect(200);
    const blobs = t.get(BlobStore);
    // A crash after the file and before its event; and a removal whose file was not deleted (put back as it was).
    await blobs.put(orphan, Readable.from([Buffer.from('ciphertext of an upload that never reached the log')]));
    await blobs.put(removed, Readable.from([Buffer.from('ciphertext of a removed document')]));
  });
  afterAll(() => t.close());

  it('keeps every file within its grace, orphan or not', async () => {
    t.clock.advance({ hours: 23 });
    const report = await t.get(BlobSweep).sweep();
    expect(report).toEqual({
      sweptAt: '2026-03-03T08:00:00.000Z',
      stored: 3,
      referenced: 1,
      deleted: 0,
      withinGrace: 2,
      graceHours: 24,
    });
    expect(await held()).toEqual([referenced, removed, orphan].sort());
  });

  it('deletes the files no event names once past the grace, keeps the ones it names and younger ones, and says so on /health', async () => {
    t.clock.advance({ hours: 1, minutes: 1 });
    await t.get(BlobStore).put(later, Readable.from([Buffer.from('an upload still streaming')]));
    const report = await t.get(BlobSweep).sweep();
    expect(report).toEqual(expect.objectContaining({ stored: 4, referenced: 1, deleted: 2, withinGrace: 1 }));
    expect(await held()).toEqual([referenced, later].sort());
    // The document the log names still opens (to the leader signed in again: a day has passed).
    leader = await signInByEmail(t, 'ada@riverside.edu');
    await t.http().get(`/applications/${id}/evidence/${referenced}`).set(leader.auth).expect(200);
    const health = await t.http().get('/health').expect(200);
    expect(health.body.details.documents).toEqual({ status: 'up', lastSweep: report });
  });

  it('is idempotent: a second sweep finds nothing more to delete', async () => {
    expect(await t.get(BlobSweep).sweep()).toEqual(expect.objectContaining({ stored: 2, referenced: 1, deleted: 0, withinGrace: 1 }));
  });
});
