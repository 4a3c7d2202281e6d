import { CREDENTIAL_LIST_STREAM, awardCycleStream, applicationStream, directoryListingStream } from '@cert/domain';
import { ratings, scores, surveyFor } from './support/cycle-data';
import { Panel, decideOverHttp, reviewToDecision } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * After the decision, as ONE program lives it over HTTP with a moving clock: a "not yet ready" decision,
 * an appeal within the window, a fresh review, charter membership; two yearly updates (the second late: suspension,
 * then reinstatement); a renewal started in the term's last year, assessed, reviewed and decided, the old designation
 * renewed; the program nominated, scored and selected for the year's award, the summit invitation accepted and the
 * award recorded; an opt-in to the who's-who showing exactly the chosen fields, then withdrawn. Last, the auditor:
 * the log verifies, every step is in the histories, the decisions are reproduced and the read models rebuild the same.
 *
 * The award goes to the program's designation in force, which after the renewal is the renewal's application (the
 * renewed one no longer counts as designated), so the award and the directory listing are on the renewal.
 */
describe("after the decision: one program from an appeal to the summit and the who's-who", () => {
  let t: TestApp;
  let staff: Session, board: Session, auditor: Session, leader: Session;
  const reviewers = {} as Record<'north' | 'east' | 'west' | 'south', Session>;
  const LEADER = { name: 'Maya Okonkwo', email: 'maya@riverbend.edu', institution: 'Riverbend STEM Academy' };
  const STATEMENT = 'Our Fab Lab evidence was uploaded after the reviewers scored; we ask for a fresh review.';
  const SUMMARY = 'Students run a repair clinic for the town every Saturday, mentored by engineers from the mill.';
  const AWARD = 'IASL STEM Leadership Award 2030';
  let program: string, renewal: string, nomination: string;

  const read = (path: string, who: Session, after?: string) =>
    t
      .http()
      .get(after ? `${path}?after=${after}` : path)
      .set(who.auth)
      .expect(200);
  const post = (path: string, who: Session, body: object = {}) => t.http().post(path).set(who.auth).send(body);
  const progress = async (id: string) => (await read(`/applications/${id}/progress`, staff)).body;
  const panel = (...who: Session[]): Panel => ({ staff, board, reviewers: who });

  // Sessions last 12 hours: after the clock moves, everyone signs in again.
  async function signIn() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    reviewers.north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    reviewers.east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    reviewers.west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute', region: 'Chile' });
    reviewers.south = await signInWithPassword(t, 'reviewer', 'south@review.org', { institution: 'South Polytechnic', region: 'Chile' });
    leader = await signInByEmail(t, LEADER.email);
  }
  async function travel(iso: string) {
    t.clock.set(iso);
    await settle(t);
    await signIn();
  }
  const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    await signIn();
  });
  afterAll(() => t?.close());

  it('decides "not yet ready"; the applicant appeals within the window; a fresh review ends in charter membership', async () => {
    const survey = surveyFor(LEADER.name, LEADER.email, LEADER.institution);
    const first = await decideOverHttp(t, leader, panel(reviewers.north, reviewers.east), { survey, level: 1, outcome: 'NotYetReady' });
    program = first.id;
    expect(first.decision.events).toEqual(['DecisionRecorded', 'GrowthReportIssued']);
    const decided = (await read(`/applications/${program}`, leader, first.decision.position)).body;
    expect(decided).toEqual(
      expect.objectContaining({ decisionOutcome: 'NotYetReady', appealUntil: '2026-04-01T09:00:00.000Z', decisionFinal: false }),
    );

    await travel('2026-03-16T09:00:00.000Z');
    expect((await post(`/applications/${program}/appeals`, leader, { statement: STATEMENT }).expect(201)).body.events).toEqual([
      'AppealFiled',
    ]);
    expect((await post(`/applications/${program}/appeals/route`, staff, { route: 'fresh-review' }).expect(200)).body.events).toEqual([
      'AppealRouted',
    ]);
    const assigned = await post(`/applications/${program}/reviewers`, staff, { mode: 'auto', count: 2 }).expect(201);
    const fresh = (await read(`/applications/${program}`, staff, assigned.body.position)).body;
    expect(fresh.reviewers.map((r: { reviewerId: string }) => r.reviewerId).sort()).toEqual([reviewers.west.id, reviewers.south.id].sort());

    // The fresh round scores and the board decides on the appeal: a decision of its own, final at once.
    const appealDecided = await reviewToDecisionOnAppeal();
    expect(appealDecided.events).toEqual(['DecisionRecorded', 'GrowthReportIssued', 'DecisionFinalized']);
    expect((await read(`/applications/${program}`, leader, appealDecided.position)).body).toEqual(
      expect.objectContaining({
        status: 'Decided',
        decisionOutcome: 'CharterMembership',
        decisionFinal: true,
        appealStatus: 'decided',
        designationStatus: 'active',
        appealOf: { decidedAt: decided.decidedAt, outcome: 'NotYetReady' },
      }),
    );
    await settle(t);
    expect((await progress(program)).designation).toEqual(
      expect.objectContaining({
        outcome: 'CharterMembership',
        status: 'active',
        termEndsAt: '2031-03-16T09:00:00.000Z',
        progressDueAt: '2027-03-16T09:00:00.000Z',
      }),
    );
  });

  /** The assessment stands; only the scores and the decision are new on appeal. */
  async function reviewToDecisionOnAppeal() {
    for (const r of [reviewers.west, reviewers.south]) {
      await post(`/applications/${program}/scores`, r, { scores: scores(3), recommendation: 'CharterMembership' }).expect(201);
    }
    return (await post(`/applications/${program}/decision`, board, { outcome: 'CharterMembership' }).expect(200)).body as {
      events: string[];
      position: string;
    };
  }

  it('takes the first yearly update on time, suspends after the second lapses, and reinstates on the late update', async () => {
    await travel('2027-03-01T09:00:00.000Z');
    expect((await post(`/applications/${program}/progress-updates`, leader, { ratings: ratings(3) }).expect(201)).body.events).toEqual([
      'ProgressUpdateSubmitted',
    ]);
    await settle(t);
    const { progressDueAt } = (await progress(program)).designation;
    expect(progressDueAt).toBe('2028-03-15T09:00:00.000Z');

    // 60 days' grace after the missed date, then suspended.
    await travel(plusDays(progressDueAt, 61));
    expect((await progress(program)).designation.status).toBe('suspended');
    expect(t.mailer.to(LEADER.email).map((m) => m.subject)).toContainEqual(expect.stringMatching(/standing is suspended/));

    // Late, a year on: the update reinstates the designation, and the next one falls due a year from now.
    await travel('2029-03-20T09:00:00.000Z');
    const late = await post(`/applications/${program}/progress-updates`, leader, { ratings: ratings(4) }).expect(201);
    expect(late.body.events).toEqual(['ProgressUpdateSubmitted', 'DesignationReinstated']);
    await settle(t);
    const view = await progress(program);
    expect(view.designation).toEqual(expect.objectContaining({ status: 'active', progressDueAt: '2030-03-20T09:00:00.000Z' }));
    expect(view.updates.map((u: { late: boolean }) => u.late)).toEqual([false, true]);
    expect(view.indicators[0]).toEqual(expect.objectContaining({ atDesignation: 1, lastYear: 3, thisYear: 4, changeSinceLastYear: 1 }));
  });

  it("renews in the term's last year: a new assessment, review and decision, and the old designation marked renewed", async () => {
    // The renewal opens 365 days before the term ends (2031-03-16): a day into that year.
    await travel('2030-03-17T09:00:00.000Z');
    const started = await post(`/applications/${program}/renewal`, leader).expect(201);
    expect(started.body.events).toEqual(['RenewalStarted', 'SurveySubmitted', 'RenewalOpened', 'SurveyAccepted']);
    renewal = started.body.renewalId;
    await settle(t);

    const { decision } = await reviewToDecision(t, renewal, leader, panel(reviewers.north, reviewers.west), {
      level: 4,
      outcome: 'ProgramOfExcellence',
    });
    expect(decision.events).toEqual(['DecisionRecorded', 'GrowthReportIssued']);
    await settle(t);
    expect((await progress(program)).designation).toEqual(expect.objectContaining({ status: 'renewed', renewalId: renewal }));
    // Decided before the old term ended: the new term continues from it.
    expect((await progress(renewal)).designation).toEqual(
      expect.objectContaining({ outcome: 'ProgramOfExcellence', status: 'active', termEndsAt: '2036-03-16T09:00:00.000Z' }),
    );
  });

  it("nominates the program for the year's award; the board scores and selects; the summit invitation is accepted; the award is recorded", async () => {
    const opened = await post('/award-cycles', staff, {
      year: 2030,
      awardsAvailable: 1,
      nominationsCloseAt: '2030-04-01T09:00:00.000Z',
      rsvpBy: '2030-04-20T09:00:00.000Z',
      summit: { startsAt: '2030-05-08T18:00:00.000Z', place: 'Washington, DC' },
    }).expect(201);
    expect(opened.body.events).toEqual(['AwardCycleOpened']);
    // The renewed designation no longer counts; the one in force does.
    expect(
      (await post('/award-cycles/2030/nominations', leader, { applicationId: program, teachers: [], portfolios: [] }).expect(409)).body
        .code,
    ).toBe('award.not_designated');
    const nominated = await post('/award-cycles/2030/nominations', leader, {
      applicationId: renewal,
      teachers: [{ name: 'Tomas Reyes', subject: 'Engineering', statement: 'Runs the repair clinic with the students.' }],
      portfolios: [
        {
          title: 'Town repair clinic',
          summary: 'Two hundred appliances repaired in a year.',
          link: 'https://portfolio.example.org/clinic',
        },
      ],
    }).expect(201);
    expect(nominated.body.events).toEqual(['AwardNominationSubmitted']);
    nomination = nominated.body.nominationId;
    const criteria = ['leadership', 'teaching', 'student-work', 'reach'].map((criterion) => ({ criterion, level: 5 }));
    expect(
      (
        await post(`/award-cycles/2030/nominations/${nomination}/scores`, board, {
          scores: criteria,
          comment: 'A whole town learns.',
        }).expect(201)
      ).body.events,
    ).toEqual(['AwardNominationScored']);

    await travel('2030-04-02T09:00:00.000Z');
    expect((await post('/award-cycles/2030/scoring/close', board).expect(200)).body.events).toEqual(['AwardScoringClosed']);
    const selected = await post('/award-cycles/2030/selection', board, { nominationIds: [nomination] }).expect(200);
    expect(selected.body.events).toEqual(['AwardRecipientsSelected', 'SummitInvitationSent']);
    await settle(t);
    expect(t.mailer.to(LEADER.email).map((m) => m.subject)).toContainEqual(
      expect.stringMatching(/invited to the IASL STEM Leadership Summit/),
    );

    const accepted = await post(`/award-cycles/2030/invitations/${nomination}/response`, leader, { accept: true }).expect(200);
    expect(accepted.body.events).toEqual(['SummitInvitationAccepted']);
    const mine = (await read('/me/award-invitations', leader, accepted.body.position)).body;
    expect(mine).toEqual([
      expect.objectContaining({
        nominationId: nomination,
        award: AWARD,
        selected: true,
        invitation: expect.objectContaining({ status: 'accepted' }),
      }),
    ]);
    const timeline = (await read(`/applications/${renewal}/timeline`, leader)).body.map((e: { summary: string }) => e.summary);
    expect(timeline).toContain(`Award recorded: ${AWARD}`);
  });

  it("lists in the who's-who exactly the fields the leader opted in to, with the award, and a withdrawal removes the entry", async () => {
    const fields = ['leaderName', 'country', 'designationYear', 'awards', 'summary'];
    const put = await t
      .http()
      .put(`/applications/${renewal}/directory-listing`)
      .set(leader.auth)
      .send({ fields, summary: SUMMARY })
      .expect(200);
    expect(put.body.events).toEqual(['DirectoryListingPublished']);
    // Public: no sign-in.
    const listed = await t.http().get(`/directory?after=${put.body.position}`).expect(200);
    expect(listed.body.entries).toEqual([
      {
        leaderName: LEADER.name,
        country: 'US',
        designationYear: 2026,
        awards: [{ year: 2030, award: AWARD }],
        summary: SUMMARY,
        // The "verified" mark: the entry shows its designation year, so it links to its credential's verification page.
        verifyUrl: expect.stringMatching(/^http:\/\/app\.test\/verify\/[0-9a-f-]{36}$/),
      },
    ]);
    for (const hidden of [LEADER.institution, LEADER.email, 'robotics']) expect(JSON.stringify(listed.body)).not.toContain(hidden);

    const withdrawn = await t.http().delete(`/applications/${renewal}/directory-listing`).set(leader.auth).expect(200);
    expect(withdrawn.body.events).toEqual(['DirectoryListingWithdrawn']);
    expect((await t.http().get(`/directory?after=${withdrawn.body.position}`).expect(200)).body).toEqual({
      count: 0,
      years: [],
      entries: [],
    });
  });

  it('leaves every step as an event the auditor verifies, replays and reproduces', async () => {
    await settle(t);
    expect((await read('/audit/verify', auditor)).body.ok).toBe(true);
    for (const id of [program, renewal]) expect((await read(`/audit/applications/${id}/verify`, auditor)).body.ok).toBe(true);

    type Entry = { streamId: string; type: string; position: string; data: { outcome?: string; to?: string; title?: string } };
    const steps = (history: Entry[], types: string[]) => history.filter((e) => types.includes(e.type));
    const ordered = (history: Entry[]) => history.map((e) => BigInt(e.position)).every((p, i, all) => i === 0 || all[i - 1] < p);

    // The program's own stream: both decisions around the appeal, the yearly updates, the suspension and reinstatement, the renewal.
    const programHistory = (await read(`/audit/applications/${program}/history`, auditor)).body as Entry[];
    expect(ordered(programHistory)).toBe(true);
    const programSteps = [
      'DecisionRecorded',
      'AppealFiled',
      'AppealRouted',
      'DecisionFinalized',
      'ProgressUpdateSubmitted',
      'DesignationSuspended',
      'DesignationReinstated',
      'RenewalStarted',
      'DesignationRenewed',
    ];
    expect(
      steps(programHistory, programSteps).map((e) => (e.type === 'DecisionRecorded' ? `${e.type}:${e.data.outcome}` : e.type)),
    ).toEqual([
      'DecisionRecorded:NotYetReady',
      'AppealFiled',
      'AppealRouted',
      'DecisionRecorded:CharterMembership',
      'DecisionFinalized',
      'ProgressUpdateSubmitted',
      'DesignationSuspended',
      'ProgressUpdateSubmitted',
      'DesignationReinstated',
      'RenewalStarted',
      'DesignationRenewed',
    ]);
    // Besides its own stream, only the credential list's events about it: the credential its designation was issued
    // (on the appeal's decision), suspended and reinstated with it, and replaced by the renewal's.
    expect(programHistory.every((e) => [applicationStream(program), CREDENTIAL_LIST_STREAM].includes(e.streamId))).toBe(true);
    expect(
      steps(programHistory, ['CredentialIssued', 'CredentialStatusChanged']).map((e) =>
        e.type === 'CredentialStatusChanged' ? `${e.type}:${e.data.to}` : e.type,
      ),
    ).toEqual([
      'CredentialIssued',
      'CredentialStatusChanged:suspended',
      'CredentialStatusChanged:active',
      'CredentialStatusChanged:replaced',
    ]);

    // The renewal's history: its own decision, then the award cycle's events about it and its directory listing, each marked with its stream.
    const renewalHistory = (await read(`/audit/applications/${renewal}/history`, auditor)).body as Entry[];
    expect(ordered(renewalHistory)).toBe(true);
    const own = applicationStream(renewal),
      cycle = awardCycleStream(2030),
      listing = directoryListingStream(renewal);
    const renewalSteps = [
      ['RenewalOpened', own],
      ['DecisionRecorded', own],
      ['AwardNominationSubmitted', cycle],
      ['AwardNominationScored', cycle],
      ['AwardScoringClosed', cycle],
      ['AwardRecipientsSelected', cycle],
      ['SummitInvitationSent', cycle],
      ['AwardRecorded', own],
      ['SummitInvitationAccepted', cycle],
      ['DirectoryListingPublished', listing],
      ['DirectoryListingWithdrawn', listing],
    ];
    expect(
      steps(
        renewalHistory,
        renewalSteps.map(([type]) => type),
      ).map((e) => [e.type, e.streamId]),
    ).toEqual(renewalSteps);
    // Two credentials were issued on the renewal: its designation, and the award with its summit year.
    expect(steps(renewalHistory, ['CredentialIssued']).map((e) => e.data.title)).toEqual([
      'STEM Program of Excellence',
      expect.stringMatching(/ 2030$/),
    ]);
    // The cycle opened for everyone is not about this program.
    expect(renewalHistory.map((e) => e.type)).not.toContain('AwardCycleOpened');

    // Every decision recomputed from its recorded inputs, and the read models are what a replay of the log gives.
    const reproduced = (await read(`/audit/applications/${program}/decision/reproduce`, auditor)).body;
    expect(reproduced).toEqual(expect.objectContaining({ reproduced: true, differences: [] }));
    expect(
      reproduced.checks
        .filter((c: { type: string }) => c.type === 'DecisionRecorded')
        .map((c: { decision: { outcome: string } }) => c.decision.outcome),
    ).toEqual(['NotYetReady', 'CharterMembership']);
    expect((await read(`/audit/applications/${renewal}/decision/reproduce`, auditor)).body).toEqual(
      expect.objectContaining({ reproduced: true, differences: [] }),
    );
    const rebuilt = (await t.http().post('/audit/rebuild-check').set(auditor.auth).expect(200)).body;
    expect(rebuilt).toEqual(expect.objectContaining({ matches: true, differences: [] }));
  });
});
