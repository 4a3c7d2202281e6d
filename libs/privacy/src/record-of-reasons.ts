import {
  Application,
  ApplicationEvent,
  NotFound,
  OpenApplication,
  REASON_FIELDS,
  RETENTION_FROM,
  ReasonCount,
  applicationDecider,
  isErased,
} from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import type { ReasonEntry, RecordOfReasonsSummary, RecordOfReasonsView, RetentionView } from '@cert/contracts';
import type { DataSubjects } from './private.event-store';

/** docs/DOMAIN.md, Personal data and the record of reasons: why the reasons outlive the people's erasure. */
export const RECORD_OF_REASONS_WHY =
  'The reasons for a decision are the institution’s record of why it was made: they are kept after the applicant’s ' +
  'or a reviewer’s erasure so that the decision and any appeal can be accounted for, and shredded when the retention ends.';

const day = (iso: string) => iso.slice(0, 10);

/** Every string at a field's path (dots into objects, `[]` over arrays), as the store walks it; null texts are none. */
const textsAt = (value: unknown, path: string): string[] => {
  if (path === '') return typeof value === 'string' ? [value] : [];
  const [head, ...rest] = path.split('.');
  const key = head.replace(/\[\]$/, '');
  const next = (value as Record<string, unknown> | null)?.[key];
  const items = head.endsWith('[]') ? (Array.isArray(next) ? next : []) : next === undefined ? [] : [next];
  return items.flatMap((item) => textsAt(item, rest.join('.')));
};

const sealingOf = (e: RecordedEvent): ReasonEntry['sealedUnder'] => {
  const subjects = e.metadata.dataSubjects as DataSubjects | undefined;
  return subjects?.record ? 'record' : subjects ? 'people' : 'none';
};

/** Whose keys sealed an event's reasons before they were kept apart: the applicant's, and the reviewer's on their comments. */
const peopleOf = (e: RecordedEvent): string => {
  const subjects = (e.metadata.dataSubjects ?? {}) as DataSubjects;
  return subjects.reviewer ? 'the applicant or the reviewer' : 'the applicant';
};

const stateOf = (events: readonly RecordedEvent[]): OpenApplication | null => {
  const state = events.reduce<Application>(
    (s, e) => applicationDecider.evolve(s, e as RecordedEvent<ApplicationEvent>),
    applicationDecider.initialState(),
  );
  return state.status === 'None' ? null : state;
};

const retentionOf = (app: OpenApplication): RetentionView | null => {
  const r = app.recordOfReasons;
  return r
    ? { rule: r.rule, years: r.years, policyVersion: app.policyVersion, closedAt: r.closedAt, retainedUntil: r.retainedUntil }
    : null;
};

/** Until when, under which rule, in one sentence. */
const untilSentence = (app: OpenApplication): string => {
  const r = app.recordOfReasons;
  if (!r) return 'Kept while the application is open; its retention starts when it closes (its final decision, or a rejection).';
  const rule = `${r.years} years after ${RETENTION_FROM[r.rule]} (${app.policyVersion})`;
  if (r.shreddedAt) return `Shredded ${day(r.shreddedAt)} at the end of its retention: ${rule}.`;
  if (!r.retainedUntil) return `Kept while the designation runs, then ${r.years} years after it ends (${app.policyVersion}).`;
  return `Kept until ${day(r.retainedUntil)}: ${rule}.`;
};

const noteOf = (app: OpenApplication, e: RecordedEvent, sealedUnder: ReasonEntry['sealedUnder'], reads: ReasonEntry['reads']) => {
  if (sealedUnder === 'none') return 'Stored clear: written before personal data was sealed.';
  if (sealedUnder === 'people')
    return reads === 'readable'
      ? `Sealed under the key of ${peopleOf(e)}, as written before reasons were kept apart: it goes with their erasure, not at the end of the retention.`
      : `Erased with ${peopleOf(e)} before reasons were kept apart.`;
  const shredded = app.recordOfReasons?.shreddedAt;
  if (reads === 'readable') return 'Kept in the record until its retention ends.';
  return shredded
    ? `Shredded ${day(shredded)} at the end of its retention.`
    : 'Unreadable: the record’s key is missing from the key store.';
};

/** Every reason of the application's record as it reads now, with its sealing: from its events as read (opened). */
const entriesOf = (app: OpenApplication, events: readonly RecordedEvent[]): ReasonEntry[] =>
  events.flatMap((e) =>
    (REASON_FIELDS[e.type] ?? []).flatMap(({ path, label }) => {
      const texts = textsAt(e.data, path);
      if (texts.length === 0) return [];
      const sealedUnder = sealingOf(e);
      const gone = texts.some(isErased);
      const reads: ReasonEntry['reads'] = !gone ? 'readable' : sealedUnder === 'record' ? 'shredded' : 'erased-with-person';
      return [
        {
          version: e.version,
          type: e.type,
          occurredAt: e.metadata.occurredAt,
          actorId: e.metadata.actorId,
          actorRole: e.metadata.actorRole,
          field: path,
          label,
          count: texts.length,
          sealedUnder,
          reads,
          note: noteOf(app, e, sealedUnder, reads),
        },
      ];
    }),
  );

const summaryOf = (app: OpenApplication, reasons: readonly ReasonEntry[]): RecordOfReasonsSummary => {
  const sum = (keep: (r: ReasonEntry) => boolean) => reasons.filter(keep).reduce((n, r) => n + r.count, 0);
  const r = app.recordOfReasons;
  return {
    applicationId: app.id,
    reference: app.reference,
    standing: !r ? 'open' : r.shreddedAt ? 'shredded' : 'kept',
    retention: retentionOf(app),
    shreddedAt: r?.shreddedAt ?? null,
    until: untilSentence(app),
    why: RECORD_OF_REASONS_WHY,
    counts: {
      kept: sum((x) => x.sealedUnder === 'record' && x.reads === 'readable'),
      shredded: sum((x) => x.reads === 'shredded'),
      erasedWithPerson: sum((x) => x.reads === 'erased-with-person'),
      underPeoplesKeys: sum((x) => x.sealedUnder !== 'record' && x.reads === 'readable'),
    },
  };
};

/**
 * docs/DOMAIN.md, Personal data and the record of reasons: an application's record as it reads now, from its stream
 * as the engine reads it (opened; each event's metadata says whose keys sealed it).
 */
export function recordOfReasons(applicationId: string, events: readonly RecordedEvent[]): RecordOfReasonsView {
  const app = stateOf(events);
  if (!app) throw new NotFound('application', applicationId);
  const reasons = entriesOf(app, events);
  return { ...summaryOf(app, reasons), reasons };
}

const tally = (entries: readonly ReasonEntry[]): ReasonCount[] => {
  const counts = new Map<string, ReasonCount>();
  for (const { type, field, count } of entries) {
    const key = `${type} ${field}`;
    const known = counts.get(key);
    counts.set(key, { type, field, count: (known?.count ?? 0) + count });
  }
  return [...counts.values()];
};

/**
 * What a shredding destroys and what it cannot reach, as facts for the command: every text sealed under the record
 * key, readable or not (a repeat after the key went still names them), and the reasons still readable under the
 * people's keys, as written before reasons were kept apart.
 */
export function reasonsSealing(
  applicationId: string,
  events: readonly RecordedEvent[],
): { held: ReasonCount[]; notReached: ReasonCount[] } {
  const { reasons } = recordOfReasons(applicationId, events);
  return {
    held: tally(reasons.filter((r) => r.sealedUnder === 'record')),
    notReached: tally(reasons.filter((r) => r.sealedUnder !== 'record' && r.reads === 'readable')),
  };
}
