import { randomUUID } from 'node:crypto';
import { Clock } from '@cert/config';
import { ERASED, applicationDecider, applicationStream } from '@cert/domain';
import { SqliteEventStore, handle } from '@cert/event-store';
import { APP_ID, cmd } from '../../../domain/src/application/application.fixtures';
import { ProtectedEventStore } from '../privacy.module';
import { SubjectKeys, emailSubject, userSubject } from '../subject-keys';

/** A clock the test moves, for the `createdBy` cases. */
class MovableClock extends Clock {
  constructor(public at: string) {
    super();
  }
  now() {
    return new Date(this.at);
  }
}

/**
 * The subject-keys contract (docs/ARCHITECTURE.md, Distributed): every adapter runs it. `open` opens one more
 * instance on the SAME store (another connection, as another process or machine would hold), with the clock given;
 * instances on one store must agree on every subject id and key, and a destroy through one holds for all at once.
 * Stores may be shared between cases, so each case names subjects of its own.
 */
export function itBehavesLikeSubjectKeys(open: (clock?: Clock) => Promise<SubjectKeys>) {
  const opened: SubjectKeys[] = [];
  const instance = async (clock?: Clock) => {
    const keys = await open(clock);
    opened.push(keys);
    return keys;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((k) => k.close()));
  });
  const someone = () => `${randomUUID()}@school.example`;

  it('names a person by the same keyed hash on every instance, one per handle, with no email in it', async () => {
    const [a, b] = [await instance(), await instance()];
    const email = someone();
    const id = emailSubject(a, ` ${email.toUpperCase()} `);
    expect(emailSubject(b, email)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(emailSubject(b, someone())).not.toBe(id);
    expect(userSubject(a, email)).not.toBe(id);
  });

  it('gives one live key per subject, the same to every instance, and keys by id in one look-up', async () => {
    const [a, b] = [await instance(), await instance()];
    const [ada, bob] = [emailSubject(a, someone()), emailSubject(a, someone())];
    const adaKey = await a.keyFor(ada);
    expect(adaKey.key).toHaveLength(32);
    expect(await a.keyFor(ada)).toEqual(adaKey);
    expect(await b.keyFor(ada)).toEqual(adaKey);
    const bobKey = await b.keyFor(bob);
    expect(bobKey.keyId).not.toBe(adaKey.keyId);
    const unknown = randomUUID().replace(/-/g, '');
    expect(await a.keysById([adaKey.keyId, bobKey.keyId, unknown])).toEqual(
      new Map([
        [adaKey.keyId, adaKey.key],
        [bobKey.keyId, bobKey.key],
        [unknown, null],
      ]),
    );
    expect(await b.keyById(adaKey.keyId)).toEqual(adaKey.key);
    expect(await b.keysById([])).toEqual(new Map());
  });

  it('ends with one key when instances ask for a new subject’s first key at the same time', async () => {
    const instances = [await instance(), await instance(), await instance()];
    const subject = emailSubject(instances[0], someone());
    const answers = await Promise.all(instances.flatMap((k) => [k.keyFor(subject), k.keyFor(subject)]));
    expect(new Set(answers.map((a) => a.keyId)).size).toBe(1);
    expect(new Set(answers.map((a) => a.key.toString('hex'))).size).toBe(1);
    expect(await instances[2].keyFor(subject)).toEqual(answers[0]);
  });

  it('destroys a key for every instance as soon as destroy returns, once; a subject who comes back gets a new key', async () => {
    const [a, b] = [await instance(), await instance()];
    const [ada, bob] = [emailSubject(a, someone()), emailSubject(a, someone())];
    const adaKey = await a.keyFor(ada);
    const bobKey = await a.keyFor(bob);
    expect(await b.keyById(adaKey.keyId)).toEqual(adaKey.key);

    expect(await a.destroy([ada])).toBe(1);
    expect(await b.keyById(adaKey.keyId)).toBeNull();
    expect(await a.keyById(adaKey.keyId)).toBeNull();
    expect(await b.keyById(bobKey.keyId)).toEqual(bobKey.key);
    expect(await b.destroy([ada])).toBe(0);
    expect(await b.destroy([])).toBe(0);

    const fresh = await b.keyFor(ada);
    expect(fresh.keyId).not.toBe(adaKey.keyId);
    expect(await a.keyFor(ada)).toEqual(fresh);
    expect(await a.keyById(adaKey.keyId)).toBeNull();
  });

  it('with createdBy, destroys only the keys created by then', async () => {
    const clock = new MovableClock('2026-03-02T09:00:00.000Z');
    const [a, b] = [await instance(clock), await instance(clock)];
    const subject = emailSubject(a, someone());
    const key = await a.keyFor(subject);
    expect(await b.destroy([subject], '2026-03-01T23:59:59.999Z')).toBe(0);
    expect(await a.keyById(key.keyId)).toEqual(key.key);
    expect(await b.destroy([subject], '2026-03-02T09:00:00.000Z')).toBe(1);
    expect(await a.keyById(key.keyId)).toBeNull();
  });

  it('opens on one instance what the protected store sealed through another, and reads it erased once destroyed', async () => {
    const [a, b] = [await instance(), await instance()];
    // The log both processes share: what matters here is that each seals and opens with its own key-store instance.
    const log = SqliteEventStore.open(':memory:');
    const [onA, onB] = [new ProtectedEventStore(log, a), new ProtectedEventStore(log, b)];
    const stream = applicationStream(APP_ID);
    const command = cmd.submitSurvey();
    await handle(onA, stream, applicationDecider, command, {
      actorId: command.metadata.actor.id,
      actorRole: command.metadata.actor.role,
      now: command.metadata.now,
    });
    const survey = async (store: ProtectedEventStore) =>
      ((await store.readStream(stream)).events[0].data as { survey: { leaderName: string; contactEmail: string } }).survey;
    const stored = (await log.readStream(stream)).events[0].data as { survey: { leaderName: string } };
    expect(stored.survey.leaderName).toMatch(/^pii:v1:/);
    expect(await survey(onB)).toEqual(expect.objectContaining({ leaderName: 'Dr. Ada Rivers', contactEmail: 'leader@riverside.edu' }));

    expect(await a.destroy([emailSubject(a, 'leader@riverside.edu')])).toBe(1);
    expect(await survey(onB)).toEqual(expect.objectContaining({ leaderName: ERASED, contactEmail: ERASED }));
    expect(await survey(onA)).toEqual(expect.objectContaining({ leaderName: ERASED }));
    await log.close();
  });
}
