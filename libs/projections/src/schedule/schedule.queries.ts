import type { Database } from 'better-sqlite3';
import { Names, addDays, dayOf } from '@cert/domain';
import type { ApplicationScheduleView, DeadlineItemView, DeadlineKind, NeedsActionItemView, WorkOverviewView } from '@cert/contracts';
import { boardQueue } from '../board-queue/board-queue.queries';
import { overdueAssessments, staffQueue } from '../application-summary/application-summary.queries';
import { TimerRow, loadState, willAct } from './schedule.projection';

type Row = TimerRow & { reference: string; leader_name: string; institution_name: string };

const before = (days: number | null, what: string) => `${days} day${days === 1 ? '' : 's'} before ${what}`;

/** docs/DOMAIN.md, Deadlines: what each timer does, in the words of that table. */
const LABELS: Record<DeadlineKind, (r: TimerRow) => string> = {
  'assessment-reminder': (r) => `Reminder to the leader, ${before(r.days_before, 'the assessment is due')}`,
  'assessment-due': () => 'Assessment due: the application lapses if it has not arrived',
  'reviewer-reminder': (r) => `Reminder to the reviewer, ${before(r.days_before, 'the scores are due')}`,
  'review-overdue': () => 'Scores due: staff are alerted if they have not arrived',
  'reviewer-replacement': () => 'Reviewer released and replaced if the scores have still not arrived',
  'appeal-window': () => 'Appeal window closes: the decision becomes final',
  'progress-reminder': (r) => `Reminder to the leader, ${before(r.days_before, 'the progress update is due')}`,
  'progress-overdue': () => 'Designation suspended if the progress update has not arrived',
  'renewal-reminder': (r) => `Renewal reminder to the leader, ${before(r.days_before, 'the term ends')}`,
  'designation-expiry': () => 'Term ends: the designation expires unless renewed',
  'record-retention': () => 'Retention ends: the record of reasons is shredded',
  'rsvp-reminder': (r) => `Summit RSVP reminder to the leader, ${before(r.days_before, 'the RSVP date')}`,
  'rsvp-closes': () => 'Summit RSVP closes: an unanswered invitation is marked unanswered',
};

const REVIEWER_KINDS: DeadlineKind[] = ['reviewer-reminder', 'review-overdue', 'reviewer-replacement'];

// julianday() compares instants whatever their spelling ("…00Z" and "…00.000Z" would not order as text).
const SELECT = `SELECT t.*, s.reference, s.leader_name, s.institution_name
  FROM schedule_timer t JOIN application_summary s ON s.id = t.application_id`;

/**
 * A pending timer whose time has passed is judged again at `now`: run this late it may do nothing (a reminder after its
 * due date), which is what it then shows; one that would still act has not run, and says so (`late`).
 */
const judged = (db: Database, r: Row, now: string): Row => {
  if (r.state !== 'pending' || Date.parse(r.runs_at) >= Date.parse(now)) return r;
  return willAct(r, loadState(db, r.stream_id), now) ? r : { ...r, state: 'will-do-nothing' };
};

const toItem = (r: Row, now: string, names?: Names): DeadlineItemView => ({
  key: r.key,
  kind: r.kind,
  label: LABELS[r.kind](r),
  runsAt: r.runs_at,
  dueAt: r.due_at,
  daysBefore: r.days_before,
  state: r.state,
  happenedAt: r.happened_at,
  late: r.state === 'pending' && Date.parse(r.runs_at) < Date.parse(now),
  applicationId: r.application_id,
  reference: r.reference,
  leaderName: r.leader_name,
  institutionName: r.institution_name,
  personName: REVIEWER_KINDS.includes(r.kind) && r.reviewer_id ? (names?.(r.reviewer_id) ?? r.reviewer_id) : r.leader_name,
  reviewerId: r.reviewer_id,
});

/** One application's timers, by when they run: what will happen, and what already did. Null for an unknown application. */
export const applicationSchedule = (db: Database, id: string, now: string, names?: Names): ApplicationScheduleView | null => {
  const app = db.prepare('SELECT id, reference, leader_name, institution_name FROM application_summary WHERE id = ?').get(id) as
    { id: string; reference: string; leader_name: string; institution_name: string } | undefined;
  if (!app) return null;
  const rows = db.prepare(`${SELECT} WHERE t.application_id = ? ORDER BY julianday(t.runs_at), t.key`).all(id) as Row[];
  return {
    applicationId: app.id,
    reference: app.reference,
    leaderName: app.leader_name,
    institutionName: app.institution_name,
    items: rows.map((r) => toItem(judged(db, r, now), now, names)),
  };
};

/** Timers still to run from `now` to `until`, soonest first. */
export const comingDeadlines = (db: Database, now: string, until: string, names?: Names): DeadlineItemView[] =>
  (
    db
      .prepare(
        `${SELECT} WHERE t.state = 'pending' AND julianday(t.runs_at) >= julianday(?) AND julianday(t.runs_at) <= julianday(?)
         ORDER BY julianday(t.runs_at), t.key`,
      )
      .all(now, until) as Row[]
  ).map((r) => toItem(r, now, names));

type Named = { id: string; reference: string; leaderName: string; institutionName: string };
const about = (a: Named) => ({ applicationId: a.id, reference: a.reference, leaderName: a.leaderName, institutionName: a.institutionName });

/**
 * What staff should act on now, oldest first within each reason: surveys to screen, applications short of reviewers,
 * assessments and reviews past their due date, appeals to route, adjudications waiting, and timers whose time has
 * passed without their running (docs/DOMAIN.md, Deadlines). Built from the queues the staff and the board already read.
 */
export const needsAction = (db: Database, now: string, names?: Names): NeedsActionItemView[] => {
  const all = { limit: 10_000 };
  const items: NeedsActionItemView[] = [];
  for (const a of staffQueue(db, { ...all, status: 'Screening' }).items) {
    items.push({ reason: 'unscreened', label: 'Survey waiting to be screened', ...about(a), since: a.submittedAt, personName: null });
  }
  for (const a of staffQueue(db, { ...all, needsReviewers: true }).items) {
    items.push({
      reason: 'needs-reviewers',
      label: `Short of reviewers: ${a.reviewerCount} of ${a.reviewersRequired} needed`,
      ...about(a),
      since: a.updatedAt,
      personName: null,
    });
  }
  for (const a of overdueAssessments(db, now)) {
    items.push({
      reason: 'assessment-overdue',
      label: `Assessment overdue since ${dayOf(a.dueAt)}`,
      ...about(a),
      since: a.dueAt,
      personName: null,
    });
  }
  const reviews = db
    .prepare(
      `SELECT a.reviewer_id, a.due_at, s.id, s.reference, s.leader_name, s.institution_name FROM reviewer_assignment a
       JOIN application_summary s ON s.id = a.application_id
       WHERE a.status = 'assigned' AND julianday(a.due_at) <= julianday(?) ORDER BY julianday(a.due_at), s.id`,
    )
    .all(now) as { reviewer_id: string; due_at: string; id: string; reference: string; leader_name: string; institution_name: string }[];
  for (const r of reviews) {
    items.push({
      reason: 'review-overdue',
      label: `Scores overdue since ${dayOf(r.due_at)}`,
      ...about({ id: r.id, reference: r.reference, leaderName: r.leader_name, institutionName: r.institution_name }),
      since: r.due_at,
      personName: names?.(r.reviewer_id) ?? r.reviewer_id,
    });
  }
  const appeals = db
    .prepare(
      `SELECT id, reference, leader_name, institution_name, appeal_filed_at FROM application_summary
       WHERE appeal_status = 'filed' ORDER BY julianday(appeal_filed_at), id`,
    )
    .all() as { id: string; reference: string; leader_name: string; institution_name: string; appeal_filed_at: string }[];
  for (const a of appeals) {
    items.push({
      reason: 'appeal-to-route',
      label: 'Appeal filed, waiting to be routed',
      ...about({ id: a.id, reference: a.reference, leaderName: a.leader_name, institutionName: a.institution_name }),
      since: a.appeal_filed_at,
      personName: null,
    });
  }
  for (const b of boardQueue(db, { status: 'NeedsAdjudication' })) {
    const leader = db.prepare('SELECT leader_name FROM application_summary WHERE id = ?').pluck().get(b.applicationId) as string;
    items.push({
      reason: 'adjudication-waiting',
      label: `Reviewers disagree (spread ${b.maxSpread}): adjudication waiting`,
      applicationId: b.applicationId,
      reference: b.reference,
      leaderName: leader,
      institutionName: b.institutionName,
      since: b.updatedAt,
      personName: null,
    });
  }
  const late = db
    .prepare(`${SELECT} WHERE t.state = 'pending' AND julianday(t.runs_at) < julianday(?) ORDER BY julianday(t.runs_at), t.key`)
    .all(now) as Row[];
  for (const r of late.map((row) => judged(db, row, now)).filter((row) => row.state === 'pending')) {
    const item = toItem(r, now, names);
    items.push({
      reason: 'timer-late',
      label: `Timer has not run: ${item.label}`,
      ...about({ id: r.application_id, reference: r.reference, leaderName: r.leader_name, institutionName: r.institution_name }),
      since: r.runs_at,
      personName: item.personName,
    });
  }
  return items;
};

/** The staff's work overview: what needs action now, and the timers due in the next `withinDays` days. */
export const workOverview = (db: Database, now: string, withinDays: number, names?: Names): WorkOverviewView => {
  const until = addDays(now, withinDays);
  return { now, until, withinDays, needsAction: needsAction(db, now, names), coming: comingDeadlines(db, now, until, names) };
};
