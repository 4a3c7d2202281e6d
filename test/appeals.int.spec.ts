import { EventStore } from '@cert/event-store';
import { scores, surveyFor } from './support/cycle-data';
import { decideOverHttp } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Appeals: an appeal of a "not yet ready" decision that ends in charter membership, over HTTP with
 * real sign-ins. A fresh review takes new reviewers only; the appeal's decision is a decision of its own, linked to
 * the first, both kept in the history, and the auditor reproduces both from the log.
 */
describe('appeals over HTTP', () => {
  let t: TestApp;
  let staff: Session, board: Session, auditor: Session;
  const reviewers: Record<'north' | 'east' | 'west' | 'south', Session> = {} as never;
  const STATEMENT = 'The reviewers did not see our robotics evidence, uploaded late because of a portal outage.';
  const WHY = 'On appeal the board finds the robotics evidence shows practice at the charter level.';

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    await signInAll();
  });
  afterAll(() => t.close());

  async function signInAll() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    reviewers.north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    reviewers.east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    reviewers.west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute', region: 'Chile' });
    reviewers.south = await signInWithPassword(t, 'reviewer', 'south@review.org', { institution: 'South Polytechnic', region: 'Chile' });
  }

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
  const score = (id: string, who: Session, level: number, recommendation: string) =>
    t
      .http()
      .post(`/applications/${id}/scores`)
      .set(who.auth)
      .send({ scores: scores(level), recommendation });
  const appeal = (id: string, who: Session, statement = STATEMENT) =>
    t.http().post(`/applications/${id}/appeals`).set(who.auth).send({ statement });
  const route = (id: string, to: string) => t.http().post(`/applications/${id}/appeals/route`).set(staff.auth).send({ route: to });

  /** What a reviewer of the round that ended in the appealed decision reads of the application: nothing of the appeal. */
  async function earlierReviewerSees(id: string, who: Session, after: string) {
    const seen = (await read(`/applications/${id}`, who, after).expect(200)).body;
    for (const field of ['appealStatement', 'appealStatus', 'appealRoute', 'appealFiledAt', 'appealOf'])
      expect(seen).not.toHaveProperty(field);
    expect(JSON.stringify(seen)).not.toContain(STATEMENT);
    expect((await read(`/applications/${id}/timeline`, who).expect(200)).body.map((e: { type: string }) => e.type)).not.toContain(
      'AppealFiled',
    );
    // Nor does their worklist: the finished assignment carries no stage (the current one would say "Appeal", or "Review" again for the fresh review).
    const worklist = (await read('/reviewers/me/assignments', who).expect(200)).body as {
      applicationId: string;
      status: string;
      stage: string | null;
    }[];
    expect(worklist.filter((a) => a.applicationId === id)).toEqual([expect.objectContaining({ status: 'finished', stage: null })]);
    expect(JSON.stringify(worklist)).not.toMatch(/appeal/i);
    return seen;
  }

  /** Survey to a "not yet ready" decision, as recommended, scored by North and East. */
  async function notYetReady(applicant: Session, institution: string) {
    const panel = { staff, board, reviewers: [reviewers.north, reviewers.east] };
    const { id, lastScores, decision } = await decideOverHttp(t, applicant, panel, {
      survey: surveyFor(applicant.email, applicant.email, institution),
      level: 1,
      outcome: 'NotYetReady',
    });
    expect(lastScores.events).toEqual(['ScoresSubmitted', 'RecommendationComputed']);
    expect(decision.events).toEqual(['DecisionRecorded', 'GrowthReportIssued']);
    return { id, position: decision.position };
  }

  it('takes a "not yet ready" decision through an appeal and a fresh review to charter membership, both decisions kept', async () => {
    const alice = await signInByEmail(t, 'alice@riverside.edu');
    const { id, position } = await notYetReady(alice, 'Riverside STEM Academy');
    const firstDecision = (await read(`/applications/${id}`, alice, position).expect(200)).body;
    expect(firstDecision).toEqual(
      expect.objectContaining({ decisionOutcome: 'NotYetReady', appealUntil: '2026-04-01T09:00:00.000Z', appealStatus: null }),
    );

    // A stranger cannot know the application exists; the refusal writes nothing.
    const oscar = await signInByEmail(t, 'oscar@elsewhere.org');
    await settle(t);
    const before = await head();
    expect((await appeal(id, oscar).expect(404)).body.code).toBe('application.not_found');
    expect(await head()).toBe(before);

    const filed = await appeal(id, alice).expect(201);
    expect(filed.body.events).toEqual(['AppealFiled']);
    expect((await read(`/applications/${id}`, alice, filed.body.position).expect(200)).body).toEqual(
      expect.objectContaining({
        status: 'Appealed',
        appealStatus: 'filed',
        appealStatement: STATEMENT,
        appealOf: { decidedAt: firstDecision.decidedAt, outcome: 'NotYetReady' },
      }),
    );
    expect((await appeal(id, alice).expect(409)).body.code).toBe('appeal.already_filed');
    // The reviewers whose round ended in the decision appealed see nothing of the appeal, not even before it is routed.
    expect(await earlierReviewerSees(id, reviewers.north, filed.body.position)).toEqual(
      expect.objectContaining({ status: 'Decided', decisionOutcome: 'NotYetReady' }),
    );

    const routed = await route(id, 'fresh-review').expect(200);
    expect(routed.body.events).toEqual(['AppealRouted']);

    // An earlier reviewer is refused by hand, and auto-assignment passes over both of them.
    await settle(t);
    const beforeRefusal = await head();
    const refused = await t
      .http()
      .post(`/applications/${id}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewers.west.id, reviewers.north.id] })
      .expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'review.reviewed_earlier_round', reviewerId: reviewers.north.id }));
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await head()).toBe(beforeRefusal);
    const assigned = await t.http().post(`/applications/${id}/reviewers`).set(staff.auth).send({ mode: 'auto', count: 2 }).expect(201);
    const summary = (await read(`/applications/${id}`, staff, assigned.body.position).expect(200)).body;
    expect(summary.reviewers.map((r: { reviewerId: string }) => r.reviewerId).sort()).toEqual(
      [reviewers.west.id, reviewers.south.id].sort(),
    );
    expect(summary.earlierReviewers.sort()).toEqual([reviewers.north.id, reviewers.east.id].sort());

    // The new round alone makes the recommendation; an earlier reviewer cannot score it.
    expect((await score(id, reviewers.north, 5, 'ProgramOfExcellence').expect(403)).body.code).toBe('review.not_assigned');
    await score(id, reviewers.west, 3, 'CharterMembership').expect(201);
    const recommended = await score(id, reviewers.south, 3, 'CharterMembership').expect(201);
    expect(recommended.body.events).toEqual(['ScoresSubmitted', 'RecommendationComputed']);
    // The new round's reviewers read the statement; the earlier round's see neither it nor the new round's work.
    expect((await read(`/applications/${id}`, reviewers.west, recommended.body.position).expect(200)).body.appealStatement).toBe(STATEMENT);
    for (const earlier of [reviewers.north, reviewers.east]) {
      const seen = await earlierReviewerSees(id, earlier, recommended.body.position);
      expect(seen).toEqual(expect.objectContaining({ status: 'Decided', decisionOutcome: 'NotYetReady', reviewers: [] }));
      expect(seen).not.toHaveProperty('recommendation');
      expect(JSON.stringify(seen)).not.toContain('CharterMembership');
    }
    const ownScores = (await read(`/applications/${id}/scores`, reviewers.north).expect(200)).body as { level: number; final: boolean }[];
    expect(ownScores).toHaveLength(scores(1).length);
    expect(ownScores.every((s) => s.level === 1 && s.final)).toBe(true);
    const item = (await read(`/board/queue/${id}`, board, recommended.body.position).expect(200)).body;
    expect(item).toEqual(
      expect.objectContaining({
        status: 'AwaitingDecision',
        recommendation: 'CharterMembership',
        appealOf: { decidedAt: firstDecision.decidedAt, outcome: 'NotYetReady' },
      }),
    );

    const decided = await t.http().post(`/applications/${id}/decision`).set(board.auth).send({ outcome: 'CharterMembership' }).expect(200);
    expect(decided.body.events).toEqual(['DecisionRecorded', 'GrowthReportIssued', 'DecisionFinalized']);
    const final = (await read(`/applications/${id}`, alice, decided.body.position).expect(200)).body;
    expect(final).toEqual(
      expect.objectContaining({
        status: 'Decided',
        decisionOutcome: 'CharterMembership',
        decisionFinal: true,
        appealStatus: 'decided',
        designationStatus: 'active',
        progressDueAt: expect.any(String),
      }),
    );
    // No appeal of an appeal.
    expect((await appeal(id, alice).expect(409)).body.code).toBe('appeal.appeal_decision_final');
    // The earlier round still reads the decision it led to, not the appeal's, nor the designation that followed.
    const afterAppeal = await earlierReviewerSees(id, reviewers.north, decided.body.position);
    expect(afterAppeal).toEqual(
      expect.objectContaining({ status: 'Decided', decisionOutcome: 'NotYetReady', decidedAt: firstDecision.decidedAt }),
    );
    expect(afterAppeal).not.toHaveProperty('designationStatus');

    // Both decisions in the timeline, the staff's and the applicant's.
    const timeline = (await read(`/applications/${id}/timeline`, staff).expect(200)).body as { type: string; summary: string }[];
    expect(timeline.filter((e) => e.type === 'DecisionRecorded').map((e) => e.summary)).toEqual([
      'Decision: Not yet ready',
      expect.stringMatching(/^Decision on appeal of the decision of \d{4}-\d{2}-\d{2} \(Not yet ready\): Charter membership$/),
    ]);
    // The appeal's decision is final at once: no window closed, and the timeline says so.
    expect(timeline.filter((e) => e.type === 'DecisionFinalized').map((e) => e.summary)).toEqual([
      expect.stringMatching(/^Appeal decided \d{4}-\d{2}-\d{2}; the appeal decision is final$/),
    ]);
    const mine = (await read(`/applications/${id}/timeline`, alice).expect(200)).body as { type: string; summary: string }[];
    expect(mine.find((e) => e.type === 'DecisionFinalized')?.summary).toMatch(/the appeal decision is final$/);
    expect(mine.map((e) => e.type)).toEqual(expect.arrayContaining(['AppealFiled', 'AppealRouted']));
    expect(mine.filter((e) => e.type === 'DecisionRecorded')).toHaveLength(2);

    // The auditor: chain intact, both decisions recomputed from their inputs, state replayed before and after the appeal.
    expect((await read(`/audit/applications/${id}/verify`, auditor).expect(200)).body.ok).toBe(true);
    const reproduced = (await read(`/audit/applications/${id}/decision/reproduce`, auditor).expect(200)).body;
    expect(reproduced).toEqual(expect.objectContaining({ reproduced: true, differences: [] }));
    expect(
      reproduced.checks
        .filter((c: { type: string }) => c.type === 'DecisionRecorded')
        .map((c: { decision: { outcome: string } }) => c.decision.outcome),
    ).toEqual(['NotYetReady', 'CharterMembership']);
    const history = (await read(`/audit/applications/${id}/history`, auditor).expect(200)).body as { type: string; position: string }[];
    const firstPosition = history.find((e) => e.type === 'DecisionRecorded')!.position;
    const asDecidedFirst = (await read(`/audit/applications/${id}/state?position=${firstPosition}`, auditor).expect(200)).body;
    expect(asDecidedFirst.state).toEqual(
      expect.objectContaining({ status: 'Decided', decision: expect.objectContaining({ outcome: 'NotYetReady' }), designation: null }),
    );
    const asNow = (await read(`/audit/applications/${id}/state`, auditor).expect(200)).body;
    expect(asNow.state).toEqual(
      expect.objectContaining({
        decision: expect.objectContaining({ outcome: 'CharterMembership', final: true }),
        designation: expect.objectContaining({ status: 'active' }),
      }),
    );
    expect((await t.http().post('/audit/rebuild-check').set(auditor.auth).expect(200)).body.matches).toBe(true);

    // docs/DOMAIN.md, Notifications: appeal received (applicant), staff alert, appeal outcome; each once.
    await settle(t);
    const toAlice = t.mailer.to('alice@riverside.edu').map((m) => m.subject);
    expect(toAlice.filter((s) => s.startsWith('Appeal received'))).toHaveLength(1);
    expect(toAlice.filter((s) => s.startsWith('The outcome of your appeal'))).toHaveLength(1);
    expect(t.mailer.to('staff@iasl.org').filter((m) => m.subject.startsWith('Appeal filed'))).toHaveLength(1);
  });

  it('sends an appeal to the board, which must justify overruling the first recommendation', async () => {
    const dan = await signInByEmail(t, 'dan@hillside.org');
    const { id } = await notYetReady(dan, 'Hillside Middle School');
    await appeal(id, dan).expect(201);
    const routed = await route(id, 'board').expect(200);
    expect((await route(id, 'fresh-review').expect(409)).body.code).toBe('appeal.already_routed');
    const item = (await read(`/board/queue/${id}`, board, routed.body.position).expect(200)).body;
    expect(item).toEqual(
      expect.objectContaining({
        status: 'AwaitingDecision',
        recommendation: 'NotYetReady',
        decisionOutcome: null,
        appealOf: expect.objectContaining({ outcome: 'NotYetReady' }),
      }),
    );

    const unjustified = await t
      .http()
      .post(`/applications/${id}/decision`)
      .set(board.auth)
      .send({ outcome: 'CharterMembership' })
      .expect(422);
    expect(unjustified.body.code).toBe('decision.justification_required');
    const decided = await t
      .http()
      .post(`/applications/${id}/decision`)
      .set(board.auth)
      .send({ outcome: 'CharterMembership', justification: WHY })
      .expect(200);
    expect(decided.body.events).toEqual(['DecisionRecorded', 'GrowthReportIssued', 'DecisionFinalized']);
    expect((await read(`/applications/${id}`, staff, decided.body.position).expect(200)).body).toEqual(
      expect.objectContaining({
        decisionOutcome: 'CharterMembership',
        decisionOverruled: true,
        designationStatus: 'active',
        appealRoute: 'board',
        appealStatus: 'decided',
      }),
    );
    expect((await read(`/audit/applications/${id}/decision/reproduce`, auditor).expect(200)).body.reproduced).toBe(true);
  });

  it('refuses an appeal after the window and leaves the log untouched', async () => {
    const erin = await signInByEmail(t, 'erin@lakeside.net');
    const { id, position } = await notYetReady(erin, 'Lakeside Outreach Center');
    const { appealUntil } = (await read(`/applications/${id}`, erin, position).expect(200)).body;

    t.clock.set(new Date(Date.parse(appealUntil) + 60_000).toISOString());
    await signInAll();
    const late = await signInByEmail(t, 'erin@lakeside.net');
    // Enforced from the recorded date whether or not the window's timer has fired yet (then the decision is final).
    const racing = await appeal(id, late).expect(409);
    expect(['appeal.window_closed', 'appeal.decision_final']).toContain(racing.body.code);

    await settle(t);
    const before = await head();
    const refused = await appeal(id, late).expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'appeal.decision_final', appealUntil }));
    expect(await head()).toBe(before);
    const timeline = (await read(`/applications/${id}/timeline`, staff).expect(200)).body as { type: string }[];
    expect(timeline.map((e) => e.type)).not.toContain('AppealFiled');
    expect(timeline.map((e) => e.type)).toContain('DecisionFinalized');
  });
});
