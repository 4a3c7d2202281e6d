import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApplicationCommand,
  ERASED,
  OpenApplication,
  RecordOfReasonsShredded,
  ScoresSubmitted,
  applicationDecider,
  applicationStream,
} from '@cert/domain';
import { EventStore, SqliteEventStore, handle, verifyChain } from '@cert/event-store';
import { OutboxMailer } from '@cert/mail';
import { FixedClock } from '@cert/testing';
import { APP_ID, T0, candidate, cmd, ratingsAt, scoresAt, timer } from '../../domain/src/application/application.fixtures';
import { replayErasures } from './erasure';
import { encryptField } from './field-cipher';
import { ProtectedEventStore } from './privacy.module';
import { recordOfReasons } from './record-of-reasons';
import { ShredRecordOfReasonsCommand, ShredRecordOfReasonsHandler } from './record-retention';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { emailSubject, recordSubject, userSubject } from './subject-keys';

/**
 * docs/DOMAIN.md, Personal data and the record of reasons: reasons sealed under the application's record key, kept
 * through the people's erasure and shredded at the end of the retention; and reasons sealed as the release before
 * this one sealed them (under the applicant's and the reviewer's keys), which still open and go with those people.
 */
const STREAM = applicationStream(APP_ID);
const REJECTED_AT = T0;
const RETAINED_UNTIL = '2029-01-10T09:00:00.000Z'; // 3 years after a rejection (decision-policy.v1)
const REASON = 'A reading club, not a STEM program.';
const LEADER = 'leader@riverside.edu';

describe('the record of reasons', () => {
  let dir: string;
  let stored: SqliteEventStore;
  let keys: SqliteSubjectKeys;
  let store: EventStore;
  let clock: FixedClock;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'record-'));
    clock = new FixedClock(T0);
    stored = SqliteEventStore.open(':memory:');
    keys = SqliteSubjectKeys.open(join(dir, 'keys.sqlite'), clock);
    store = new ProtectedEventStore(stored, keys);
  });
  afterEach(async () => {
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (command: ApplicationCommand) =>
    handle(store, STREAM, applicationDecider, command, {
      actorId: command.metadata.actor.id,
      actorRole: command.metadata.actor.role,
      now: command.metadata.now,
    });
  const read = async () => (await store.readStream(STREAM)).events;
  const state = async () => (await read()).reduce(applicationDecider.evolve as never, applicationDecider.initialState()) as OpenApplication;

  describe('sealed as the release before this one sealed it', () => {
    /** A ScoresSubmitted as the earlier release stored it: each comment under the applicant's key, then the reviewer's. */
    const appendOldScores = async () => {
      const owners = [emailSubject(keys, LEADER), userSubject(keys, 'rev-a')];
      const live = await Promise.all(owners.map((subject) => keys.keyFor(subject)));
      const seal = (text: string) => live.reduce((value, { keyId, key }) => encryptField(value, keyId, key), text);
      const data: ScoresSubmitted['data'] = {
        applicationId: APP_ID,
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
        reviewerId: 'rev-a',
        scores: scoresAt(4).map((s) => ({ ...s, comment: seal(s.comment) })),
        recommendation: 'CharterMembership',
        submittedAt: T0,
      };
      const { version } = await stored.readStream(STREAM);
      await stored.appendToStream(
        STREAM,
        [
          {
            id: 'old-scores',
            type: 'ScoresSubmitted',
            schemaVersion: 1,
            data,
            metadata: {
              dataSubjects: { applicant: owners[0], reviewer: owners[1] },
              actorId: 'rev-a',
              actorRole: 'reviewer',
              correlationId: 'c-old',
              causationId: null,
              occurredAt: T0,
            },
          },
        ],
        { expectedVersion: version },
      );
    };

    it('still opens, needs no schema bump, and says the comments go with the applicant or the reviewer', async () => {
      for (const c of [cmd.submitSurvey(), cmd.accept(), cmd.submitAssessment(ratingsAt(4)), cmd.assignManual([candidate('rev-a')])])
        await run(c);
      await appendOldScores();
      const old = (await read()).find((e) => e.id === 'old-scores')!;
      expect(old.schemaVersion).toBe(1);
      expect((old.data as ScoresSubmitted['data']).scores.map((s) => s.comment)).toEqual(scoresAt(4).map((s) => s.comment));

      const before = recordOfReasons(APP_ID, await read()).reasons.find((r) => r.version === old.version)!;
      expect(before).toEqual(expect.objectContaining({ type: 'ScoresSubmitted', count: 16, sealedUnder: 'people', reads: 'readable' }));
      expect(before.note).toMatch(/^Sealed under the key of the applicant or the reviewer, as written before reasons were kept apart/);

      // The applicant's erasure takes them, as it did when they were written; the record never held them.
      await keys.destroy([emailSubject(keys, LEADER)]);
      const view = recordOfReasons(APP_ID, await read());
      expect(view.reasons.find((r) => r.version === old.version)).toEqual(
        expect.objectContaining({
          reads: 'erased-with-person',
          note: 'Erased with the applicant or the reviewer before reasons were kept apart.',
        }),
      );
      expect(view.counts).toEqual({ kept: 0, shredded: 0, erasedWithPerson: 16, underPeoplesKeys: 0 });
      expect(verifyChain((await stored.readStream(STREAM)).events)).toEqual({ ok: true });
    });
  });

  describe('shredded by the retention timer', () => {
    let outbox: string;
    let handler: ShredRecordOfReasonsHandler;
    const fire = (now: string, retainedUntil = RETAINED_UNTIL) => {
      clock.set(now);
      return handler.execute(new ShredRecordOfReasonsCommand(APP_ID, retainedUntil, timer));
    };
    beforeEach(async () => {
      outbox = join(dir, 'outbox');
      const mailer = new OutboxMailer(outbox, 'IASL <cert@iasl.test>', clock);
      handler = new ShredRecordOfReasonsHandler(store, keys, mailer, clock);
      await run(cmd.submitSurvey());
      await run(cmd.reject(REASON, REJECTED_AT));
      // The kept copy of the mail that quoted the reason carries the record's subject, as the work side tags it.
      await mailer.send({ to: LEADER, subject: 'Your survey was not accepted', text: REASON, subjects: [recordSubject(keys, APP_ID)] });
      await mailer.send({ to: LEADER, subject: 'Survey received', text: 'Thank you.', subjects: [emailSubject(keys, LEADER)] });
    });

    it("keeps the reason through the applicant's erasure, until its retention ends", async () => {
      await keys.destroy([emailSubject(keys, LEADER)]);
      expect((await read())[1].data).toEqual(expect.objectContaining({ reason: REASON }));
      const view = recordOfReasons(APP_ID, await read());
      expect(view).toEqual(
        expect.objectContaining({
          standing: 'kept',
          retention: {
            rule: 'after-rejection',
            years: 3,
            policyVersion: 'decision-policy.v1',
            closedAt: REJECTED_AT,
            retainedUntil: RETAINED_UNTIL,
          },
          until: 'Kept until 2029-01-10: 3 years after the survey was not accepted (decision-policy.v1).',
          counts: { kept: 1, shredded: 0, erasedWithPerson: 0, underPeoplesKeys: 0 },
        }),
      );
      expect(await fire('2029-01-10T08:59:59.000Z')).toEqual(expect.objectContaining({ events: [] }));
      expect((await read())[1].data).toEqual(expect.objectContaining({ reason: REASON }));
    });

    it('destroys the record key, deletes the mail that quoted it, and records what it held, once', async () => {
      const result = await fire(RETAINED_UNTIL);
      expect(result.events).toEqual(['RecordOfReasonsShredded']);
      const events = await read();
      expect(events[1].data).toEqual(expect.objectContaining({ reason: ERASED }));
      expect(events.at(-1)).toEqual(
        expect.objectContaining({
          type: 'RecordOfReasonsShredded',
          metadata: expect.objectContaining({ actorRole: 'system' }),
          data: expect.objectContaining({
            rule: 'after-rejection',
            retentionYears: 3,
            retainedUntil: RETAINED_UNTIL,
            held: [{ type: 'SurveyRejected', field: 'reason', count: 1 }],
            notReached: [],
            shreddedAt: RETAINED_UNTIL,
          }) satisfies Partial<RecordOfReasonsShredded['data']>,
        }),
      );
      expect(readdirSync(outbox)).toHaveLength(1);
      expect((await state()).survey.leaderName).toBe('Dr. Ada Rivers');
      expect(recordOfReasons(APP_ID, events)).toEqual(
        expect.objectContaining({
          standing: 'shredded',
          shreddedAt: RETAINED_UNTIL,
          until: 'Shredded 2029-01-10 at the end of its retention: 3 years after the survey was not accepted (decision-policy.v1).',
          counts: { kept: 0, shredded: 1, erasedWithPerson: 0, underPeoplesKeys: 0 },
        }),
      );
      expect(verifyChain((await stored.readStream(STREAM)).events)).toEqual({ ok: true });

      // Fired again, late, or for another date: nothing more.
      expect(await fire('2029-02-01T00:00:00.000Z')).toEqual(expect.objectContaining({ events: [] }));
      expect(await fire('2029-02-01T00:00:00.000Z', '2029-01-09T09:00:00.000Z')).toEqual(expect.objectContaining({ events: [] }));
      expect((await read()).filter((e) => e.type === 'RecordOfReasonsShredded')).toHaveLength(1);
    });

    it('is destroyed again by privacy:reconcile after the key store is restored from an older backup', async () => {
      await keys.close();
      copyFileSync(join(dir, 'keys.sqlite'), join(dir, 'backup.sqlite'));
      keys = SqliteSubjectKeys.open(join(dir, 'keys.sqlite'), clock);
      store = new ProtectedEventStore(stored, keys);
      handler = new ShredRecordOfReasonsHandler(store, keys, new OutboxMailer(outbox, 'IASL <cert@iasl.test>', clock), clock);
      await fire(RETAINED_UNTIL);

      await keys.close();
      copyFileSync(join(dir, 'backup.sqlite'), join(dir, 'keys.sqlite'));
      keys = SqliteSubjectKeys.open(join(dir, 'keys.sqlite'), clock);
      store = new ProtectedEventStore(stored, keys);
      expect((await read())[1].data).toEqual(expect.objectContaining({ reason: REASON }));
      expect(await replayErasures(stored, keys)).toEqual({ erasures: 1, keysDestroyed: 1 });
      expect((await read())[1].data).toEqual(expect.objectContaining({ reason: ERASED }));
    });
  });
});
