import { BlindReviewSet, Names } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { decisionReport } from './decision-report';
import { eventsCsv, exportDocument } from './export';
import { historyEntries } from './history';
import { decisionReportPdf } from './report-pdf';
import { reproduceDecision } from './reproduce';
import { reviewerView } from './reviewer-view';
import { stateAsOf } from './state-as-of';
import { pdfText } from './testing/pdf-text';
import { APP_ID, paths, recorded } from './testing/histories';

/** docs/DOMAIN.md, Names: the people of the fixture histories, as their accounts would name them. */
const PEOPLE: Record<string, string> = {
  'rev-a': 'Rita North',
  'rev-b': 'Bo Becker',
  'rev-d': 'Dee Dalton',
  'user-staff': 'Sam Staff',
  'user-board': 'Bea Chair',
  'user-leader': 'Dr. Ada Rivers',
};
const names: Names = (id) => PEOPLE[id] ?? '[erased person]';
const naming = { names };
const UUID_OR_FIXTURE_ID = /rev-[a-z]|user-(staff|board|leader)/;
/** The PDF's text with its line breaks undone: a name may wrap inside a table cell. */
const textOf = async (pdf: Promise<Buffer>) => pdfText(await pdf).replace(/\s+/g, ' ');
const LEADER = ['Dr. Ada Rivers', 'leader@riverside.edu', 'Riverside STEM Academy'];

/** The released path, with evidence that names the school, as applicants write it. */
const released = () => {
  const events = recorded(paths.released());
  const assessment = events.find((e) => e.type === 'AssessmentSubmitted')!;
  if (assessment.type === 'AssessmentSubmitted')
    assessment.data.ratings[0] = {
      ...assessment.data.ratings[0],
      evidence: 'Minutes of Riverside STEM Academy SLT, signed by Dr. Ada Rivers',
    };
  return events;
};

/** The review cycle's stream: blind review set on, at a log position relative to the application's events. */
const cycleSet = (blindReview: boolean, position: string, actorId = 'user-staff'): RecordedEvent<BlindReviewSet> => ({
  id: `cycle-${position}`,
  streamId: 'review-cycle-2026',
  version: 1,
  position,
  schemaVersion: 1,
  type: 'BlindReviewSet',
  data: { cycle: '2026', blindReview, setAt: '2026-01-10T10:30:00.000Z' },
  metadata: { actorId, actorRole: 'staff', correlationId: 'c', causationId: null, occurredAt: '2026-01-10T10:30:00.000Z' },
});

describe('the history, the state and the exports in names', () => {
  const events = released();

  it('names who took each step and everyone a sentence names, and credits the engine with its own steps', () => {
    const entries = historyEntries(events, naming);
    expect(entries.find((e) => e.type === 'ReviewerReleased')!.summary).toBe('Reviewer Bo Becker released: Unavailable');
    expect(entries.find((e) => e.type === 'ReviewerAssigned')).toEqual(
      expect.objectContaining({ actorName: 'Sam Staff', people: [{ id: 'rev-a', name: 'Rita North' }] }),
    );
    expect(entries.find((e) => e.type === 'DecisionRecorded')!.actorName).toBe('Bea Chair');
    // Set off by the last reviewer's scores, worked out by the engine.
    for (const type of ['RecommendationComputed', 'GrowthReportIssued'])
      expect(entries.find((e) => e.type === type)!.actorName).toBe('The engine (policy decision-policy.v1)');
    expect(entries.map((e) => e.summary).join('\n')).not.toMatch(UUID_OR_FIXTURE_ID);
  });

  it('shows a state field by field under labels, people by name, "not yet" and "none" for what is not there', () => {
    const before = stateAsOf(events, { position: events.find((e) => e.type === 'ReviewerReleased')!.position }, naming);
    const field = (label: string) => before.readable.find((f) => f.label === label)?.value;
    expect(field('Status')).toBe('Under review');
    expect(field('Reviewers')).toMatch(/^Rita North \(scoring, scores due [-\d]+ [:\d]+ UTC\), Bo Becker \(released\)$/);
    expect(field('Recommendation')).toBe('not yet');
    expect(field('Decision')).toBe('not yet');
    expect(field('Appeal')).toBe('none');
    expect(field('Survey submitted by')).toBe('Dr. Ada Rivers');
    const text = JSON.stringify(before.readable);
    expect(text).not.toMatch(/null|undefined|\[object/);
    expect(text).not.toMatch(UUID_OR_FIXTURE_ID);

    const decided = stateAsOf(events, {}, naming).readable;
    expect(decided.find((f) => f.label === 'Decision')!.value).toMatch(/^Charter membership, 2026-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(decided.find((f) => f.label === 'Reviewers')!.value).toContain('Dee Dalton (finished, recommends');
    expect(stateAsOf(events, { asOf: '2000-01-01T00:00:00Z' }, naming).readable).toEqual([
      { label: 'Status', value: 'No application yet: nothing was recorded by then' },
    ]);
  });

  it('puts a name beside each id in the CSV and the JSON export', () => {
    const [header, ...rows] = eventsCsv(events, naming).split('\n');
    expect(header.split(',').slice(7, 10)).toEqual(['actor_id', 'actor_name', 'actor_role']);
    expect(header.split(',').slice(-3)).toEqual(['data', 'people', 'summary']);
    expect(rows.find((r) => r.includes('ReviewerReleased'))).toMatch(/,user-staff,Sam Staff,staff,.*rev-b: Bo Becker/);
    const doc = exportDocument({ applicationId: APP_ID }, events, events, null, '2026-05-01T00:00:00.000Z', naming);
    expect(doc.readable.find((e) => e.type === 'ScoresSubmitted')).toEqual(
      expect.objectContaining({ actorId: 'user-staff', actorName: 'Sam Staff', people: [{ id: 'rev-a', name: 'Rita North' }] }),
    );
  });
});

describe('what a reviewer saw, honestly', () => {
  const events = released();
  const scoredD = events.find((e) => e.type === 'ScoresSubmitted' && e.data.reviewerId === 'rev-d')!;

  it('withholds the identity a blind cycle kept from them, and names the setting that withheld it', () => {
    const cycle = { cycle: '2026', events: [cycleSet(true, '11')] };
    const view = reviewerView(APP_ID, 'rev-d', events, cycle, naming);
    expect(view.reviewerName).toBe('Dee Dalton');
    expect(view.blindReview).toEqual({
      on: true,
      cycle: '2026',
      setting: {
        cycle: '2026',
        blindReview: true,
        setAt: '2026-01-10T10:30:00.000Z',
        setBy: { id: 'user-staff', name: 'Sam Staff' },
        version: 1,
        position: '11',
      },
      withheld: expect.arrayContaining(["the leader's name", 'the contact email', "the institution's name"]),
    });
    expect(view.application.survey).toEqual(
      expect.objectContaining({
        leaderName: null,
        contactEmail: null,
        institution: expect.objectContaining({ name: null, region: 'South Carolina' }),
      }),
    );
    expect(view.application.assessment![0].evidence).toBe('Minutes of [withheld: blind review] SLT, signed by [withheld: blind review]');
    const shown = JSON.stringify(view);
    for (const identity of LEADER) expect(shown).not.toContain(identity);
    expect(view.assignments[0].assignedBy).toEqual({ actorId: 'user-staff', actorRole: 'staff', name: 'Sam Staff' });
  });

  it('shows the identity when the cycle was not blind when they scored: never set, or set only afterwards', () => {
    for (const cycleEvents of [[], [cycleSet(true, String(Number(scoredD.position) + 1))], [cycleSet(false, '11')]]) {
      const view = reviewerView(APP_ID, 'rev-d', events, { cycle: '2026', events: cycleEvents }, naming);
      expect(view.blindReview.on).toBe(false);
      expect(view.blindReview.withheld).toEqual([]);
      expect(view.application.survey).toEqual(
        expect.objectContaining({ leaderName: 'Dr. Ada Rivers', contactEmail: 'leader@riverside.edu' }),
      );
    }
  });
});

/** What the record of reasons says of an open application; the report carries it, these specs are about names. */
const recordOfReasons = {
  applicationId: APP_ID,
  reference: 'APP-2026-3F1C2A',
  standing: 'open' as const,
  retention: null,
  shreddedAt: null,
  until: 'Kept while the application is open; its retention starts when it closes (its final decision, or a rejection).',
  why: 'The reasons for a decision are the institution’s record of why it was made.',
  counts: { kept: 0, shredded: 0, erasedWithPerson: 0, underPeoplesKeys: 0 },
};

describe('the decision report in names', () => {
  const events = released();
  const verification = { ok: true, streamId: 's', events: events.length, headHash: events.at(-1)!.metadata.hash!, problem: null };
  const report = (cycleEvents: RecordedEvent[] = []) =>
    decisionReport(events, {
      generatedAt: '2026-05-01T00:00:00.000Z',
      verification,
      reproduction: reproduceDecision(APP_ID, events, naming),
      cycle: { cycle: '2026', events: cycleEvents },
      naming,
      recordOfReasons,
    });

  it('names reviewers, the board and the engine, in the JSON and in the text of the PDF', async () => {
    const open = report();
    expect(open.reviewerNaming).toEqual({ blind: false, note: null });
    expect(open.reviewers.map((r) => r.name)).toEqual(['Rita North', 'Bo Becker', 'Dee Dalton']);
    expect(open.decision).toEqual(expect.objectContaining({ decidedBy: 'user-board', decidedByName: 'Bea Chair' }));
    expect(open.deadlines.map((d) => d.what)).toContain('scores from Dee Dalton');
    expect(open.timeline.find((t) => t.type === 'RecommendationComputed')!.actorName).toBe('The engine (policy decision-policy.v1)');

    const text = await textOf(decisionReportPdf(open));
    for (const name of ['Rita North', 'Bo Becker', 'Dee Dalton', 'Bea Chair', 'Sam Staff', 'The engine (policy decision-policy.v1)'])
      expect(text).toContain(name);
    expect(text).toContain('Board decision: Charter membership, by Bea Chair');
    expect(text).not.toMatch(UUID_OR_FIXTURE_ID);
    expect(text).not.toMatch(/\bR1\b|CharterMembership by/);
  });

  it('numbers the reviewers of a blind cycle, and says why', async () => {
    const blind = report([cycleSet(true, '11')]);
    expect(blind.reviewerNaming.blind).toBe(true);
    expect(blind.reviewerNaming.note).toMatch(/^Reviewers are numbered, not named: the 2026 cycle was reviewed blind \(.* by Sam Staff\)/);
    expect(blind.reviewers.map((r) => r.name)).toEqual(['Reviewer 1', 'Reviewer 2', 'Reviewer 3']);
    expect(blind.timeline.find((t) => t.type === 'ReviewerReleased')!.summary).toBe('Reviewer 2 released: Unavailable');
    const text = await textOf(decisionReportPdf(blind));
    expect(text).toContain('Reviewers are numbered, not named');
    expect(text).toContain('Reviewer 3');
    for (const name of ['Rita North', 'Bo Becker', 'Dee Dalton']) expect(text).not.toContain(name);
    // The board and staff are not reviewers: still named.
    expect(text).toContain('Bea Chair');
  });
});

describe('reproduction that explains an overrule', () => {
  it('gives the recommendation recomputed, the decision recorded, that the board overruled it, and why', async () => {
    const events = recorded(paths.overruled());
    const check = reproduceDecision(APP_ID, events, naming).checks.find((c) => c.type === 'DecisionRecorded')!;
    expect(check.recordedRecommendation.outcome).toBe('CharterMembership');
    expect(check.fromRecordedInputs.outcome).toBe('CharterMembership');
    expect(check.decision).toEqual({
      outcome: 'NotYetReady',
      verdict: 'overruled',
      justification: 'The site visit found the program paused since January.',
      justificationLength: 'The site visit found the program paused since January.'.length,
      decidedBy: { id: 'user-board', name: 'Bea Chair' },
      decidedAt: expect.any(String),
      appealOf: null,
    });
    const followed = reproduceDecision(APP_ID, recorded(paths.followed()), naming).checks.at(-1)!;
    expect(followed.decision).toEqual(
      expect.objectContaining({ outcome: 'ProgramOfExcellence', verdict: 'followed', justification: null }),
    );

    const verification = { ok: true, streamId: 's', events: events.length, headHash: null, problem: null };
    const reproduction = reproduceDecision(APP_ID, events, naming);
    const text = await textOf(
      decisionReportPdf(
        decisionReport(events, { generatedAt: events[0].metadata.occurredAt, verification, reproduction, naming, recordOfReasons }),
      ),
    );
    expect(text).toContain(
      'recommendation recomputed from the recorded inputs Charter membership; recorded decision Not yet ready, by Bea Chair; ' +
        'the board overruled it. Justification: The site visit found the program paused since January.',
    );
  });
});
