import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ACCOUNT_EVENTS,
  CREDENTIAL_EVENTS,
  CREDENTIAL_LIST_STREAM,
  accountStream,
  AWARD_CYCLE_EVENTS,
  Application,
  CHECKPOINT_EVENTS,
  CHECKPOINT_STREAM,
  DIRECTORY_LISTING_EVENTS,
  EVENT_REGISTRY,
  EventShape,
  EventSpec,
  NOTIFICATION_EVENTS,
  PERSONAL_FIELDS,
  REVIEWER_EVENTS,
  REVIEW_CYCLE_EVENTS,
  SCHEMA_VERSIONS,
  SUBJECT_EVENTS,
  applicationDecider,
  awardCycleStream,
  directoryListingStream,
  notificationStream,
  reviewCycleStream,
  reviewerStream,
  personIdsIn,
  subjectStream,
  upcast,
} from '@cert/domain';
import { SqliteEventStore, VersionedEventStore, handle, verifyChain } from '@cert/event-store';
import { ALL_PROJECTIONS, applyEvent, createSchema, getApplication } from '@cert/projections';
import { ProtectedEventStore, SqliteSubjectKeys } from '@cert/privacy';
import { verifyLog } from '@cert/audit';
import { reactTo } from '../libs/work/src/reaction-runner';

/**
 * Event schema evolution: a fixture of every event type at every version ever written.
 * test/fixtures/events/<Type>.v<N>.json is the stored shape of that version. A fixture is never edited or removed
 * (that shape may be in someone's log); a shape change adds a version, its upcaster and a new fixture.
 */
const DIR = join(__dirname, 'fixtures', 'events');
type Fixture = { type: string; schemaVersion: number; data: Record<string, unknown> };
const fixtures = new Map<string, Fixture>(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8'))]),
);
const current = (type: string) => (SCHEMA_VERSIONS as Record<string, number>)[type];
const fixture = (name: string) => {
  const f = fixtures.get(name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};

/** The structure of a value: object keys (sorted, recursively) and array element shapes; leaves are just "value". */
const shape = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  return 'value';
};

/** An application's events in an order its lifecycle can produce, then the ones from other paths (rejected, lapsed, released). */
const APPLICATION = [
  'SurveySubmitted.v1',
  'NominationLinked.v1',
  'NominationClaimed.v1',
  'SurveyAmended.v1',
  'DuplicateDismissed.v1',
  'SurveyAccepted.v1',
  'AssessmentReminderIssued.v1',
  'AssessmentDraftSaved.v1',
  // docs/DOMAIN.md, Evidence: a document attached, a link added and removed while the assessment is prepared.
  'EvidenceDocumentAttached.v1',
  'EvidenceLinkAdded.v1',
  'EvidenceRemoved.v1',
  'AssessmentDeadlineExtended.v1',
  'AssessmentSubmitted.v1',
  'ReviewerAssigned.v1',
  'ScoresDraftSaved.v1',
  'ReviewerReminderIssued.v1',
  'ReviewOverdueEscalated.v1',
  'ScoresSubmitted.v1',
  'AdjudicationRequired.v1',
  'AdjudicationResolved.v1',
  'RecommendationComputed.v1',
  'DecisionRecorded.v1',
  'GrowthReportIssued.v1',
  'DecisionFinalized.v1',
  'ProgressReminderIssued.v1',
  'DesignationSuspended.v1',
  'ProgressUpdateSubmitted.v1',
  'DesignationReinstated.v1',
  'ReviewerReleased.v1',
  'SurveyRejected.v1',
  'ApplicationLapsed.v1',
  'AppealFiled.v1',
  'AppealRouted.v1',
  'DecisionRecorded.v2',
  // Progress confirmation, term and renewal (RenewalOpened opens a renewal's stream; folded here it only links).
  'ProgressConfirmationRequested.v1',
  'ProgressConfirmationRecorded.v1',
  'RenewalReminderIssued.v1',
  'RenewalStarted.v1',
  'DesignationRenewed.v1',
  'DesignationExpired.v1',
  'RenewalOpened.v1',
  // The award on the leader's record (the award cycle's own events are in OTHER_STREAMS).
  'AwardRecorded.v1',
  // The end of the record of reasons' retention: nothing follows it.
  'RecordOfReasonsShredded.v1',
];
/** The other streams' fixtures, each in its family's table order (the order that family's events happen in). */
type Data = Record<string, string>;
const FAMILY_STREAMS: [family: object, streamOf: (data: Data) => string][] = [
  [NOTIFICATION_EVENTS, (d) => notificationStream(d.notificationId)],
  [SUBJECT_EVENTS, (d) => subjectStream(d.subjectId)],
  [CHECKPOINT_EVENTS, () => CHECKPOINT_STREAM],
  [REVIEWER_EVENTS, (d) => reviewerStream(d.reviewerId)],
  [REVIEW_CYCLE_EVENTS, (d) => reviewCycleStream(d.cycle)],
  [DIRECTORY_LISTING_EVENTS, (d) => directoryListingStream(d.applicationId)],
  [AWARD_CYCLE_EVENTS, (d) => awardCycleStream(Number(d.year))],
  [ACCOUNT_EVENTS, (d) => accountStream(d.accountId)],
  [CREDENTIAL_EVENTS, () => CREDENTIAL_LIST_STREAM],
];
const OTHER_STREAMS: Record<string, string> = Object.fromEntries(
  FAMILY_STREAMS.flatMap(([family, streamOf]) =>
    Object.keys(family).flatMap((type) =>
      [...fixtures].filter(([, f]) => f.type === type).map(([name, f]) => [name, streamOf(f.data as Data)]),
    ),
  ),
);

describe('event schema evolution: a fixture of every event type at every version', () => {
  it('has exactly one fixture per type and version, from 1 to the version written today', () => {
    const expected = Object.keys(SCHEMA_VERSIONS)
      .flatMap((type) => Array.from({ length: current(type) }, (_, i) => `${type}.v${i + 1}`))
      .sort();
    expect([...fixtures.keys()]).toEqual(expected);
    for (const [name, f] of fixtures) expect(`${f.type}.v${f.schemaVersion}`).toBe(name);
    expect([...APPLICATION, ...Object.keys(OTHER_STREAMS)].sort()).toEqual(expected);
  });

  it.each([...fixtures.keys()])('%s upcasts to the current shape of its type', (name) => {
    const f = fixture(name);
    const up = upcast(f);
    expect(up.schemaVersion).toBe(current(f.type));
    expect(shape(up.data)).toEqual(shape(fixture(`${f.type}.v${current(f.type)}`).data));
    if (f.schemaVersion === current(f.type)) expect(up).toBe(f);
  });

  it('reads every version from a log as written (never rewritten), into evolve, every projection and the reactors', async () => {
    const stored = SqliteEventStore.open(':memory:');
    const keys = SqliteSubjectKeys.open(':memory:');
    const store = new ProtectedEventStore(stored, keys);
    // Each fixture appended as it was stored in its day: its own schema version, hashed by the store like any event.
    const write = (name: string, streamId: string) => {
      const f = fixture(name);
      const decider = { initialState: () => null, evolve: () => null, decide: () => [{ type: f.type, data: f.data }] };
      const asOfItsDay = new VersionedEventStore(stored, { schemaVersionOf: () => f.schemaVersion, upcast: (e) => e });
      return handle(asOfItsDay, streamId, decider, null, { actorId: 'fixture', actorRole: 'system', now: '2026-01-10T09:00:00.000Z' });
    };
    const applicationId = fixture('SurveySubmitted.v1').data.applicationId as string;
    for (const name of APPLICATION) await write(name, `application-${applicationId}`);
    for (const [name, streamId] of Object.entries(OTHER_STREAMS)) await write(name, streamId);

    const read = await store.readAll(null, 1000);
    expect(read).toHaveLength(fixtures.size);
    expect(read.every((e) => e.schemaVersion === current(e.type))).toBe(true);
    const oldDecision = read.find((e) => e.type === 'DecisionRecorded' && e.upcastFrom === 1)!;
    expect(oldDecision.data).toEqual(
      expect.objectContaining({ justificationLength: 69, justification: expect.stringMatching(/^The site visit/) }),
    );
    // The stored v1 bytes are untouched, so their hashes hold.
    expect((await verifyLog(stored)).ok).toBe(true);
    expect(verifyChain((await stored.readStream(`application-${applicationId}`)).events)).toEqual({ ok: true });
    expect((await stored.readStream(`application-${applicationId}`)).events.find((e) => e.type === 'DecisionRecorded')!.schemaVersion).toBe(
      1,
    );

    const application = read.filter((e) => e.streamId.startsWith('application-'));
    const state = application.reduce<Application>((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    expect(state).toEqual(
      expect.objectContaining({ status: 'Decided', decision: expect.objectContaining({ outcome: 'ProgramOfExcellence' }) }),
    );

    const db = new Database(':memory:');
    createSchema(db, ALL_PROJECTIONS);
    for (const e of read) applyEvent(db, ALL_PROJECTIONS, e);
    expect(getApplication(db, applicationId)).toEqual(
      expect.objectContaining({ decisionOutcome: 'ProgramOfExcellence', leaderName: 'Dr. Ada Rivers' }),
    );
    expect(() => read.flatMap(reactTo)).not.toThrow();
    db.close();
    await store.close();
    await keys.close();
  });
});

/** Every value at a personal field's path (dots into objects, `[]` over arrays), as the store walks it. */
const valuesAt = (value: unknown, path: string): unknown[] => {
  if (path === '') return [value];
  const [head, ...rest] = path.split('.');
  const key = head.replace(/\[\]$/, '');
  const next = (value as Record<string, unknown> | null)?.[key];
  const items = head.endsWith('[]') ? (Array.isArray(next) ? next : []) : next === undefined ? [] : [next];
  return items.flatMap((item) => valuesAt(item, rest.join('.')));
};

describe('the registry on the fixtures: every event type as written today', () => {
  const today = [...fixtures.values()].filter((f) => f.schemaVersion === current(f.type));

  it('registers the type of every fixture', () => {
    expect(today.map((f) => f.type).sort()).toEqual(Object.keys(EVENT_REGISTRY).sort());
  });

  it.each(today.map((f) => [f.type, f] as const))('%s: every personal field path finds text in its data', (_type, f) => {
    for (const { path } of PERSONAL_FIELDS[f.type] ?? []) {
      const found = valuesAt(f.data, path);
      expect({ path, found: found.length > 0 && found.every((v) => typeof v === 'string') }).toEqual({ path, found: true });
    }
  });

  it.each(today.map((f) => [f.type, f] as const))('%s: reads as a sentence that names people, not their ids', (_type, f) => {
    // Every person id at any depth (`disputed[].levels[].reviewerId` too), and the applications a sentence names.
    const ids = personIdsIn(f.data);
    const names = new Map(ids.map((id, i) => [id, `Person ${String.fromCharCode(65 + i)}`]));
    const application = (id: string) => `APP-REF-${id.slice(0, 4)}`;
    // The table's own describe, not describeEvent, which words a sentence it cannot form as the bare label.
    const { describe } = (EVENT_REGISTRY as Record<string, EventSpec<EventShape>>)[f.type];
    const plain = describe(f, { person: (id) => id, application: (id) => id, appealDecided: false });
    const named = describe(f, { person: (id) => names.get(id) ?? id, application, appealDecided: false });
    const renewalId = (f.data as { renewalId?: string }).renewalId;
    if (renewalId) expect(named).toContain(application(renewalId));
    expect(named.trim().length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(named).not.toContain(id);
      if (plain.includes(id)) expect(named).toContain(names.get(id));
    }
  });
});
