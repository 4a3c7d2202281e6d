import { ALL_PROJECTIONS } from '../projections';
import { logBuilder, readModel } from '../testing/given';
import {
  CODES,
  DUE,
  T0,
  applicant,
  candidate,
  cmd,
  nominator,
  ratingsAt,
  scoresAt,
  survey,
} from '../../../domain/src/application/application.fixtures';
import {
  findDuplicate,
  getApplication,
  getAssessment,
  getGrowthReport,
  getTimeline,
  listApplicationsForApplicant,
  nominatedAt,
  overdueAssessments,
  possibleDuplicates,
  staffQueue,
} from './application-summary.queries';

const A = '3f1c2a9e-0000-4000-8000-00000000000a';
const later = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

const setup = () => {
  const { db, apply } = readModel(ALL_PROJECTIONS);
  const { run } = logBuilder();
  const step = (id: string, ...commands: Parameters<typeof run>[1][]) => apply(run(id, ...commands));
  return { db, step };
};

describe('application-summary projection', () => {
  it('shows the right status and stage at every step of a full cycle', () => {
    const { db, step } = setup();
    const at = () => getApplication(db, A)!;

    step(A, cmd.submitSurvey());
    expect(at()).toMatchObject({
      status: 'Screening',
      stage: 'Intake screening',
      reference: 'APP-2026-3F1C2A',
      leaderName: 'Dr. Ada Rivers',
      applicantEmail: 'leader@riverside.edu',
      institutionName: 'Riverside STEM Academy',
      nominators: [],
      version: 1,
    });

    step(A, cmd.accept());
    expect(at()).toMatchObject({ status: 'AwaitingAssessment', stage: 'Self-assessment', dueAt: DUE });

    step(A, cmd.saveDraft(ratingsAt(3).slice(0, 5)));
    expect(at()).toMatchObject({ assessmentRated: 5, assessmentTotal: 16 });
    expect(getAssessment(db, A).map((r) => r.state)).toEqual(Array(5).fill('draft'));

    step(A, cmd.submitAssessment(ratingsAt(3), later(1)));
    expect(at()).toMatchObject({ status: 'UnderReview', stage: 'Review', assessmentRated: 16, assessmentSubmittedAt: later(1) });
    expect(getAssessment(db, A).map((r) => r.indicator)).toEqual(CODES);
    expect(getAssessment(db, A).every((r) => r.state === 'submitted')).toBe(true);

    step(A, cmd.assignAuto([candidate('rev-a'), candidate('rev-b')], 2, later(2)));
    expect(at().reviewers).toEqual([
      { reviewerId: 'rev-a', purpose: 'review', status: 'assigned', dueAt: later(16) },
      { reviewerId: 'rev-b', purpose: 'review', status: 'assigned', dueAt: later(16) },
    ]);

    step(
      A,
      cmd.submitScores('rev-a', scoresAt(4), 'ProgramOfExcellence', later(3)),
      cmd.submitScores('rev-b', scoresAt(4, { [CODES[0]]: 2 }), 'CharterMembership', later(4)),
    );
    expect(at()).toMatchObject({ status: 'NeedsAdjudication', stage: 'Adjudication', disputed: [CODES[0]] });
    expect(at().reviewers.map((r) => r.status)).toEqual(['finished', 'finished']);

    step(A, cmd.resolve([{ indicator: CODES[0], level: 3 }], 'Board reviewed the site-visit notes.', later(5)));
    expect(at()).toMatchObject({
      status: 'AwaitingDecision',
      stage: 'Board decision',
      recommendation: 'CharterMembership',
      recommendationRule: expect.stringContaining('charter'),
    });

    step(A, cmd.decide('ProgramOfExcellence', 'The site visit showed district-wide practice.', later(6)));
    expect(at()).toMatchObject({
      status: 'Decided',
      stage: 'Decided',
      decisionOutcome: 'ProgramOfExcellence',
      decisionOverruled: true,
      decisionJustification: 'The site visit showed district-wide practice.',
      decidedAt: later(6),
    });
    expect(getGrowthReport(db, A)).toMatchObject({ applicationId: A, issuedAt: later(6) });
    expect(getGrowthReport(db, A)!.items).toHaveLength(16);

    const timeline = getTimeline(db, A);
    expect(timeline.map((e) => e.version)).toEqual(timeline.map((_, i) => i + 1));
    expect(timeline.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Survey accepted; assessment due 2026-02-09',
        'Reviewer rev-a assigned (auto), due 2026-01-26',
        'Decision: STEM Program of Excellence (overruled recommendation Charter membership: The site visit showed district-wide practice.)',
      ]),
    );
    expect(timeline[1]).toMatchObject({ type: 'SurveyAccepted', actorId: 'user-staff', actorRole: 'staff', occurredAt: T0 });

    // docs/DOMAIN.md, Names: worded when read, with the names of that moment; the engine is credited with its own steps.
    const names = (id: string) => ({ 'rev-a': 'Rita North', 'user-staff': 'Sam Staff' })[id] ?? '[erased person]';
    const named = getTimeline(db, A, names);
    expect(named.map((e) => e.summary)).toEqual(expect.arrayContaining(['Reviewer Rita North assigned (auto), due 2026-01-26']));
    expect(named[1].actorName).toBe('Sam Staff');
    expect(named.find((e) => e.type === 'RecommendationComputed')!.actorName).toBe('The engine (policy decision-policy.v1)');
    expect(named.find((e) => e.type === 'GrowthReportIssued')!.actorName).toBe('The engine (policy decision-policy.v1)');
    // Nothing of a name is stored: the same rows read with other names at once.
    const renamed = getTimeline(db, A, (id) => (id === 'rev-a' ? 'Rita Nkemelu-North' : undefined));
    expect(renamed.map((e) => e.summary)).toEqual(expect.arrayContaining(['Reviewer Rita Nkemelu-North assigned (auto), due 2026-01-26']));
    expect(JSON.stringify(db.prepare('SELECT * FROM application_timeline').all())).not.toContain('Rita');
  });

  it('marks rejected, lapsed and reopened applications in plain words', () => {
    const { db, step } = setup();
    step('rejected', cmd.submitSurvey(), cmd.reject('Not a STEM program'));
    step('lapsed', cmd.submitSurvey(), cmd.accept(), cmd.expire(DUE, later(31)));
    expect(getApplication(db, 'rejected')).toMatchObject({ status: 'Rejected', stage: 'Not accepted' });
    expect(getApplication(db, 'lapsed')).toMatchObject({ status: 'Lapsed', stage: 'Lapsed' });

    step('lapsed', cmd.extend('2026-03-15T09:00:00.000Z', later(32)));
    expect(getApplication(db, 'lapsed')).toMatchObject({
      status: 'AwaitingAssessment',
      stage: 'Self-assessment',
      dueAt: '2026-03-15T09:00:00.000Z',
    });
    expect(getTimeline(db, 'lapsed').at(-1)!.summary).toBe(
      'Assessment deadline extended from 2026-02-09 to 2026-03-15, application reopened: School closed for storms',
    );
  });

  it('counts the staff queue by status and lists the oldest first', () => {
    const { db, step } = setup();
    step('s1', cmd.submitSurvey({ now: later(2) }));
    step('s2', cmd.submitSurvey({ now: later(1) }));
    step('a1', cmd.submitSurvey(), cmd.accept(later(3)));
    step('r1', cmd.submitSurvey(), cmd.reject('Duplicate entry', later(4)));

    const queue = staffQueue(db);
    expect(queue.counts).toEqual({
      Screening: 2,
      Rejected: 1,
      AwaitingAssessment: 1,
      Lapsed: 0,
      UnderReview: 0,
      NeedsAdjudication: 0,
      AwaitingDecision: 0,
      Decided: 0,
      Appealed: 0,
    });
    expect(queue.items.map((a) => a.id)).toEqual(['s2', 's1', 'a1', 'r1']);
    expect(staffQueue(db, { status: 'Screening' }).items.map((a) => a.id)).toEqual(['s2', 's1']);
    expect(staffQueue(db, { status: 'Screening', limit: 1, offset: 1 }).items.map((a) => a.id)).toEqual(['s1']);
    expect(staffQueue(db, { status: 'Screening' }).counts.Rejected).toBe(1);
  });

  it("counts each application's reviewers and flags those under review short of them", () => {
    const { db, step } = setup();
    const underReview = (id: string, reviewers: string[]) =>
      step(id, cmd.submitSurvey(), cmd.accept(), cmd.submitAssessment(ratingsAt(3)), cmd.assignManual(reviewers.map((r) => candidate(r))));
    underReview('full', ['rev-a', 'rev-b']);
    underReview('short', ['rev-a', 'rev-b']);
    step('short', cmd.release('rev-b'));
    step('waiting', cmd.submitSurvey(), cmd.accept());

    const queue = staffQueue(db);
    const row = (id: string) => queue.items.find((a) => a.id === id);
    expect(row('full')).toMatchObject({ reviewerCount: 2, reviewersRequired: 2, needsReviewers: false });
    expect(row('short')).toMatchObject({ reviewerCount: 1, reviewersRequired: 2, needsReviewers: true });
    // Not under review yet: nobody to assign, so not flagged.
    expect(row('waiting')).toMatchObject({ reviewerCount: 0, needsReviewers: false });
    expect(queue.needsReviewers).toBe(1);
    expect(staffQueue(db, { needsReviewers: true }).items.map((a) => a.id)).toEqual(['short']);
    expect(staffQueue(db, { needsReviewers: true }).matching).toBe(1);
  });

  it("finds applications by part of the reference, the leader's name or the institution, in any case", () => {
    const { db, step } = setup();
    step(A, cmd.submitSurvey());
    step(
      'other',
      cmd.submitSurvey({
        survey: survey({ leaderName: 'Ben Okafor', institution: { ...survey().institution, name: 'Lakeside 100% Tech' } }),
      }),
    );
    const found = (q: string) => staffQueue(db, { q }).items.map((a) => a.id);

    expect(found('app-2026-3f1c')).toEqual([A]);
    expect(found('ada riv')).toEqual([A]);
    expect(found('LAKESIDE')).toEqual(['other']);
    // What a person types is text, not a pattern: "%" finds only a literal percent sign.
    expect(found('100%')).toEqual(['other']);
    expect(found('%')).toEqual(['other']);
    expect(found('nobody')).toEqual([]);
    expect(staffQueue(db, { q: 'okafor', status: 'Rejected' }).items).toEqual([]);
    expect(staffQueue(db, { q: 'okafor' }).matching).toBe(1);
  });

  it('finds a duplicate of the same leader and institution, whatever the spelling, unless it was rejected', () => {
    const { db, step } = setup();
    step(A, cmd.submitSurvey());
    expect(findDuplicate(db, ' Leader@Riverside.EDU', 'riverside stem  academy ')?.id).toBe(A);
    expect(findDuplicate(db, 'leader@riverside.edu', 'Another Academy')).toBeNull();
    expect(findDuplicate(db, 'someone@riverside.edu', 'Riverside STEM Academy')).toBeNull();

    step(A, cmd.reject('Incomplete'));
    expect(findDuplicate(db, 'leader@riverside.edu', 'Riverside STEM Academy')).toBeNull();
  });

  it('lists the leader their applications and a nominator only what they nominated', () => {
    const { db, step } = setup();
    step('own', cmd.submitSurvey({ now: later(1) }));
    step(
      'nominated',
      cmd.submitSurvey({
        actor: nominator,
        asNominator: true,
        survey: survey({ institution: { name: 'Hill Academy', type: 'academy', country: 'US', region: 'Ohio' } }),
      }),
    );
    step('own', cmd.linkNomination({ id: 'user-second', role: 'applicant', email: 'second@example.org' }));

    const leader = listApplicationsForApplicant(db, 'LEADER@riverside.edu', 'user-leader');
    expect(leader.map((i) => [i.role, i.role === 'applicant' ? i.application.id : i.nomination.id])).toEqual([
      ['applicant', 'own'],
      ['applicant', 'nominated'],
    ]);

    const fan = listApplicationsForApplicant(db, 'fan@example.org', 'user-nominator');
    expect(fan).toEqual([
      {
        role: 'nominator',
        nomination: {
          id: 'nominated',
          reference: expect.any(String),
          leaderName: 'Dr. Ada Rivers',
          institutionName: 'Hill Academy',
          submittedAt: T0,
        },
      },
    ]);
    expect(listApplicationsForApplicant(db, 'second@example.org', 'user-second').map((i) => i.role)).toEqual(['nominator']);
    expect(getApplication(db, 'own')!.nominators).toEqual(['user-second']);
  });

  it('lists assessments past their due date that are still open', () => {
    const { db, step } = setup();
    step('due', cmd.submitSurvey(), cmd.accept());
    step('extended', cmd.submitSurvey(), cmd.accept(), cmd.extend('2026-03-01T00:00:00Z', later(1)));
    step('submitted', cmd.submitSurvey(), cmd.accept(), cmd.submitAssessment(ratingsAt(2)));

    expect(overdueAssessments(db, later(29)).map((a) => a.id)).toEqual([]);
    expect(overdueAssessments(db, DUE).map((a) => [a.id, a.dueAt])).toEqual([['due', DUE]]);
    expect(overdueAssessments(db, '2026-03-01T00:00:00.000Z').map((a) => [a.id, a.dueAt])).toEqual([
      ['due', DUE],
      ['extended', '2026-03-01T00:00:00Z'],
    ]);
  });

  it('links a renewal to the application it renews (its pages then show the earlier years), and no other', () => {
    const { db, step } = setup();
    step('old', cmd.submitSurvey());
    step('new', {
      type: 'OpenRenewal',
      data: {
        applicationId: 'new',
        renewalOf: 'old',
        survey: survey(),
        previous: { reference: 'APP-2026-OLD', outcome: 'CharterMembership', decidedAt: T0, termEndsAt: later(5 * 365) },
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
      },
      metadata: { actor: applicant, now: later(4 * 365) },
    });
    expect(getApplication(db, 'new')!.renewalOf).toBe('old');
    expect(getApplication(db, 'old')!.renewalOf).toBeNull();
  });

  it("shows staff the leader's claimed survey, and the nominator only what they wrote", () => {
    const { db, step } = setup();
    const stranger = { id: 'user-stranger', role: 'applicant' as const, email: 'stranger@example.net' };
    step('n', cmd.submitSurvey({ actor: stranger, survey: survey({ leaderName: 'Ada R.', programDescription: 'Not the leader text.' }) }));
    expect(getApplication(db, 'n')).toEqual(
      expect.objectContaining({ nominationStatus: 'pending', claimedAt: null, leaderName: 'Ada R.' }),
    );

    step('n', cmd.claim({ survey: survey({ programDescription: 'The leader text.' }), now: later(2) }));
    expect(getApplication(db, 'n')).toEqual(
      expect.objectContaining({ nominationStatus: 'claimed', claimedAt: later(2), leaderName: 'Dr. Ada Rivers' }),
    );
    expect(getApplication(db, 'n')!.survey.programDescription).toBe('The leader text.');
    expect(listApplicationsForApplicant(db, 'stranger@example.net', 'user-stranger')).toEqual([
      {
        role: 'nominator',
        nomination: expect.objectContaining({ id: 'n', leaderName: 'Ada R.', institutionName: 'Riverside STEM Academy' }),
      },
    ]);
    expect(nominatedAt(db, 'n', 'user-stranger')).toBe(T0);
    step('n', cmd.amend({ survey: survey({ programDescription: 'Changed by the leader before screening.' }) }));
    expect(getApplication(db, 'n')!.survey.programDescription).toBe('Changed by the leader before screening.');
  });

  it('flags possible duplicates: the same leader and institution under another email, and a designation held', () => {
    const { db, step } = setup();
    step('first', cmd.submitSurvey());
    step('second', cmd.submitSurvey({ actor: nominator, survey: survey({ leaderName: 'ada  rivers', contactEmail: 'ada@home.example' }) }));
    step('other', cmd.submitSurvey({ survey: survey({ leaderName: 'Ben Stone', contactEmail: 'ben@riverside.edu' }) }));
    const dupes = (id: string) => possibleDuplicates(db, getApplication(db, id)!).map((d) => [d.id, d.why]);
    expect(dupes('second')).toEqual([['first', 'same-leader']]);
    expect(dupes('first')).toEqual([['second', 'same-leader']]);
    expect(dupes('other')).toEqual([]);
    expect(staffQueue(db, { status: 'Screening' }).items.find((i) => i.id === 'second')!.possibleDuplicates).toEqual([
      expect.objectContaining({ id: 'first', reference: expect.any(String), why: 'same-leader' }),
    ]);

    step('second', cmd.notDuplicate('first'));
    expect(dupes('second')).toEqual([]);
    expect(dupes('first')).toEqual([]);
  });
});
