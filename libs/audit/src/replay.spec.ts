import { decisionReport } from './decision-report';
import { eventsCsv } from './export';
import { historyEntries } from './history';
import { decisionReportPdf } from './report-pdf';
import { reproduceDecision } from './reproduce';
import { reviewerView } from './reviewer-view';
import { stateAsOf } from './state-as-of';
import { APP_ID, CODES, paths, recorded } from './testing/histories';

const events = recorded(paths.released());

/** RFC 4180 just enough to read our own file back (quoted fields, doubled quotes, commas and newlines inside quotes). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rows.at(-1)!.push(field);
      field = '';
    } else if (c === '\n') {
      rows.at(-1)!.push(field);
      field = '';
      rows.push([]);
    } else field += c;
  }
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}
const at = (type: string) => events.find((e) => e.type === type)!;

describe('history and state as of a moment', () => {
  it('lists every event with who, when, versions and correlation', () => {
    const entries = historyEntries(events);
    expect(entries).toHaveLength(events.length);
    expect(entries[0]).toEqual(
      expect.objectContaining({
        version: 1,
        type: 'SurveySubmitted',
        actorId: 'user-staff',
        correlationId: 'c-0',
        causationId: null,
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
        hash: events[0].metadata.hash,
      }),
    );
    // Each with the one sentence every timeline, report and export uses.
    expect(entries[0].summary).toMatch(/^(Intake survey|Nomination) received for .+ \(APP-\d{4}-[0-9A-F]+\)$/);
    expect(entries.find((e) => e.type === 'ReviewerReleased')!.summary).toBe('Reviewer rev-b released: Unavailable');
  });

  it('folds the decider over the prefix up to an instant or a position, and over nothing before the first event', () => {
    const scored = at('ScoresSubmitted');
    expect(stateAsOf(events, { asOf: scored.metadata.occurredAt })).toEqual(
      expect.objectContaining({ version: scored.version, position: scored.position }),
    );
    expect(stateAsOf(events, { position: at('ReviewerReleased').position }).state).toEqual(
      expect.objectContaining({ status: 'UnderReview' }),
    );
    expect(stateAsOf(events, { asOf: '2000-01-01T00:00:00Z' })).toEqual(expect.objectContaining({ version: 0, state: { status: 'None' } }));
    expect(stateAsOf(events, {}).state).toEqual(expect.objectContaining({ status: 'Decided' }));
    expect(() => stateAsOf(events, { asOf: 'yesterday' })).toThrow(/ISO/);
  });
});

describe('reviewerView', () => {
  it('shows the assignment and the application as it stood just before the reviewer submitted', () => {
    const view = reviewerView(APP_ID, 'rev-d', events);
    expect(view.assignments).toEqual([expect.objectContaining({ purpose: 'review', method: 'manual', released: null })]);
    const submitted = events.find((e) => e.type === 'ScoresSubmitted' && e.data.reviewerId === 'rev-d')!;
    expect(view.moment).toEqual({ scored: true, version: submitted.version, occurredAt: submitted.metadata.occurredAt });
    expect(view.application).toEqual(expect.objectContaining({ status: 'UnderReview', assessment: expect.any(Array) }));
    // rev-a had finished by then, and this reviewer was not shown those scores.
    expect(view.notShown).toEqual({ otherFinishedReviews: 1, recommendation: false });
  });

  it('shows a released reviewer their release, and their draft', () => {
    expect(reviewerView(APP_ID, 'rev-b', events).assignments[0].released).toEqual(expect.objectContaining({ reason: 'Unavailable' }));
    expect(reviewerView(APP_ID, 'rev-a', events).drafts).toEqual([expect.objectContaining({ indicators: CODES.slice(0, 3) })]);
  });

  it('refuses a reviewer never assigned', () => {
    expect(() => reviewerView(APP_ID, 'rev-z', events)).toThrow(/assignment .* not found/);
  });
});

describe('decision report, PDF and CSV', () => {
  const verification = { ok: true, streamId: 's', events: events.length, headHash: events.at(-1)!.metadata.hash!, problem: null };
  const report = decisionReport(events, {
    generatedAt: '2026-05-01T00:00:00.000Z',
    verification,
    reproduction: reproduceDecision(APP_ID, events),
    recordOfReasons: {
      applicationId: APP_ID,
      reference: 'APP-2026-3F1C2A',
      standing: 'open',
      retention: null,
      shreddedAt: null,
      until: 'Kept while the application is open; its retention starts when it closes (its final decision, or a rejection).',
      why: 'The reasons for a decision are the institution’s record of why it was made.',
      counts: { kept: 3, shredded: 0, erasedWithPerson: 0, underPeoplesKeys: 0 },
    },
  });

  it('gathers timeline, scores by indicator and reviewer, the rule, the decision and the deadlines', () => {
    expect(report.timeline).toHaveLength(events.length);
    expect(report.timeline[0].versions).toBe('ic-map.v1 / decision-policy.v1');
    expect(report.scores).toHaveLength(CODES.length);
    expect(report.scores[0]).toEqual(expect.objectContaining({ levels: { 'rev-a': 4, 'rev-d': 3 }, consensus: 3.5 }));
    expect(report.recommendation?.rule).toMatch(/^decision-policy\.v1\/charter/);
    expect(report.decision).toEqual(expect.objectContaining({ outcome: 'CharterMembership', overruled: false }));
    expect(report.deadlines.map((d) => d.what)).toEqual([
      'assessment',
      'scores from rev-a',
      'scores from rev-b',
      'scores from rev-d',
      'appeal window',
      'progress update',
    ]);
    expect(report.reproduction).toEqual(expect.objectContaining({ reproduced: true, differences: [] }));
    const recommended = report.timeline.find((t) => t.type === 'RecommendationComputed')!;
    expect(recommended.summary).toMatch(/^The engine recommends Charter membership \(overall mean/);
  });

  it('renders a PDF', async () => {
    const pdf = await decisionReportPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
  });

  it('writes one CSV row per event that a spreadsheet reads back', () => {
    const rows = parseCsv(eventsCsv(events));
    expect(rows).toHaveLength(events.length);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        position: '10',
        version: '1',
        type: 'SurveySubmitted',
        rubric_version: 'ic-map.v1',
        hash: events[0].metadata.hash,
      }),
    );
    expect(JSON.parse(rows[0].data)).toEqual(events[0].data);
    expect(rows.map((r) => r.summary)).toEqual(historyEntries(events).map((e) => e.summary));
  });
});
