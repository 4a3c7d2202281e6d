import {
  APPLICATION_EVENT_TYPES,
  ApplicationCommand,
  ERASED,
  OpenApplication,
  PERSONAL_FIELDS,
  applicationDecider,
  applicationStream,
  notificationDecider,
  notificationStream,
} from '@cert/domain';
import { EventStore, NewEvent, SqliteEventStore, handle, verifyChain } from '@cert/event-store';
import { APP_ID, T0, candidate, cmd, ratingsAt, scoresAt } from '../../domain/src/application/application.fixtures';
import { isEnvelope } from './field-cipher';
import { ProtectedEventStore } from './privacy.module';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { emailSubject, recordSubject, userSubject } from './subject-keys';

const STREAM = applicationStream(APP_ID);

/** The adapter, counting the stream reads made through it. */
class CountingReads extends EventStore {
  reads = 0;
  constructor(private readonly inner: EventStore) {
    super();
  }
  readStream(streamId: string) {
    this.reads++;
    return this.inner.readStream(streamId);
  }
  appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }) {
    return this.inner.appendToStream(streamId, events, opts);
  }
  readAll(checkpoint: string | null, limit: number) {
    return this.inner.readAll(checkpoint, limit);
  }
  head() {
    return this.inner.head();
  }
  close() {
    return this.inner.close();
  }
}
const PLANTED = [
  'Dr. Ada Rivers',
  'leader@riverside.edu',
  'Riverside STEM Academy',
  'Clemson Extension',
  'Seen during the visit',
  'Minutes of the SLT',
];

describe('personal data sealed under per-person keys (crypto-shredding)', () => {
  let stored: SqliteEventStore;
  let keys: SqliteSubjectKeys;
  let store: EventStore;
  beforeEach(() => {
    stored = SqliteEventStore.open(':memory:');
    keys = SqliteSubjectKeys.open(':memory:');
    store = new ProtectedEventStore(stored, keys);
  });
  afterEach(async () => {
    await store.close();
    await keys.close();
  });

  const run = (command: ApplicationCommand, on: EventStore = store) =>
    handle(on, STREAM, applicationDecider, command, {
      actorId: command.metadata.actor.id,
      actorRole: command.metadata.actor.role,
      now: command.metadata.now,
    });
  const rawJson = async () => JSON.stringify((await stored.readStream(STREAM)).events);
  const state = async () =>
    (await store.readStream(STREAM)).events.reduce(
      applicationDecider.evolve as never,
      applicationDecider.initialState(),
    ) as OpenApplication;

  /** Survey, assessment, two reviewers' scores: every kind of personal field an application holds. */
  const scored = async () => {
    for (const c of [
      cmd.submitSurvey(),
      cmd.accept(),
      cmd.submitAssessment(ratingsAt(4)),
      cmd.assignManual([candidate('rev-a'), candidate('rev-b')]),
      cmd.submitScores('rev-a', scoresAt(4)),
    ])
      await run(c);
  };

  it('stores names, contacts and free text only as ciphertext, and the hashes cover that ciphertext', async () => {
    const result = await run(cmd.submitSurvey());
    await scored().catch(() => undefined);

    const raw = await rawJson();
    for (const planted of PLANTED) expect(raw).not.toContain(planted);
    const [submitted] = (await stored.readStream(STREAM)).events;
    const survey = (submitted.data as { survey: Record<string, unknown> }).survey;
    expect(survey.leaderName).toEqual(expect.stringMatching(/^pii:v1:[0-9a-f]{32}:/));
    // Categories, counts and pins stay clear: statistics, conflicts and the decision read them.
    expect(survey).toEqual(
      expect.objectContaining({ yearsRunning: 6, studentsServed: 540, focusAreas: ['robotics', 'fab-labs', 'coding'] }),
    );
    expect(survey.institution).toEqual(expect.objectContaining({ type: 'academy', country: 'US', region: 'South Carolina' }));
    expect(submitted.metadata.dataSubjects).toEqual({ applicant: emailSubject(keys, 'leader@riverside.edu') });
    expect(verifyChain((await stored.readStream(STREAM)).events)).toEqual({ ok: true });

    // Every reader gets the clear text: handle()'s own result, readStream and readAll.
    expect((result.events[0].data as { survey: { leaderName: string } }).survey.leaderName).toBe('Dr. Ada Rivers');
    expect((await state()).survey.leaderName).toBe('Dr. Ada Rivers');
    expect((await store.readAll(null, 10))[0].data).toEqual(
      expect.objectContaining({ survey: expect.objectContaining({ contactEmail: 'leader@riverside.edu' }) }),
    );
  });

  it('looks keys up once per read, in one batch, however many events and fields it opens', async () => {
    await scored();
    let lookUps = 0;
    const keysById = keys.keysById.bind(keys);
    keys.keysById = (ids) => (lookUps++, keysById(ids));
    // A process that never sealed these fields, so nothing is remembered and every field is decrypted.
    const cold = new ProtectedEventStore(stored, keys);
    const all = await cold.readAll(null, 100);
    expect(lookUps).toBe(1);
    expect(JSON.stringify(all)).toContain('Seen during the visit');
    expect(JSON.stringify(all)).not.toContain('pii:v1:');
    await cold.readStream(STREAM);
    expect(lookUps).toBe(2);
  });

  it('reads a destroyed key\'s fields as "[erased]" everywhere, keeps state and levels, and every hash still verifies', async () => {
    await scored();
    const before = await rawJson();

    expect(await keys.destroy([emailSubject(keys, 'leader@riverside.edu')])).toBe(1);

    expect(await rawJson()).toBe(before);
    expect(verifyChain((await stored.readStream(STREAM)).events)).toEqual({ ok: true });
    const app = await state();
    expect(app.survey).toEqual(
      expect.objectContaining({
        leaderName: ERASED,
        contactEmail: ERASED,
        programDescription: ERASED,
        underrepresentedReach: ERASED,
        partners: [ERASED, ERASED],
        institution: expect.objectContaining({ name: ERASED, type: 'academy' }),
        studentsServed: 540,
      }),
    );
    expect(app.assessment!.every((r) => r.evidence === ERASED && r.level === 4)).toBe(true);
    // docs/DOMAIN.md, Personal data and the record of reasons: a reviewer's comment is the record's, not the applicant's.
    expect(app.reviewers['rev-a'].scores!.every((s) => s.comment.startsWith('Seen during the visit') && s.level === 4)).toBe(true);
    expect(app.status).toBe('UnderReview');
  });

  it("seals a reviewer's comments under the application's record key: neither person's erasure reaches them, its shredding does", async () => {
    await scored();
    const scores = (await stored.readStream(STREAM)).events.find((e) => e.type === 'ScoresSubmitted')!;
    expect(scores.metadata.dataSubjects).toEqual({ record: recordSubject(keys, APP_ID) });
    await keys.destroy([userSubject(keys, 'rev-a'), emailSubject(keys, 'leader@riverside.edu')]);
    expect((await state()).reviewers['rev-a'].scores!.map((s) => s.comment)).toEqual(scoresAt(4).map((s) => s.comment));

    expect(await keys.destroy([recordSubject(keys, APP_ID)])).toBe(1);
    const app = await state();
    expect(app.reviewers['rev-a'].scores!.map((s) => s.comment)).toEqual(Array(16).fill(ERASED));
    expect(app.reviewers['rev-a'].scores!.every((s) => s.level === 4)).toBe(true);
    expect(verifyChain((await stored.readStream(STREAM)).events)).toEqual({ ok: true });
  });

  it('keys later events to the applicant found in the stream, with a fresh key once the old one is destroyed', async () => {
    await run(cmd.submitSurvey());
    await keys.destroy([emailSubject(keys, 'leader@riverside.edu')]);
    await run(cmd.accept());
    await run(cmd.extend('2026-03-01T09:00:00.000Z', T0, 'Leader Ada Rivers asked for more time'));

    const [submitted, , extended] = (await store.readStream(STREAM)).events;
    expect((submitted.data as { survey: { leaderName: string } }).survey.leaderName).toBe(ERASED);
    expect(extended.data).toEqual(expect.objectContaining({ reason: 'Leader Ada Rivers asked for more time' }));
    expect(extended.metadata.dataSubjects).toEqual({ applicant: emailSubject(keys, 'leader@riverside.edu') });
    expect(await rawJson()).not.toContain('Ada Rivers');
  });

  it("seals a notification's recipient under theirs and its subject under the applicant's key, found from the application", async () => {
    await run(cmd.submitSurvey());
    const notificationId = 'n-1';
    const data = {
      notificationId,
      template: 'decision',
      applicationId: APP_ID,
      causedBy: 'e-1',
      recipientEmail: 'leader@riverside.edu',
      recipientUserId: null,
      subject: 'Decision on APP-2026-ABC',
      link: 'http://x.test',
      messageId: '<m@x>',
    };
    const actor = { id: 'notifications', role: 'system' as const };
    await handle(
      store,
      notificationStream(notificationId),
      notificationDecider,
      { type: 'RecordNotificationSent', data, metadata: { now: T0, actor } },
      { actorId: actor.id, actorRole: actor.role, now: T0 },
    );

    const [raw] = (await stored.readStream(notificationStream(notificationId))).events;
    expect(JSON.stringify(raw.data)).not.toContain('leader@riverside.edu');
    expect(raw.metadata.dataSubjects).toEqual({
      recipient: emailSubject(keys, 'leader@riverside.edu'),
      applicant: emailSubject(keys, 'leader@riverside.edu'),
    });
    expect((await store.readStream(notificationStream(notificationId))).events[0].data).toEqual(
      expect.objectContaining({ ...data, sentAt: T0 }),
    );
  });

  it('reads events written before encryption as they were, and seals what follows under the applicant of their clear survey', async () => {
    await run(cmd.submitSurvey(), stored);
    await run(cmd.accept());
    await run(cmd.extend('2026-03-01T09:00:00.000Z', T0, 'Dr. Ada Rivers was ill'));

    const [legacy, , extended] = (await stored.readStream(STREAM)).events;
    expect((legacy.data as { survey: { leaderName: string } }).survey.leaderName).toBe('Dr. Ada Rivers');
    expect(legacy.metadata.dataSubjects).toBeUndefined();
    expect(isEnvelope((extended.data as { reason: string }).reason)).toBe(true);
    expect(extended.metadata.dataSubjects).toEqual({ applicant: emailSubject(keys, 'leader@riverside.edu') });
    expect((await store.readStream(STREAM)).events[2].data).toEqual(expect.objectContaining({ reason: 'Dr. Ada Rivers was ill' }));
  });

  it("seals with the applicant remembered from handle()'s own read, and reads the stream for an append made without one", async () => {
    const counted = new CountingReads(stored);
    store = new ProtectedEventStore(counted, keys);
    await run(cmd.submitSurvey());
    await run(cmd.accept());
    await run(cmd.extend('2026-03-01T09:00:00.000Z', T0, 'Dr. Ada Rivers was ill'));
    expect(counted.reads).toBe(3);

    // Appended straight after, without reading the stream at its new version: found by a read of its own.
    const extended: NewEvent = {
      id: 'e-extended',
      type: 'AssessmentDeadlineExtended',
      schemaVersion: 1,
      data: { applicationId: APP_ID, reason: 'Dr. Ada Rivers was ill' },
      metadata: { actorId: 'staff-1', actorRole: 'staff', correlationId: 'c-1', causationId: null, occurredAt: T0 },
    };
    await store.appendToStream(STREAM, [extended], { expectedVersion: 3 });
    expect(counted.reads).toBe(4);
    const raw = (await stored.readStream(STREAM)).events;
    const leader = { applicant: emailSubject(keys, 'leader@riverside.edu') };
    // The acceptance holds no personal data, so names no subject.
    expect(raw.map((e) => e.metadata.dataSubjects)).toEqual([leader, undefined, leader, leader]);
    expect(await rawJson()).not.toContain('Ada Rivers');
    expect(verifyChain(raw)).toEqual({ ok: true });
  });

  it('names a field of every application event that holds names or free text', () => {
    // A new event type with a free-text field must be listed in PERSONAL_FIELDS; this keeps the list in sight.
    const sealed = APPLICATION_EVENT_TYPES.filter((t) => (PERSONAL_FIELDS[t] ?? []).length > 0);
    expect(sealed).toEqual([
      'SurveySubmitted',
      'NominationLinked',
      'NominationClaimed',
      'SurveyAmended',
      'SurveyRejected',
      'AssessmentDraftSaved',
      'AssessmentSubmitted',
      'AssessmentDeadlineExtended',
      'ReviewerReleased',
      'ScoresDraftSaved',
      'ScoresSubmitted',
      'AdjudicationResolved',
      'DecisionRecorded',
      'ProgressUpdateSubmitted',
      'ProgressConfirmationRecorded',
      'AppealFiled',
      'EvidenceDocumentAttached',
      'EvidenceLinkAdded',
    ]);
  });
});
