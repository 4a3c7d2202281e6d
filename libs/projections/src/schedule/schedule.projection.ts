import type { Database } from 'better-sqlite3';
import {
  APPLICATION_EVENT_TYPES,
  AWARD_CYCLE_EVENT_TYPES,
  Actor,
  Application,
  ApplicationCommand,
  ApplicationEvent,
  AwardCycle,
  AwardCycleCommand,
  AwardCycleEvent,
  RSVP_REMINDER_DAYS,
  addDays,
  applicationDecider,
  awardCycleDecider,
  policyByVersion,
  retentionStartedBy,
} from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import type { DeadlineKind } from '@cert/contracts';
import { Projection } from '../projection';

/*
 * docs/DOMAIN.md, Deadlines: every timer the engine sets for an application, what it is for, and whether it is still to
 * come, has happened, or will do nothing. The timers are the ones libs/work's deadline reactor sets (same keys; a spec
 * there holds the two together). Whether a timer will still do something is the decider's own answer: the projection
 * folds the application's state and asks `decide` what the timer's command would do when it runs, so the schedule can
 * not say otherwise than what the engine will do.
 */

export type TimerRow = {
  key: string;
  application_id: string;
  /** The stream whose state decides the timer: the application's id, or the award cycle's for the summit's RSVP. */
  stream_id: string;
  nomination_id: string | null;
  kind: DeadlineKind;
  runs_at: string;
  due_at: string;
  days_before: number | null;
  reviewer_id: string | null;
  state: 'pending' | 'happened' | 'will-do-nothing';
  happened_at: string | null;
  set_at: string;
};

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS schedule_timer (
    key TEXT PRIMARY KEY,
    application_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    nomination_id TEXT,
    kind TEXT NOT NULL,
    runs_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    days_before INTEGER,
    reviewer_id TEXT,
    state TEXT NOT NULL CHECK (state IN ('pending', 'happened', 'will-do-nothing')),
    happened_at TEXT,
    set_at TEXT NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS schedule_timer_application ON schedule_timer (application_id)',
  'CREATE INDEX IF NOT EXISTS schedule_timer_stream ON schedule_timer (stream_id)',
  'CREATE INDEX IF NOT EXISTS schedule_timer_state ON schedule_timer (state, runs_at)',
  // Each stream's folded state (an application's, an award cycle's), so each timer can be put to its decider.
  `CREATE TABLE IF NOT EXISTS schedule_stream (
    stream_id TEXT PRIMARY KEY,
    state TEXT NOT NULL
  )`,
];

const ms = (iso: string) => Date.parse(iso);

type NewTimer = Pick<TimerRow, 'key' | 'kind' | 'runs_at' | 'due_at'> & { days_before?: number; reviewer_id?: string };

/** The timers an event sets, keyed as the deadline reactor keys its jobs (docs/ARCHITECTURE.md, Worker rules). */
export const timersSetBy = (event: ApplicationEvent): NewTimer[] => {
  const { applicationId: id, policyVersion } = event.data;
  const policy = policyByVersion(policyVersion);
  switch (event.type) {
    case 'SurveyAccepted':
    case 'AssessmentDeadlineExtended': {
      const { dueAt } = event.data;
      return [
        ...policy.assessmentReminderDays.map((d) => ({
          key: `assessment-reminder-${id}-${ms(dueAt)}-${d}d`,
          kind: 'assessment-reminder' as const,
          runs_at: addDays(dueAt, -d),
          due_at: dueAt,
          days_before: d,
        })),
        { key: `assessment-due-${id}-${ms(dueAt)}`, kind: 'assessment-due', runs_at: dueAt, due_at: dueAt },
      ];
    }
    case 'ReviewerAssigned': {
      const { reviewerId, dueAt } = event.data;
      const key = `${id}-${reviewerId}-${ms(dueAt)}`;
      const reviewer = { reviewer_id: reviewerId, due_at: dueAt };
      return [
        ...policy.reviewReminderDays.map((d) => ({
          key: `reviewer-reminder-${key}-${d}d`,
          kind: 'reviewer-reminder' as const,
          runs_at: addDays(dueAt, -d),
          days_before: d,
          ...reviewer,
        })),
        { key: `review-overdue-${key}`, kind: 'review-overdue', runs_at: dueAt, ...reviewer },
        {
          key: `reviewer-replacement-${key}`,
          kind: 'reviewer-replacement',
          runs_at: addDays(dueAt, policy.reviewReplacementGraceDays),
          ...reviewer,
        },
      ];
    }
    case 'DecisionRecorded': {
      const { appealUntil, progressDueAt, termEndsAt } = event.data;
      return [
        { key: `appeal-window-${id}-${ms(appealUntil)}`, kind: 'appeal-window', runs_at: appealUntil, due_at: appealUntil },
        ...(progressDueAt ? progressTimers(id, progressDueAt, policyVersion) : []),
        ...(termEndsAt
          ? [
              ...policy.renewalReminderDays.map((d) => ({
                key: `renewal-reminder-${id}-${ms(termEndsAt)}-${d}d`,
                kind: 'renewal-reminder' as const,
                runs_at: addDays(termEndsAt, -d),
                due_at: termEndsAt,
                days_before: d,
              })),
              {
                key: `designation-expiry-${id}-${ms(termEndsAt)}`,
                kind: 'designation-expiry' as const,
                runs_at: termEndsAt,
                due_at: termEndsAt,
              },
            ]
          : []),
      ];
    }
    case 'ProgressUpdateSubmitted':
      return progressTimers(id, event.data.nextDueAt, policyVersion);
    default: {
      const closed = retentionStartedBy(event);
      if (!closed) return [];
      const { retainedUntil } = closed;
      return [
        { key: `record-retention-${id}-${ms(retainedUntil)}`, kind: 'record-retention', runs_at: retainedUntil, due_at: retainedUntil },
      ];
    }
  }
};

const progressTimers = (id: string, progressDueAt: string, policyVersion: string): NewTimer[] => {
  const policy = policyByVersion(policyVersion);
  return [
    ...policy.progressReminderDays.map((d) => ({
      key: `progress-reminder-${id}-${ms(progressDueAt)}-${d}d`,
      kind: 'progress-reminder' as const,
      runs_at: addDays(progressDueAt, -d),
      due_at: progressDueAt,
      days_before: d,
    })),
    {
      key: `progress-overdue-${id}-${ms(progressDueAt)}`,
      kind: 'progress-overdue',
      runs_at: addDays(progressDueAt, policy.progressGraceDays),
      due_at: progressDueAt,
    },
  ];
};

/** The summit's RSVP timers an award cycle's invitation sets, keyed as the awards reactor keys its jobs. */
export const rsvpTimersSetBy = (event: AwardCycleEvent): (NewTimer & { application_id: string; nomination_id: string })[] => {
  if (event.type !== 'SummitInvitationSent') return [];
  const { nominationId, applicationId, rsvpBy } = event.data;
  const about = { application_id: applicationId, nomination_id: nominationId, due_at: rsvpBy };
  return [
    ...RSVP_REMINDER_DAYS.map((d) => ({
      key: `summit-rsvp-reminder-${nominationId}-${ms(rsvpBy)}-${d}d`,
      kind: 'rsvp-reminder' as const,
      runs_at: addDays(rsvpBy, -d),
      days_before: d,
      ...about,
    })),
    { key: `summit-rsvp-closes-${nominationId}-${ms(rsvpBy)}`, kind: 'rsvp-closes', runs_at: rsvpBy, ...about },
  ];
};

const rsvpRunBy = (event: AwardCycleEvent): { key: string; at: string } | null => {
  switch (event.type) {
    case 'SummitRsvpReminderIssued': {
      const { nominationId, rsvpBy, daysBefore, remindedAt } = event.data;
      return { key: `summit-rsvp-reminder-${nominationId}-${ms(rsvpBy)}-${daysBefore}d`, at: remindedAt };
    }
    case 'SummitInvitationUnanswered':
      return { key: `summit-rsvp-closes-${event.data.nominationId}-${ms(event.data.rsvpBy)}`, at: event.data.markedAt };
    default:
      return null;
  }
};

/** The timer an event records the running of; `before` is the state the event was decided on. */
const timerRunBy = (event: ApplicationEvent, before: Application, bySystem: boolean): { key: string; at: string } | null => {
  const id = event.data.applicationId;
  switch (event.type) {
    case 'AssessmentReminderIssued':
      return { key: `assessment-reminder-${id}-${ms(event.data.dueAt)}-${event.data.daysBefore}d`, at: event.data.remindedAt };
    case 'ApplicationLapsed':
      return { key: `assessment-due-${id}-${ms(event.data.dueAt)}`, at: event.data.lapsedAt };
    case 'ReviewerReminderIssued': {
      const { reviewerId, dueAt, daysBefore, remindedAt } = event.data;
      return { key: `reviewer-reminder-${id}-${reviewerId}-${ms(dueAt)}-${daysBefore}d`, at: remindedAt };
    }
    case 'ReviewOverdueEscalated': {
      const { reviewerId, dueAt, reason, escalatedAt } = event.data;
      const kind = reason === 'overdue' ? 'review-overdue' : 'reviewer-replacement';
      return { key: `${kind}-${id}-${reviewerId}-${ms(dueAt)}`, at: escalatedAt };
    }
    case 'ReviewerReleased': {
      // Only the replacement timer releases a reviewer as the engine itself (decide/deadlines.ts); staff and conflicts release as people.
      const slot = before.status === 'None' ? undefined : before.reviewers[event.data.reviewerId];
      if (!slot || !bySystem) return null;
      return { key: `reviewer-replacement-${id}-${slot.reviewerId}-${ms(slot.dueAt)}`, at: event.data.releasedAt };
    }
    // An appeal's decision is final at once, by the board's hand (decide/appeal.ts): its window's timer then does nothing.
    case 'DecisionFinalized':
      return bySystem ? { key: `appeal-window-${id}-${ms(event.data.appealUntil)}`, at: event.data.finalizedAt } : null;
    case 'ProgressReminderIssued': {
      const { progressDueAt, daysBefore, remindedAt } = event.data;
      return { key: `progress-reminder-${id}-${ms(progressDueAt)}-${daysBefore}d`, at: remindedAt };
    }
    case 'DesignationSuspended':
      return { key: `progress-overdue-${id}-${ms(event.data.progressDueAt)}`, at: event.data.suspendedAt };
    case 'RenewalReminderIssued': {
      const { termEndsAt, daysBefore, remindedAt } = event.data;
      return { key: `renewal-reminder-${id}-${ms(termEndsAt)}-${daysBefore}d`, at: remindedAt };
    }
    case 'DesignationExpired':
      return { key: `designation-expiry-${id}-${ms(event.data.termEndsAt)}`, at: event.data.expiredAt };
    case 'RecordOfReasonsShredded':
      return { key: `record-retention-${id}-${ms(event.data.retainedUntil)}`, at: event.data.shreddedAt };
    default:
      return null;
  }
};

const TIMER: Actor = { id: 'deadlines', role: 'system' };

/** The command the timer runs (libs/work, deadlines.processor.ts), with the pool left empty: whether it acts is all we ask. */
const commandOf = (t: TimerRow, now: string): ApplicationCommand | AwardCycleCommand => {
  const metadata = { actor: TIMER, now };
  const daysBefore = t.days_before ?? 0;
  switch (t.kind) {
    case 'assessment-reminder':
      return { type: 'RemindAssessment', data: { dueAt: t.due_at, daysBefore }, metadata };
    case 'assessment-due':
      return { type: 'ExpireAssessment', data: { dueAt: t.due_at }, metadata };
    case 'reviewer-reminder':
      return { type: 'RemindReviewer', data: { reviewerId: t.reviewer_id!, dueAt: t.due_at, daysBefore }, metadata };
    case 'review-overdue':
      return { type: 'EscalateOverdueReview', data: { reviewerId: t.reviewer_id!, dueAt: t.due_at }, metadata };
    case 'reviewer-replacement':
      return { type: 'ReplaceOverdueReviewer', data: { reviewerId: t.reviewer_id!, dueAt: t.due_at, pool: [] }, metadata };
    case 'appeal-window':
      return { type: 'CloseAppealWindow', data: { appealUntil: t.due_at }, metadata };
    case 'progress-reminder':
      return { type: 'RemindProgressUpdate', data: { progressDueAt: t.due_at, daysBefore }, metadata };
    case 'progress-overdue':
      return { type: 'SuspendDesignation', data: { progressDueAt: t.due_at }, metadata };
    case 'renewal-reminder':
      return { type: 'RemindRenewal', data: { termEndsAt: t.due_at, daysBefore }, metadata };
    case 'designation-expiry':
      return { type: 'ExpireDesignation', data: { termEndsAt: t.due_at }, metadata };
    case 'record-retention':
      return { type: 'ShredRecordOfReasons', data: { retainedUntil: t.due_at, held: [], notReached: [] }, metadata };
    case 'rsvp-reminder':
      return { type: 'RemindSummitRsvp', data: { nominationId: t.nomination_id!, rsvpBy: t.due_at, daysBefore }, metadata };
    case 'rsvp-closes':
      return { type: 'CloseSummitRsvp', data: { nominationId: t.nomination_id!, rsvpBy: t.due_at }, metadata };
  }
};

const isRsvp = (t: TimerRow) => t.kind === 'rsvp-reminder' || t.kind === 'rsvp-closes';

const later = (a: string, b: string) => (ms(a) >= ms(b) ? a : b);

/** Whether the timer, run when it is due (or now, if that is later), would record anything on the state as it stands. */
export const willAct = (t: TimerRow, state: unknown, now: string): boolean => {
  const command = commandOf(t, later(t.runs_at, now));
  try {
    return isRsvp(t)
      ? awardCycleDecider.decide(command as AwardCycleCommand, state as AwardCycle).length > 0
      : applicationDecider.decide(command as ApplicationCommand, state as Application).length > 0;
  } catch {
    // A refused command appends nothing either.
    return false;
  }
};

/** A stream's folded state, or undefined before its first event. */
export const loadState = (db: Database, streamId: string): unknown => {
  const json = db.prepare('SELECT state FROM schedule_stream WHERE stream_id = ?').pluck().get(streamId) as string | undefined;
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
};

const saveState = (db: Database, streamId: string, state: unknown) =>
  db.prepare('INSERT OR REPLACE INTO schedule_stream (stream_id, state) VALUES (?, ?)').run(streamId, JSON.stringify(state));

const INSERT = `INSERT OR IGNORE INTO schedule_timer
  (key, application_id, stream_id, nomination_id, kind, runs_at, due_at, days_before, reviewer_id, state, happened_at, set_at)
  VALUES (@key, @application_id, @stream_id, @nomination_id, @kind, @runs_at, @due_at, @days_before, @reviewer_id, 'pending', NULL, @set_at)`;

/** Records what ran, adds what was set, then puts every timer of the stream yet to run to its decider again. */
const settle = (
  db: Database,
  streamId: string,
  state: unknown,
  now: string,
  ran: { key: string; at: string } | null,
  set: (NewTimer & { application_id: string; nomination_id?: string })[],
) => {
  if (ran) {
    db.prepare(`UPDATE schedule_timer SET state = 'happened', happened_at = ? WHERE key = ? AND state != 'happened'`).run(ran.at, ran.key);
  }
  const insert = db.prepare(INSERT);
  for (const t of set) insert.run({ days_before: null, reviewer_id: null, nomination_id: null, ...t, stream_id: streamId, set_at: now });
  // What the event changed may have made a timer moot, or live again.
  const waiting = db.prepare(`SELECT * FROM schedule_timer WHERE stream_id = ? AND state != 'happened'`).all(streamId) as TimerRow[];
  const mark = db.prepare('UPDATE schedule_timer SET state = ? WHERE key = ?');
  for (const t of waiting) {
    const next = willAct(t, state, now) ? 'pending' : 'will-do-nothing';
    if (next !== t.state) mark.run(next, t.key);
  }
};

const AWARD_TYPES = new Set<string>(AWARD_CYCLE_EVENT_TYPES);

export const scheduleProjection: Projection = {
  name: 'schedule',
  version: 1,
  schema: SCHEMA,
  tables: ['schedule_timer', 'schedule_stream'],
  handles: [...APPLICATION_EVENT_TYPES, ...AWARD_CYCLE_EVENT_TYPES],
  apply(db, recorded) {
    const now = recorded.metadata.occurredAt;
    if (AWARD_TYPES.has(recorded.type)) {
      const event = recorded as RecordedEvent<AwardCycleEvent>;
      const streamId = event.data.awardCycleId;
      const before = (loadState(db, streamId) as AwardCycle | undefined) ?? awardCycleDecider.initialState();
      const state = awardCycleDecider.evolve(before, event);
      saveState(db, streamId, state);
      return settle(db, streamId, state, now, rsvpRunBy(event), rsvpTimersSetBy(event));
    }
    const event = recorded as RecordedEvent<ApplicationEvent>;
    const id = event.data.applicationId;
    const before = (loadState(db, id) as Application | undefined) ?? applicationDecider.initialState();
    const state = applicationDecider.evolve(before, event);
    saveState(db, id, state);
    const ran = timerRunBy(event, before, event.metadata.actorRole === 'system');
    settle(
      db,
      id,
      state,
      now,
      ran,
      timersSetBy(event).map((t) => ({ ...t, application_id: id })),
    );
  },
};
