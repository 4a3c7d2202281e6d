import { EventStore } from '@cert/event-store';
import { LogRunner } from '@cert/projections';
import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * Three applications through the HTTP API with real sign-ins, from survey to
 * decision (Program of Excellence, charter membership, not yet ready), with an extension, a stale expiry,
 * a disagreement that needs adjudication, a board overrule, and a lapse.
 */
describe('the certification lifecycle over HTTP', () => {
  let t: TestApp;
  let staff: Session, board: Session, auditor: Session;
  const reviewers: Record<'north' | 'east' | 'west' | 'riverside', Session> = {} as never;

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    reviewers.north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    reviewers.east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    reviewers.west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute', region: 'Chile' });
    // Works at the first applicant's school: must never be assigned to it.
    reviewers.riverside = await signInWithPassword(t, 'reviewer', 'teacher@riverside.edu', {
      institution: 'Riverside STEM Academy',
      region: 'South Carolina',
    });
  });

  afterAll(() => t.close());

  /** Time passes for everyone: sessions last 12 hours, so people sign in again, as they would. */
  async function travelTo(iso: string) {
    t.clock.set(iso);
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    for (const key of Object.keys(reviewers) as (keyof typeof reviewers)[]) {
      reviewers[key] = await signInWithPassword(t, 'reviewer', reviewers[key].email);
    }
  }
  const daysFromNow = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

  const head = () =>
    t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
  const read = (path: string, who: Session, after?: string | null) =>
    t
      .http()
      .get(after ? `${path}?after=${after}` : path)
      .set(who.auth);

  async function submitAndAccept(who: Session, institution: string) {
    const res = await t
      .http()
      .post('/applications')
      .set(who.auth)
      .send(surveyFor(who.email, who.email, institution))
      .expect(201);
    expect(res.body).toEqual(expect.objectContaining({ duplicate: false, events: ['SurveySubmitted'] }));
    const id: string = res.body.applicationId;
    const accepted = await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    return { id, position: accepted.body.position as string };
  }

  function score(id: string, who: Session, level: number, overrides: Record<string, number> = {}, recommendation = 'CharterMembership') {
    return t
      .http()
      .post(`/applications/${id}/scores`)
      .set(who.auth)
      .send({ scores: scores(level, overrides), recommendation });
  }

  it('takes one application to STEM Program of Excellence, auto-assigning reviewers without a conflict', async () => {
    const alice = await signInByEmail(t, 'alice@riverside.edu');
    const { id, position } = await submitAndAccept(alice, 'Riverside STEM Academy');

    await settle(t);
    const invitation = t.mailer.to('alice@riverside.edu').find((m) => m.subject.startsWith('You are invited'));
    expect(invitation?.text).toMatch(/APP-2026-[0-9A-F]{6}/);
    const summary = await read(`/applications/${id}`, alice, position).expect(200);
    expect(summary.body).toEqual(
      expect.objectContaining({
        status: 'AwaitingAssessment',
        dueAt: '2026-04-01T09:00:00.000Z',
        reference: expect.stringMatching(/^APP-2026-/),
      }),
    );

    // A draft is saved, restored and revised before submission.
    await t
      .http()
      .put(`/applications/${id}/assessment/draft`)
      .set(alice.auth)
      .send({ ratings: ratings(3, CODES.slice(0, 8)) })
      .expect(200);
    const draft = await t
      .http()
      .put(`/applications/${id}/assessment/draft`)
      .set(alice.auth)
      .send({ ratings: ratings(4, CODES.slice(0, 8)) })
      .expect(200);
    const restored = await read(`/applications/${id}/assessment`, alice, draft.body.position).expect(200);
    expect(restored.body).toHaveLength(8);
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(alice.auth)
      .send({ ratings: ratings(4, CODES.slice(8)) })
      .expect(201);

    const assigned = await t.http().post(`/applications/${id}/reviewers`).set(staff.auth).send({ mode: 'auto', count: 2 }).expect(201);
    expect(assigned.body.events).toEqual(['ReviewerAssigned', 'ReviewerAssigned']);
    const app = await read(`/applications/${id}`, staff, assigned.body.position).expect(200);
    const assignedIds = app.body.reviewers.map((r: { reviewerId: string }) => r.reviewerId);
    expect(assignedIds).not.toContain(reviewers.riverside.id);
    expect(assignedIds).toHaveLength(2);

    const [first, second] = Object.values(reviewers).filter((r) => assignedIds.includes(r.id));
    await score(id, first, 4, {}, 'ProgramOfExcellence').expect(201);
    const last = await score(id, second, 5, {}, 'ProgramOfExcellence').expect(201);
    expect(last.body.events).toEqual(['ScoresSubmitted', 'RecommendationComputed']);

    const queue = await read('/board/queue', board, last.body.position).expect(200);
    expect(queue.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ applicationId: id, recommendation: 'ProgramOfExcellence' })]),
    );

    const decided = await t
      .http()
      .post(`/applications/${id}/decision`)
      .set(board.auth)
      .send({ outcome: 'ProgramOfExcellence' })
      .expect(200);
    expect(decided.body.events).toEqual(['DecisionRecorded', 'GrowthReportIssued']);
    const final = await read(`/applications/${id}`, alice, decided.body.position).expect(200);
    expect(final.body).toEqual(expect.objectContaining({ status: 'Decided', decisionOutcome: 'ProgramOfExcellence' }));
  });

  it('takes one to charter membership through an extension, a stale expiry and an adjudicated disagreement', async () => {
    let bob = await signInByEmail(t, 'bob@hillside.org');
    const { id } = await submitAndAccept(bob, 'Hillside Middle School');

    await t
      .http()
      .post(`/applications/${id}/deadline-extensions`)
      .set(staff.auth)
      .send({ dueAt: '2026-04-15T09:00:00.000Z', reason: 'Spring break moved by the district' })
      .expect(201);

    // The original due date passes: its timer still fires, and decides nothing, because the due date moved.
    await travelTo('2026-04-02T09:00:00.000Z');
    bob = await signInByEmail(t, bob.email);
    await settle(t);
    const history = await read(`/applications/${id}/timeline`, staff).expect(200);
    expect(history.body.map((e: { type: string }) => e.type)).not.toContain('ApplicationLapsed');
    expect((await read(`/applications/${id}`, bob).expect(200)).body.status).toBe('AwaitingAssessment');

    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(bob.auth)
      .send({ ratings: ratings(3) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewers.north.id, reviewers.east.id] })
      .expect(201);
    await score(id, reviewers.north, 3).expect(201);
    const disputed = await score(id, reviewers.east, 3, { [CODES[5]]: 5 }).expect(201);
    expect(disputed.body.events).toEqual(['ScoresSubmitted', 'AdjudicationRequired']);

    const ruled = await t
      .http()
      .post(`/applications/${id}/adjudication`)
      .set(board.auth)
      .send({ rulings: [{ indicator: CODES[5], level: 3 }], justification: 'Evidence supports level 3 only.' })
      .expect(200);
    expect(ruled.body.events).toEqual(['AdjudicationResolved', 'RecommendationComputed']);

    const decided = await t.http().post(`/applications/${id}/decision`).set(board.auth).send({ outcome: 'CharterMembership' }).expect(200);
    const final = await read(`/applications/${id}`, bob, decided.body.position).expect(200);
    expect(final.body).toEqual(expect.objectContaining({ status: 'Decided', decisionOutcome: 'CharterMembership' }));
  });

  it('takes one to not yet ready by a justified overrule, with a growth report toward the next level', async () => {
    const carol = await signInByEmail(t, 'carol@lakeside.net');
    const { id } = await submitAndAccept(carol, 'Lakeside Outreach Center');
    await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(carol.auth)
      .send({ ratings: ratings(2) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewers.west.id, reviewers.north.id] })
      .expect(201);
    await score(id, reviewers.west, 2).expect(201);
    const recommended = await score(id, reviewers.north, 2).expect(201);
    const item = await read(`/board/queue/${id}`, board, recommended.body.position).expect(200);
    expect(item.body.recommendation).toBe('CharterMembership');

    const unjustified = await t.http().post(`/applications/${id}/decision`).set(board.auth).send({ outcome: 'NotYetReady' }).expect(422);
    expect(unjustified.body.code).toBe('decision.justification_required');

    const why = 'The site visit found the program paused since January; re-apply after a full year.';
    const decided = await t
      .http()
      .post(`/applications/${id}/decision`)
      .set(board.auth)
      .send({ outcome: 'NotYetReady', justification: why })
      .expect(200);
    const report = await read(`/applications/${id}/growth-report`, carol, decided.body.position).expect(200);
    expect(report.body.items).toHaveLength(16);
    expect(report.body.items[0]).toEqual(
      expect.objectContaining({ currentLevel: 2, nextLevel: 3, goal: expect.stringMatching(/^Refining and Expanding: /) }),
    );

    const timeline = await read(`/applications/${id}/timeline`, auditor).expect(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['SurveySubmitted', 'DecisionRecorded', 'GrowthReportIssued']),
    );
  });

  it('lapses an application whose assessment window closes, and staff can reopen it', async () => {
    let dave = await signInByEmail(t, 'dave@prairie.edu');
    const { id } = await submitAndAccept(dave, 'Prairie District');
    await travelTo(daysFromNow(30.001));
    dave = await signInByEmail(t, dave.email);
    await settle(t);
    const lapsedAt = await head();
    expect(await settle(t)).toBe(0);
    expect(await head()).toBe(lapsedAt);
    expect(t.mailer.to('dave@prairie.edu').map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/lapsed/)]));
    const late = await t
      .http()
      .post(`/applications/${id}/assessment`)
      .set(dave.auth)
      .send({ ratings: ratings(3) })
      .expect(409);
    expect(late.body.code).toBe('assessment.not_open');
    const reopened = await t
      .http()
      .post(`/applications/${id}/deadline-extensions`)
      .set(staff.auth)
      .send({ dueAt: daysFromNow(14), reason: 'Leader was on medical leave' })
      .expect(201);
    const app = await read(`/applications/${id}`, dave, reopened.body.position).expect(200);
    expect(app.body.status).toBe('AwaitingAssessment');
  });

  it('links a duplicate nomination of the same leader and institution instead of opening a second application', async () => {
    const erin = await signInByEmail(t, 'erin@harbor.edu');
    const first = await t
      .http()
      .post('/applications')
      .set(erin.auth)
      .send(surveyFor('Erin', 'erin@harbor.edu', 'Harbor High'))
      .expect(201);
    const fan = await signInByEmail(t, 'fan@parents.org');
    await read(`/applications/${first.body.applicationId}`, erin, first.body.position).expect(200);
    const again = await t
      .http()
      .post('/applications')
      .set(fan.auth)
      .send({ ...surveyFor('Erin', 'ERIN@harbor.edu', ' harbor high'), asNominator: true })
      .expect(201);
    // The nominator's answer says nothing of what it met: the same as a nomination that opened the application.
    expect(again.body).toEqual({ applicationId: first.body.applicationId, position: expect.any(String), nomination: true });
    const ack = await read(`/applications/${first.body.applicationId}`, fan, again.body.position).expect(200);
    expect(Object.keys(ack.body).sort()).toEqual(['id', 'received', 'reference', 'submittedAt']);
  });

  it('links nominations that race each other, before the read models have seen the first', async () => {
    const [leader, friend] = [await signInByEmail(t, 'hana@delta.edu'), await signInByEmail(t, 'friend@delta.org')];
    const runner = t.get(LogRunner);
    await runner.stop();
    try {
      const survey = surveyFor('Hana', 'hana@delta.edu', 'Delta Academy');
      const [a, b] = await Promise.all([
        t.http().post('/applications').set(leader.auth).send(survey).expect(201),
        t
          .http()
          .post('/applications')
          .set(friend.auth)
          .send({ ...survey, asNominator: true })
          .expect(201),
      ]);
      expect(a.body.applicationId).toBe(b.body.applicationId);
      // docs/DOMAIN.md, step 1: whichever lands first, the leader's answers are the application's (opened or claimed),
      // and the friend's is a nomination (opening it, or linked), whose answer does not say which.
      expect([['SurveySubmitted'], ['NominationClaimed']]).toContainEqual(a.body.events);
      expect(b.body).toEqual({ applicationId: a.body.applicationId, position: expect.any(String), nomination: true });
      const { events } = await t.get(EventStore).readStream(`application-${a.body.applicationId}`);
      const types = events.map((e) => e.type);
      expect(types).toEqual(
        a.body.events[0] === 'SurveySubmitted' ? ['SurveySubmitted', 'NominationLinked'] : ['SurveySubmitted', 'NominationClaimed'],
      );
    } finally {
      runner.start();
    }
  });

  it('shows the applicant their status but not who reviews them or what the engine recommended', async () => {
    const alice = await signInByEmail(t, 'alice@riverside.edu');
    const list = await read('/applications', alice).expect(200);
    const own = list.body.find((i: { role: string }) => i.role === 'applicant').application;
    expect(own).toEqual(expect.objectContaining({ status: 'Decided', decisionOutcome: 'ProgramOfExcellence' }));
    for (const hidden of ['reviewers', 'disputed', 'recommendation', 'recommendationRule', 'decisionOverruled'])
      expect(own).not.toHaveProperty(hidden);
    const single = await read(`/applications/${own.id}`, alice).expect(200);
    expect(single.body).not.toHaveProperty('reviewers');
    expect(single.body.survey).toEqual(
      expect.objectContaining({ institution: expect.objectContaining({ name: 'Riverside STEM Academy' }) }),
    );
  });
});
