import { EventStore } from '@cert/event-store';
import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { Outcome, reviewToDecision, submitAccepted } from './support/lifecycle';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * Yearly progress and term/renewal, over HTTP with a moving clock: a program through designation, two yearly
 * updates (the second late: suspension, then reinstatement), the change per indicator, a reviewer's confirmation,
 * a renewal decided that marks the old designation renewed, and another designation that is not renewed expiring.
 * Every step is an event in the application's history, read back through the auditor's routes.
 */
describe('yearly progress, term and renewal over HTTP', () => {
  let t: TestApp;
  let staff: Session, board: Session, auditor: Session, north: Session, west: Session, east: Session, insider: Session;
  let alpha: string, beta: string, renewal: string;

  beforeAll(async () => {
    t = await startApp({ now: '2026-06-01T09:00:00.000Z' });
    await signIn();
  });
  afterAll(() => t?.close());

  // Sessions last 12 hours; after time passes people sign in again.
  async function signIn() {
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    board = await signInWithPassword(t, 'board', 'board@iasl.org');
    auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    north = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College' });
    west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute' });
    east = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University' });
    insider = await signInWithPassword(t, 'reviewer', 'insider@review.org', { institution: 'Alpha Academy' });
  }
  async function travel(iso: string) {
    t.clock.set(iso);
    await settle(t);
    await signIn();
  }
  const subjects = (email: string) =>
    t.mailer
      .to(email)
      .map((m) => m.subject)
      .filter((s) => !/sign-in link|Sign in to/i.test(s));
  const leader = (email: string) => signInByEmail(t, email);
  const history = async (id: string) =>
    (await t.http().get(`/audit/applications/${id}/history`).set(auditor.auth).expect(200)).body.map((e: { type: string }) => e.type);
  const progress = async (id: string, who = staff) => (await t.http().get(`/applications/${id}/progress`).set(who.auth).expect(200)).body;

  /** Survey, acceptance, assessment, two reviewers and the board's decision, as people do it. */
  async function designate(email: string, institution: string, level: number, outcome: Outcome, existing?: string) {
    const applicant = await leader(email);
    const id = existing ?? (await submitAccepted(t, applicant, staff, surveyFor(email, email, institution)));
    await settle(t);
    await reviewToDecision(t, id, applicant, { staff, board, reviewers: [north, west] }, { level, outcome });
    await settle(t);
    return id;
  }

  it('records the term on the designation: five years, visible in the events', async () => {
    alpha = await designate('lead@alpha.edu', 'Alpha Academy', 3, 'CharterMembership');
    beta = await designate('lead@beta.edu', 'Beta Academy', 3, 'CharterMembership');
    const view = await progress(alpha);
    expect(view.designation).toEqual(
      expect.objectContaining({ status: 'active', termEndsAt: '2031-06-01T09:00:00.000Z', progressDueAt: '2027-06-01T09:00:00.000Z' }),
    );
    const decision = (await t.http().get(`/audit/applications/${alpha}/state`).set(auditor.auth).expect(200)).body;
    expect(JSON.stringify(decision)).toContain('2031-06-01T09:00:00.000Z');
  });

  /** A refused update: 409 problem+json naming the day the window opens, and nothing written. */
  async function refusedAsEarly(id: string, applicant: Session, opensOn: string) {
    await settle(t);
    const head = await t
      .get(EventStore)
      .head()
      .then((h) => h?.position ?? null);
    const res = await t
      .http()
      .post(`/applications/${id}/progress-updates`)
      .set(applicant.auth)
      .send({ ratings: ratings(4) })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(expect.objectContaining({ code: 'progress.window_not_open', opensAt: `${opensOn}T09:00:00.000Z` }));
    expect(res.body.detail).toContain(`the progress update window opens on ${opensOn}`);
    expect(
      await t
        .get(EventStore)
        .head()
        .then((h) => h?.position ?? null),
    ).toBe(head);
  }

  it('refuses an update before its window opens (90 days before it is due): one update cannot cover a later year', async () => {
    // Designated today (due 2027-06-01): the day after designation is far too early.
    await travel('2026-06-02T09:00:00.000Z');
    await refusedAsEarly(alpha, await leader('lead@alpha.edu'), '2027-03-03');
    expect((await progress(alpha)).updates).toEqual([]);
  });

  it('takes the first yearly update on time and shows the change per indicator since designation', async () => {
    await travel('2027-05-20T09:00:00.000Z');
    const applicant = await leader('lead@alpha.edu');
    const missing = await t
      .http()
      .post(`/applications/${alpha}/progress-updates`)
      .set(applicant.auth)
      .send({ ratings: ratings(4).map((r, i) => (i === 0 ? { ...r, evidence: ' ' } : r)) })
      .expect(422);
    expect(missing.body.code).toBe('progress.incomplete');
    await t
      .http()
      .post(`/applications/${alpha}/evidence/links`)
      .set(applicant.auth)
      .send({ purpose: 'progress', indicator: CODES[0], url: 'https://alpha.example/slt-minutes-2027', title: 'SLT minutes 2027' })
      .expect(201);
    const res = await t
      .http()
      .post(`/applications/${alpha}/progress-updates`)
      .set(applicant.auth)
      .send({ ratings: ratings(4, CODES).map((r, i) => (i === 1 ? { ...r, level: 3 } : r)) })
      .expect(201);
    expect(res.body.events).toEqual(['ProgressUpdateSubmitted']);
    await settle(t);
    const view = await progress(alpha, applicant);
    expect(view.indicators[0]).toEqual(
      expect.objectContaining({
        indicator: CODES[0],
        atDesignation: 3,
        consensusAtDesignation: 3,
        lastYear: 3,
        thisYear: 4,
        changeSinceLastYear: 1,
        changeSinceDesignation: 1,
      }),
    );
    expect(view.indicators[1]).toEqual(expect.objectContaining({ thisYear: 3, changeSinceDesignation: 0 }));
    expect(view.updates).toEqual([expect.objectContaining({ submittedAt: '2027-05-20T09:00:00.000Z', late: false })]);
    // A second update in the same window would bank next year's: next year's window is not open yet.
    await refusedAsEarly(alpha, applicant, '2028-03-02');
    expect((await progress(alpha, applicant)).designation.progressDueAt).toBe('2028-05-31T09:00:00.000Z'); // 365 days on (2028 is a leap year)
  });

  it('asks a reviewer without a conflict to confirm; the reviewer disputes one indicator with a comment', async () => {
    const refused = await t
      .http()
      .post(`/applications/${alpha}/progress/confirmation-requests`)
      .set(staff.auth)
      .send({ reviewerId: insider.id })
      .expect(403);
    expect(refused.body.code).toBe('review.conflict_of_interest');
    await t.http().post(`/applications/${alpha}/progress/confirmation-requests`).set(staff.auth).send({ reviewerId: east.id }).expect(201);
    await settle(t);
    expect(subjects('east@review.org')).toContain(`Please confirm a yearly progress update: ${(await progress(alpha)).reference}`);

    const mine = (await t.http().get('/reviewers/me/progress-confirmations').set(east.auth).expect(200)).body;
    expect(mine).toEqual([
      expect.objectContaining({
        applicationId: alpha,
        recordedAt: null,
        ratings: expect.arrayContaining([expect.objectContaining({ indicator: CODES[0], level: 4 })]),
      }),
    ]);
    expect((await t.http().get('/reviewers/me/progress-confirmations').set(north.auth).expect(200)).body).toEqual([]);
    // The reviewer asked reads the update's evidence, and nothing else of the application.
    const evidence = (await t.http().get(`/applications/${alpha}/evidence`).set(east.auth).expect(200)).body;
    expect(evidence).toEqual([expect.objectContaining({ purpose: 'progress', indicator: CODES[0], label: 'SLT minutes 2027' })]);
    await t.http().get(`/applications/${alpha}/assessment`).set(east.auth).expect(404);

    const verdicts = CODES.map((indicator, i) => ({
      indicator,
      verdict: i === 0 ? 'disputed' : 'confirmed',
      comment: i === 0 ? 'No minutes of SLT meetings this year.' : '',
    }));
    await t.http().post(`/applications/${alpha}/progress/confirmation`).set(north.auth).send({ verdicts }).expect(404);
    const bare = await t
      .http()
      .post(`/applications/${alpha}/progress/confirmation`)
      .set(east.auth)
      .send({ verdicts: verdicts.map((v) => ({ ...v, comment: '' })) })
      .expect(422);
    expect(bare.body.code).toBe('progress.dispute_comment_required');
    await t.http().post(`/applications/${alpha}/progress/confirmation`).set(east.auth).send({ verdicts }).expect(200);
    await settle(t);
    const [update] = (await progress(alpha)).updates;
    expect(update.confirmations).toEqual([
      expect.objectContaining({
        reviewerId: east.id,
        verdicts: expect.arrayContaining([{ indicator: CODES[0], verdict: 'disputed', comment: 'No minutes of SLT meetings this year.' }]),
      }),
    ]);
  });

  it('suspends a designation whose second update lapses past the grace period, and the late update reinstates it', async () => {
    await travel('2028-07-31T09:00:01.000Z');
    expect((await progress(alpha)).designation.status).toBe('suspended');
    expect(subjects('lead@alpha.edu').at(-1)).toMatch(/standing is suspended/);
    await travel('2028-08-15T09:00:00.000Z');
    const applicant = await leader('lead@alpha.edu');
    const res = await t
      .http()
      .post(`/applications/${alpha}/progress-updates`)
      .set(applicant.auth)
      .send({ ratings: ratings(5) })
      .expect(201);
    expect(res.body.events).toEqual(['ProgressUpdateSubmitted', 'DesignationReinstated']);
    await settle(t);
    const view = await progress(alpha);
    expect(view.designation.status).toBe('active');
    expect(view.updates.map((u: { late: boolean }) => u.late)).toEqual([false, true]);
    expect(view.indicators[1]).toEqual(
      expect.objectContaining({ atDesignation: 3, lastYear: 3, thisYear: 5, changeSinceLastYear: 2, changeSinceDesignation: 2 }),
    );
    expect(view.indicators[0]).toEqual(
      expect.objectContaining({ lastYear: 4, thisYear: 5, changeSinceLastYear: 1, changeSinceDesignation: 2 }),
    );
  });

  it('keeps progress from other applicants (404) and writes from auditors (403)', async () => {
    const other = await leader('lead@beta.edu');
    await t.http().get(`/applications/${alpha}/progress`).set(other.auth).expect(404);
    await t.http().post(`/applications/${alpha}/renewal`).set(other.auth).expect(404);
    await t.http().get(`/applications/${alpha}/progress`).set(auditor.auth).expect(200);
    await t.http().post(`/applications/${alpha}/renewal`).set(auditor.auth).expect(403);
    await t
      .http()
      .post(`/applications/${alpha}/progress/confirmation-requests`)
      .set(auditor.auth)
      .send({ reviewerId: east.id })
      .expect(403);
  });

  it('reminds 180 days before the term ends, and a renewal runs the ordinary path with the earlier years in view', async () => {
    await travel('2030-12-04T09:00:00.000Z');
    expect(subjects('lead@alpha.edu')).toEqual(
      expect.arrayContaining([expect.stringMatching(/term ends in 179 days \(Sun, 01 Jun 2031 09:00:00 UTC\): time to renew/)]),
    );
    expect(subjects('lead@beta.edu')).toEqual(expect.arrayContaining([expect.stringMatching(/time to renew/)]));

    const applicant = await leader('lead@alpha.edu');
    const started = await t.http().post(`/applications/${alpha}/renewal`).set(applicant.auth).expect(201);
    renewal = started.body.renewalId;
    expect(started.body.events).toEqual(['RenewalStarted', 'SurveySubmitted', 'RenewalOpened', 'SurveyAccepted']);
    const again = await t.http().post(`/applications/${alpha}/renewal`).set(applicant.auth).expect(201);
    expect(again.body).toEqual(expect.objectContaining({ renewalId: renewal, events: [] }));

    await designateRenewal();
    await settle(t);
    expect((await progress(alpha)).designation).toEqual(expect.objectContaining({ status: 'renewed', renewalId: renewal }));
    const renewed = await progress(renewal);
    // Decided before the old term ended: the new term continues from it.
    expect(renewed.designation).toEqual(
      expect.objectContaining({ outcome: 'ProgramOfExcellence', status: 'active', termEndsAt: '2036-06-01T09:00:00.000Z' }),
    );
    expect(renewed.renewalOf).toEqual({
      applicationId: alpha,
      previous: expect.objectContaining({ outcome: 'CharterMembership', termEndsAt: '2031-06-01T09:00:00.000Z' }),
    });
  });

  async function designateRenewal() {
    await settle(t);
    const applicant = await leader('lead@alpha.edu');
    await t
      .http()
      .post(`/applications/${renewal}/assessment`)
      .set(applicant.auth)
      .send({ ratings: ratings(4) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${renewal}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [north.id, west.id] })
      .expect(201);
    await settle(t);
    // The reviewers and the board see the earlier years: the designation renewed, its levels and both yearly updates.
    for (const who of [north, board]) {
      const earlier = (await t.http().get(`/applications/${renewal}/renewal-history`).set(who.auth).expect(200)).body;
      expect(earlier).toEqual(
        expect.objectContaining({ renewalOf: alpha, previous: expect.objectContaining({ outcome: 'CharterMembership' }) }),
      );
      expect(earlier.years.map((y: { late: boolean }) => y.late)).toEqual([false, true]);
      expect(earlier.years[0].disputed).toEqual([CODES[0]]);
    }
    await t.http().get(`/applications/${renewal}/renewal-history`).set(east.auth).expect(404);
    for (const r of [north, west])
      await t
        .http()
        .post(`/applications/${renewal}/scores`)
        .set(r.auth)
        .send({ scores: scores(4), recommendation: 'ProgramOfExcellence' })
        .expect(201);
    await t.http().post(`/applications/${renewal}/decision`).set(board.auth).send({ outcome: 'ProgramOfExcellence' }).expect(200);
  }

  it('expires the designation that was not renewed at the end of its term, and not the renewed one', async () => {
    await travel('2031-06-01T09:00:01.000Z');
    expect((await progress(beta)).designation.status).toBe('expired');
    expect(subjects('lead@beta.edu').at(-1)).toMatch(/designation has expired/);
    expect((await progress(alpha)).designation.status).toBe('renewed');
    expect((await progress(renewal)).designation.status).toBe('active');
    const applicant = await leader('lead@beta.edu');
    const late = await t.http().post(`/applications/${beta}/renewal`).set(applicant.auth).expect(409);
    expect(late.body.code).toBe('renewal.no_designation');
  });

  it('leaves every step in the history an auditor replays', async () => {
    expect(await history(alpha)).toEqual(
      expect.arrayContaining([
        'DecisionRecorded',
        'ProgressUpdateSubmitted',
        'ProgressConfirmationRequested',
        'ProgressConfirmationRecorded',
        'DesignationSuspended',
        'DesignationReinstated',
        'RenewalReminderIssued',
        'RenewalStarted',
        'DesignationRenewed',
      ]),
    );
    expect(await history(alpha)).not.toContain('DesignationExpired');
    expect(await history(renewal)).toEqual(
      expect.arrayContaining(['SurveySubmitted', 'RenewalOpened', 'SurveyAccepted', 'AssessmentSubmitted', 'DecisionRecorded']),
    );
    expect(await history(beta)).toEqual(expect.arrayContaining(['DesignationSuspended', 'RenewalReminderIssued', 'DesignationExpired']));
    const verified = (await t.http().get(`/audit/applications/${alpha}/verify`).set(auditor.auth).expect(200)).body;
    expect(verified).toEqual(expect.objectContaining({ ok: true }));
  });
});
