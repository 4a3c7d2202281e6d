import { IdentityStore } from '@cert/identity';
import { LogRunner } from '@cert/projections';
import { pdfText } from '../libs/audit/src/testing/pdf-text';
import { surveyFor } from './support/cycle-data';
import { decideOverHttp } from './support/lifecycle';
import { Session, TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Names: over HTTP, everywhere a person reads an application (the staff's and the applicant's
 * timelines, the board's queue, the auditor's history, state, exports and report), people are named, the engine is
 * credited with what it worked out, and an erased person reads "[erased person]"; the auditor sees what a reviewer of
 * a blind cycle saw, and reproduction explains an overrule.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const ENGINE = 'The engine (policy decision-policy.v1)';
const ALICE = { name: 'Alice Rivers', email: 'alice@riverside.edu', school: 'Riverside STEM Academy' };
const BOB = { name: 'Bob Okafor', email: 'bob@lagos-makers.org', school: 'Lagos Makers Hub' };
const JUSTIFICATION = 'The site visit found district-wide practice beyond the written evidence.';

type Entry = { type: string; actorName: string; summary: string };

describe('names everywhere a person reads', () => {
  let t: TestApp;
  const who = {} as Record<'staff' | 'board' | 'auditor' | 'rita' | 'omar' | 'alice' | 'bob', Session>;
  let open: string;
  let blind: string;

  const get = (path: string, as: Session) => t.http().get(path).set(as.auth);
  const pdf = async (id: string) => {
    const res = await get(`/audit/applications/${id}/report.pdf`, who.auditor)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    // A name may wrap inside a table cell: the text with its line breaks undone.
    return pdfText(res.body as Buffer).replace(/\s+/g, ' ');
  };
  const erase = async (email: string) => {
    await t.http().post('/privacy/erasures').set(who.staff.auth).send({ email }).expect(201);
    await t.get(LogRunner).catchUp();
  };

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    const identity = t.get(IdentityStore);
    const account = async (role: 'staff' | 'board' | 'auditor' | 'reviewer', email: string, name: string, institution?: string) => {
      await identity.createUser({ email, name, role, institution, region: institution ? 'Ontario' : undefined });
      return signInWithPassword(t, role, email);
    };
    who.staff = await account('staff', 'sam@iasl.org', 'Sam Staff');
    who.board = await account('board', 'bea@iasl.org', 'Bea Chair');
    who.auditor = await account('auditor', 'audrey@iasl.org', 'Audrey Auditor');
    who.rita = await account('reviewer', 'rita@north.edu', 'Rita Nkemelu', 'North College');
    who.omar = await account('reviewer', 'omar@east.edu', 'Omar Haddad', 'East University');
    who.alice = await signInByEmail(t, ALICE.email);
    who.bob = await signInByEmail(t, BOB.email);
    const panel = { staff: who.staff, board: who.board, reviewers: [who.rita, who.omar] };

    // Scored while the cycle is not blind, then overruled: every level 2 recommends charter membership.
    const survey = surveyFor(ALICE.name, ALICE.email, ALICE.school);
    open = (await decideOverHttp(t, who.alice, panel, { survey, level: 2, outcome: 'ProgramOfExcellence', justification: JUSTIFICATION }))
      .id;
    // Scored under blind review, turned on for the cycle by staff.
    await t.http().put('/review-cycles/2026').set(who.staff.auth).send({ blindReview: true }).expect(200);
    blind = (
      await decideOverHttp(t, who.bob, panel, {
        survey: surveyFor(BOB.name, BOB.email, BOB.school),
        level: 2,
        outcome: 'CharterMembership',
      })
    ).id;
    await t.get(LogRunner).catchUp();
  }, 60_000);

  afterAll(() => t?.close());

  it("names people on the staff's timeline, credits the engine, and gives the applicant no ids", async () => {
    const timeline = (await get(`/applications/${open}/timeline`, who.staff).expect(200)).body as Entry[];
    const of = (type: string) => timeline.filter((e) => e.type === type);
    expect(of('ReviewerAssigned').map((e) => [e.actorName, e.summary])).toEqual([
      ['Sam Staff', expect.stringMatching(/^Reviewer Rita Nkemelu assigned \(manual\), due /)],
      ['Sam Staff', expect.stringMatching(/^Reviewer Omar Haddad assigned \(manual\), due /)],
    ]);
    expect(of('ScoresSubmitted').map((e) => e.actorName)).toEqual(['Rita Nkemelu', 'Omar Haddad']);
    // Set off by Omar's scores, worked out by the engine.
    expect(of('RecommendationComputed')[0].actorName).toBe(ENGINE);
    expect(of('GrowthReportIssued')[0].actorName).toBe(ENGINE);
    expect(of('DecisionRecorded')[0].actorName).toBe('Bea Chair');
    expect(of('SurveySubmitted')[0].actorName).toBe(ALICE.name);
    expect(JSON.stringify(timeline.map((e) => [e.actorName, e.summary]))).not.toMatch(UUID);

    const mine = (await get(`/applications/${open}/timeline`, who.alice).expect(200)).body as Entry[];
    expect(mine.every((e) => e.actorName === undefined)).toBe(true);
    expect(JSON.stringify(mine)).not.toMatch(UUID);
  });

  it("names the reviewers in the staff's and the board's queues", async () => {
    const queue = (await get('/applications', who.staff).expect(200)).body as { items: { id: string; reviewers: { name: string }[] }[] };
    expect(queue.items.find((a) => a.id === open)!.reviewers.map((r) => r.name)).toEqual(['Rita Nkemelu', 'Omar Haddad']);
    const board = (await get('/board/queue', who.board).expect(200)).body as {
      applicationId: string;
      reviewerRecommendations: { reviewerName: string }[];
    }[];
    const recommended = board.find((i) => i.applicationId === open)!.reviewerRecommendations.map((r) => r.reviewerName);
    expect(recommended.sort()).toEqual(['Omar Haddad', 'Rita Nkemelu']);
    const scores = (await get(`/applications/${open}/scores`, who.board).expect(200)).body as { reviewerName: string }[];
    expect(scores.map((s) => s.reviewerName).sort()).toEqual(['Omar Haddad', 'Rita Nkemelu']);
  });

  it("names people in the auditor's history, state, exports and report", async () => {
    const history = (await get(`/audit/applications/${open}/history`, who.auditor).expect(200)).body as (Entry & {
      people: { id: string; name: string }[];
    })[];
    expect(history.find((e) => e.type === 'RecommendationComputed')!.actorName).toBe(ENGINE);
    expect(history.find((e) => e.type === 'ScoresSubmitted')!.people).toEqual([{ id: who.rita.id, name: 'Rita Nkemelu' }]);
    expect(JSON.stringify(history.map((e) => [e.actorName, e.summary]))).not.toMatch(UUID);

    const state = (await get(`/audit/applications/${open}/state`, who.auditor).expect(200)).body as {
      readable: { label: string; value: string }[];
    };
    const field = (label: string) => state.readable.find((f) => f.label === label)?.value;
    expect(field('Reviewers')).toMatch(/^Rita Nkemelu \(finished, recommends STEM Program of Excellence\), Omar Haddad \(finished/);
    expect(field('Decision')).toMatch(/^STEM Program of Excellence, .* UTC, overruling the recommendation$/);
    expect(field('Appeal')).toBe('none');
    expect(JSON.stringify(state.readable)).not.toMatch(new RegExp(`${UUID.source}|null`));

    const csv = (await get(`/audit/applications/${open}/export.csv`, who.auditor).expect(200)).text;
    expect(csv.split('\n')[0]).toMatch(/,actor_id,actor_name,actor_role,.*,data,people,summary$/);
    expect(csv).toContain(`${who.board.id},Bea Chair,board,`);
    expect(csv).toContain(`${who.rita.id}: Rita Nkemelu`);
    const json = (await get(`/audit/applications/${open}/export.json`, who.auditor).expect(200)).body as {
      readable: { type: string; actorName: string }[];
    };
    expect(json.readable.find((e) => e.type === 'DecisionRecorded')!.actorName).toBe('Bea Chair');
    // A period across applications: each leader by their own survey's name.
    const period = (await get('/audit/export.csv', who.auditor).expect(200)).text;
    expect(period).toContain(`${who.alice.id},${ALICE.name},applicant,`);
    expect(period).toContain(`${who.bob.id},${BOB.name},applicant,`);

    const text = await pdf(open);
    for (const name of ['Rita Nkemelu', 'Omar Haddad', 'Bea Chair', 'Sam Staff', ENGINE, ALICE.name]) expect(text).toContain(name);
    expect(text).toContain('Board decision: STEM Program of Excellence, by Bea Chair');
    expect(text).not.toMatch(UUID);
  });

  it('explains the overrule: the recommendation recomputed, the decision recorded, overruled, and why', async () => {
    const reproduction = (await get(`/audit/applications/${open}/decision/reproduce`, who.auditor).expect(200)).body;
    expect(reproduction.reproduced).toBe(true);
    const decision = reproduction.checks.find((c: { type: string }) => c.type === 'DecisionRecorded');
    expect(decision).toEqual(
      expect.objectContaining({
        recordedRecommendation: expect.objectContaining({ outcome: 'CharterMembership' }),
        fromRecordedInputs: expect.objectContaining({ outcome: 'CharterMembership' }),
        decision: expect.objectContaining({
          outcome: 'ProgramOfExcellence',
          verdict: 'overruled',
          justification: JUSTIFICATION,
          decidedBy: { id: who.board.id, name: 'Bea Chair' },
        }),
      }),
    );
    expect(await pdf(open)).toContain(
      'recommendation recomputed from the recorded inputs Charter membership; recorded decision STEM Program of Excellence, ' +
        `by Bea Chair; the board overruled it. Justification: ${JUSTIFICATION}`,
    );
  });

  it('shows what a reviewer of a blind cycle saw: the identity withheld, with the setting that withheld it', async () => {
    const view = (await get(`/audit/applications/${blind}/reviewer-view/${who.rita.id}`, who.auditor).expect(200)).body;
    expect(view.reviewerName).toBe('Rita Nkemelu');
    expect(view.blindReview).toEqual(
      expect.objectContaining({
        on: true,
        cycle: '2026',
        setting: expect.objectContaining({ blindReview: true, setBy: { id: who.staff.id, name: 'Sam Staff' } }),
      }),
    );
    expect(view.application.survey).toEqual(expect.objectContaining({ leaderName: null, contactEmail: null }));
    expect(view.application.survey.institution.name).toBeNull();
    expect(view.application.survey.programDescription).toContain('[withheld: blind review]');
    for (const identity of [BOB.name, BOB.email, BOB.school]) expect(JSON.stringify(view)).not.toContain(identity);

    // The first application was scored before staff turned blind review on: its reviewers saw the leader.
    const before = (await get(`/audit/applications/${open}/reviewer-view/${who.rita.id}`, who.auditor).expect(200)).body;
    expect(before.blindReview).toEqual(expect.objectContaining({ on: false, setting: null, withheld: [] }));
    expect(before.application.survey.leaderName).toBe(ALICE.name);

    // The blind cycle's report numbers its reviewers, and says why.
    const report = (await get(`/audit/applications/${blind}/report`, who.auditor).expect(200)).body;
    expect(report.reviewerNaming).toEqual({
      blind: true,
      note: expect.stringMatching(/^Reviewers are numbered, not named: the 2026 cycle/),
    });
    expect(report.reviewers.map((r: { name: string }) => r.name)).toEqual(['Reviewer 1', 'Reviewer 2']);
    const text = await pdf(blind);
    expect(text).toContain('Reviewers are numbered, not named');
    expect(text).not.toContain('Rita Nkemelu');
  });

  it('reads an erased reviewer, and then the erased applicant, as "[erased person]" everywhere, and still names the rest', async () => {
    await erase('rita@north.edu');
    const timeline = (await get(`/applications/${open}/timeline`, who.staff).expect(200)).body as Entry[];
    expect(timeline.find((e) => e.type === 'ReviewerAssigned')!.summary).toMatch(/^Reviewer \[erased person\] assigned/);
    expect(timeline.find((e) => e.type === 'ScoresSubmitted')!.actorName).toBe('[erased person]');
    const history = (await get(`/audit/applications/${open}/history`, who.auditor).expect(200)).body as Entry[];
    expect(history.filter((e) => e.type === 'ScoresSubmitted').map((e) => e.actorName)).toEqual(['[erased person]', 'Omar Haddad']);
    const text = await pdf(open);
    expect(text).toContain('[erased person]');
    expect(text).not.toContain('Rita Nkemelu');
    expect(text).toContain('Omar Haddad');

    await erase(ALICE.email);
    const after = (await get(`/audit/applications/${open}/history`, who.auditor).expect(200)).body as Entry[];
    expect(after.find((e) => e.type === 'AssessmentSubmitted')!.actorName).toBe('[erased person]');
    expect(after.find((e) => e.type === 'DecisionRecorded')!.actorName).toBe('Bea Chair');
    expect(await pdf(open)).not.toContain(ALICE.name);
  });
});
