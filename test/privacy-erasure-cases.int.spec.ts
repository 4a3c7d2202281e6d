import { ERASED } from '@cert/domain';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { SubjectKeys, emailSubject, recordSubject } from '@cert/privacy';
import { LogRunner } from '@cert/projections';
import { ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** An erased person who comes back starts afresh; their erased application stays erased and is not joined. */
describe('after an erasure, the same person applies again', () => {
  let t: TestApp;
  let staff: Session;
  afterAll(() => t?.close());

  it('opens a new application instead of linking the new survey to the erased one', async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    const survey = surveyFor('Ida Returner', 'ida@comeback.example', 'Comeback STEM Lab');
    let ida = await signInByEmail(t, 'ida@comeback.example');
    const first = (await t.http().post('/applications').set(ida.auth).send(survey).expect(201)).body.applicationId as string;
    await settle(t);

    await t.http().post('/privacy/erasures').set(staff.auth).send({ email: 'ida@comeback.example' }).expect(201);
    await t.get(LogRunner).catchUp();

    ida = await signInByEmail(t, 'ida@comeback.example');
    const again = await t.http().post('/applications').set(ida.auth).send(survey).expect(201);
    expect(again.body).toEqual(expect.objectContaining({ duplicate: false, events: ['SurveySubmitted'] }));
    expect(again.body.applicationId).not.toBe(first);
    await t.get(LogRunner).catchUp();

    const mine = (await t.http().get('/applications').set(ida.auth).expect(200)).body as { application: { id: string } }[];
    expect(mine.map((i) => i.application.id)).toEqual([again.body.applicationId]);
    const old = (await t.http().get(`/applications/${first}`).set(staff.auth).expect(200)).body;
    expect(old).toEqual(expect.objectContaining({ status: 'Screening', leaderName: ERASED, nominators: [] }));
    // A second survey from her, while the new one is open, joins the new one as before.
    const duplicate = await t.http().post('/applications').set(ida.auth).send(survey).expect(201);
    expect(duplicate.body).toEqual(expect.objectContaining({ applicationId: again.body.applicationId, duplicate: true }));
  });
});

describe('erasing a reviewer', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  // docs/DOMAIN.md, Erasure: their identity goes; what they wrote in office stays in the record of reasons.
  it('erases their account; their comments stay in the record until its retention ends, and the answer says so', async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    const staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    const rita = await signInWithPassword(t, 'reviewer', 'rita@north.edu', { institution: 'North College', region: 'Ontario' });
    const sam = await signInWithPassword(t, 'reviewer', 'sam@east.edu', { institution: 'East University', region: 'Kenya' });
    const leader = await signInByEmail(t, 'lee@school.example');
    const id = (
      await t
        .http()
        .post('/applications')
        .set(leader.auth)
        .send(surveyFor('Lee Leader', 'lee@school.example', 'Lee School'))
        .expect(201)
    ).body.applicationId;
    await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(leader.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [rita.id, sam.id] })
      .expect(201);
    for (const r of [rita, sam]) {
      const comments = scores(3).map((s) => ({ ...s, comment: `Rita-or-Sam note on ${s.indicator}` }));
      await t
        .http()
        .post(`/applications/${id}/scores`)
        .set(r.auth)
        .send({ scores: comments, recommendation: 'CharterMembership' })
        .expect(201);
    }
    await settle(t);

    const erased = await t.http().post('/privacy/erasures').set(staff.auth).send({ email: 'rita@north.edu' }).expect(201);
    expect(erased.body).toEqual(
      expect.objectContaining({
        accountRemoved: true,
        erasedNow: expect.arrayContaining(['Their account: name, email, institution and region.']),
        retained: [
          expect.objectContaining({
            applicationId: id,
            as: 'reviewer',
            standing: 'open',
            until: 'Kept while the application is open; its retention starts when it closes (its final decision, or a rejection).',
            counts: { kept: 32, shredded: 0, erasedWithPerson: 0, underPeoplesKeys: 0 },
          }),
        ],
      }),
    );

    const reviews = (await t.http().get(`/applications/${id}/scores`).set(staff.auth).expect(200)).body as {
      reviewerId: string;
      scores: { level: number; comment: string }[];
    }[];
    const byReviewer = Object.fromEntries(reviews.map((r) => [r.reviewerId, r.scores]));
    expect(byReviewer[rita.id].every((s) => s.comment.startsWith('Rita-or-Sam note') && s.level === 3)).toBe(true);
    expect(byReviewer[sam.id].every((s) => s.comment.startsWith('Rita-or-Sam note'))).toBe(true);
    expect((await t.http().get(`/applications/${id}`).set(staff.auth).expect(200)).body).toEqual(
      expect.objectContaining({ leaderName: 'Lee Leader', status: 'AwaitingDecision' }),
    );
    expect(await t.get(IdentityStore).findByEmail('rita@north.edu')).toBeNull();
    expect(erased.body.keysDestroyed).toBeGreaterThan(0);
  });
});

// docs/DOMAIN.md, Personal data and the record of reasons: a survey that was not accepted keeps its reason 3 years
// (decision-policy.v1), through the leader's erasure; then the timer shreds it, and the kept mail that quoted it.
describe('a survey not accepted', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('keeps the reason 3 years after the rejection, through her erasure, tags the mail quoting it with the record, then shreds it', async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    const staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    const leader = await signInByEmail(t, 'rae@reading.example');
    const survey = surveyFor('Rae Reader', 'rae@reading.example', 'Reading Circle');
    const id = (await t.http().post('/applications').set(leader.auth).send(survey).expect(201)).body.applicationId as string;
    const reason = 'A reading circle, with no science, technology or mathematics in its program.';
    await t.http().post(`/applications/${id}/screening/reject`).set(staff.auth).send({ reason }).expect(200);
    await settle(t);

    const keys = t.get(SubjectKeys);
    const mail = t.mailer.to('rae@reading.example').find((m) => m.text.includes(reason))!;
    expect(mail.subjects).toEqual([emailSubject(keys, 'rae@reading.example'), recordSubject(keys, id)]);

    const erased = await t.http().post('/privacy/erasures').set(staff.auth).send({ email: 'rae@reading.example' }).expect(201);
    expect(erased.body.retained).toEqual([
      expect.objectContaining({
        applicationId: id,
        standing: 'kept',
        until: 'Kept until 2029-03-02: 3 years after the survey was not accepted (decision-policy.v1).',
        counts: { kept: 1, shredded: 0, erasedWithPerson: 0, underPeoplesKeys: 0 },
      }),
    ]);
    const stream = () => t.get(EventStore).readStream(`application-${id}`);
    expect((await stream()).events.find((e) => e.type === 'SurveyRejected')!.data).toEqual(expect.objectContaining({ reason }));

    t.clock.set('2029-03-02T09:00:00.000Z');
    await settle(t);
    const { events } = await stream();
    expect(events.find((e) => e.type === 'SurveyRejected')!.data).toEqual(expect.objectContaining({ reason: ERASED }));
    expect(events.filter((e) => e.type === 'RecordOfReasonsShredded').map((e) => e.data)).toEqual([
      expect.objectContaining({
        rule: 'after-rejection',
        retentionYears: 3,
        held: [{ type: 'SurveyRejected', field: 'reason', count: 1 }],
      }),
    ]);
  });
});
