import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * Blind review as an option per cycle (staff set it on `PUT /review-cycles/<year>`), and reviewers never
 * see other reviewers' scores, or anything computed from them, before they have submitted their own.
 */
describe('blind and sealed review over HTTP', () => {
  let t: TestApp;
  let staff: Session, board: Session, alice: Session, north: Session, west: Session;
  let X: string;
  const IDENTITY = [/alice rivers/i, /alice@riverside\.edu/i, /riverside stem academy/i];
  const leaks = (text: string) => IDENTITY.filter((p) => p.test(text)).map(String);

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College' });
    west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute' });
    alice = await signInByEmail(t, 'alice@riverside.edu');
    const survey = { ...surveyFor('Alice Rivers', alice.email, 'Riverside STEM Academy'), partners: ['Friends of Riverside STEM Academy'] };
    X = (await t.http().post('/applications').set(alice.auth).send(survey).expect(201)).body.applicationId;
    await t.http().post(`/applications/${X}/screening/accept`).set(staff.auth).expect(200);
    const evidence = ratings(4).map((r, i) =>
      i === 0 ? { ...r, evidence: 'Minutes signed by Alice Rivers for RIVERSIDE STEM ACADEMY' } : r,
    );
    await t.http().post(`/applications/${X}/assessment`).set(alice.auth).send({ ratings: evidence }).expect(201);
    await t
      .http()
      .post(`/applications/${X}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [north.id, west.id] })
      .expect(201);
    await settle(t);
  });

  afterAll(() => t?.close());

  it('is off by default: an assigned reviewer sees who applies', async () => {
    expect((await t.http().get('/review-cycles/2026').set(staff.auth).expect(200)).body).toEqual({
      cycle: '2026',
      blindReview: false,
      setAt: null,
      setBy: null,
      setByName: null,
    });
    const res = await t.http().get(`/applications/${X}`).set(north.auth).expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ leaderName: 'Alice Rivers', institutionName: 'Riverside STEM Academy', blindReview: false }),
    );
  });

  it('only staff set it, for a year', async () => {
    await t.http().put('/review-cycles/2026').set(board.auth).send({ blindReview: true }).expect(403);
    await t.http().put('/review-cycles/2026').set(north.auth).send({ blindReview: true }).expect(403);
    await t.http().put('/review-cycles/next-year').set(staff.auth).send({ blindReview: true }).expect(400);
    await t.http().put('/review-cycles/2026').set(staff.auth).send({ blindReview: 'yes' }).expect(400);
    const set = await t.http().put('/review-cycles/2026').set(staff.auth).send({ blindReview: true }).expect(200);
    expect(set.body).toEqual(expect.objectContaining({ cycle: '2026', blindReview: true, events: ['BlindReviewSet'] }));
    await settle(t);
    expect((await t.http().get('/review-cycles/2026').set(staff.auth).expect(200)).body).toEqual(
      expect.objectContaining({ blindReview: true, setBy: staff.id }),
    );
  });

  it('under blind review a reviewer sees no leader name, contact email or institution name in the application, assessment, timeline or worklist', async () => {
    const app = await t.http().get(`/applications/${X}`).set(north.auth).expect(200);
    expect(app.body).toEqual(
      expect.objectContaining({ id: X, leaderName: null, applicantEmail: null, institutionName: null, blindReview: true }),
    );
    expect(app.body.survey).toEqual(
      expect.objectContaining({
        leaderName: null,
        contactEmail: null,
        institution: expect.objectContaining({ name: null, region: 'South Carolina' }),
      }),
    );
    expect(app.body.survey.programDescription).toContain('[withheld: blind review]');

    const assessment = await t.http().get(`/applications/${X}/assessment`).set(north.auth).expect(200);
    expect(assessment.body).toHaveLength(CODES.length);
    expect(assessment.body[0].evidence).toBe('Minutes signed by [withheld: blind review] for [withheld: blind review]');

    const timeline = await t.http().get(`/applications/${X}/timeline`).set(north.auth).expect(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual(['SurveySubmitted', 'SurveyAccepted', 'AssessmentSubmitted']);
    const worklist = await t.http().get('/reviewers/me/assignments').set(north.auth).expect(200);
    expect(worklist.body).toEqual([expect.objectContaining({ applicationId: X, institutionName: null, blindReview: true })]);

    for (const res of [app, assessment, timeline, worklist]) expect(leaks(res.text)).toEqual([]);
  });

  it('staff, board and the applicant still see who applies', async () => {
    for (const who of [staff, board, alice]) {
      const res = await t.http().get(`/applications/${X}`).set(who.auth).expect(200);
      expect(res.body).toEqual(expect.objectContaining({ leaderName: 'Alice Rivers', institutionName: 'Riverside STEM Academy' }));
    }
  });

  it('a reviewer sees neither the other reviewers nor anything computed from their scores before submitting their own', async () => {
    await t
      .http()
      .post(`/applications/${X}/scores`)
      .set(west.auth)
      .send({ scores: scores(5), recommendation: 'ProgramOfExcellence' })
      .expect(201);
    await t
      .http()
      .put(`/applications/${X}/scores/draft`)
      .set(north.auth)
      .send({ scores: scores(2).slice(0, 3) })
      .expect(200);
    await settle(t);

    const app = await t.http().get(`/applications/${X}`).set(north.auth).expect(200);
    expect(app.body.reviewers).toEqual([expect.objectContaining({ reviewerId: north.id })]);
    for (const key of ['disputed', 'recommendation', 'overallMean', 'decisionOutcome', 'nominators', 'submittedBy'])
      expect(app.body).not.toHaveProperty(key);
    expect(app.text).not.toContain(west.id);
    const own = await t.http().get(`/applications/${X}/scores`).set(north.auth).expect(200);
    expect(own.body.map((s: { level: number; final: boolean }) => [s.level, s.final])).toEqual([
      [2, false],
      [2, false],
      [2, false],
    ]);
    const timeline = await t.http().get(`/applications/${X}/timeline`).set(north.auth).expect(200);
    expect(timeline.text).not.toContain('ScoresSubmitted');
    expect(timeline.text).not.toContain(west.id);
  });

  it('once their own scores are in, what follows from all scores appears (still without the other reviewers)', async () => {
    await t
      .http()
      .post(`/applications/${X}/scores`)
      .set(north.auth)
      .send({ scores: scores(5), recommendation: 'ProgramOfExcellence' })
      .expect(201);
    await settle(t);
    const app = await t.http().get(`/applications/${X}`).set(north.auth).expect(200);
    expect(app.body).toEqual(expect.objectContaining({ recommendation: 'ProgramOfExcellence', overallMean: 5, disputed: [] }));
    expect(app.body.reviewers).toEqual([expect.objectContaining({ reviewerId: north.id, status: 'finished' })]);
  });

  it('turned off again, identity is back for reviewers', async () => {
    await t.http().put('/review-cycles/2026').set(staff.auth).send({ blindReview: false }).expect(200);
    await settle(t);
    const res = await t.http().get(`/applications/${X}`).set(north.auth).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ leaderName: 'Alice Rivers', blindReview: false }));
  });
});
