import type { Database } from 'better-sqlite3';
import { IndicatorRating, Outcome, PreviousDesignation, allIndicators, rubricByVersion } from '@cert/domain';
import type {
  ConfirmationAssignmentView,
  DesignationStatus,
  ProgressConfirmationView,
  ProgressView,
  RenewalHistoryView,
} from '@cert/contracts';

type DesignationRow = {
  application_id: string;
  reference: string;
  institution_name: string;
  rubric_version: string;
  assessment: string | null;
  consensus: string | null;
  outcome: Outcome | null;
  decided_at: string | null;
  status: string | null;
  term_ends_at: string | null;
  progress_due_at: string | null;
  renewal_id: string | null;
  renewal_of: string | null;
  previous: string | null;
  ended_at: string | null;
};
type UpdateRow = { submitted_at: string; due_at: string; next_due_at: string; ratings: string };
type ConfirmationRow = {
  application_id: string;
  update_submitted_at: string;
  reviewer_id: string;
  requested_at: string;
  recorded_at: string | null;
  verdicts: string | null;
};
type Levels = Map<string, number>;

const toLevels = (json: string | null): Levels =>
  new Map(json ? (JSON.parse(json) as { indicator: string; level: number }[]).map((l) => [l.indicator, l.level]) : []);
const diff = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null ? null : Math.round((a - b) * 100) / 100;

const confirmationView = (r: ConfirmationRow): ProgressConfirmationView => ({
  reviewerId: r.reviewer_id,
  updateSubmittedAt: r.update_submitted_at,
  requestedAt: r.requested_at,
  recordedAt: r.recorded_at,
  verdicts: r.verdicts ? (JSON.parse(r.verdicts) as ProgressConfirmationView['verdicts']) : null,
});

const row = (db: Database, id: string) =>
  db.prepare('SELECT * FROM progress_designation WHERE application_id = ?').get(id) as DesignationRow | undefined;

/** An application's designation, its yearly updates and the change per indicator; null when the application is unknown. */
export const getProgress = (db: Database, id: string): ProgressView | null => {
  const r = row(db, id);
  if (!r) return null;
  const updates = db.prepare('SELECT * FROM progress_update WHERE application_id = ? ORDER BY submitted_at').all(id) as UpdateRow[];
  const confirmations = db
    .prepare('SELECT * FROM progress_confirmation WHERE application_id = ? ORDER BY requested_at, reviewer_id')
    .all(id) as ConfirmationRow[];
  const designated = r.outcome && r.status ? r : null;
  const atDesignation = designated ? toLevels(r.assessment) : new Map<string, number>();
  const consensus = designated ? toLevels(r.consensus) : new Map<string, number>();
  const yearly = updates.map((u) => toLevels(u.ratings));
  const thisYear = yearly.at(-1) ?? null;
  const lastYear = yearly.length >= 2 ? yearly.at(-2)! : designated ? atDesignation : null;
  const indicators = allIndicators(rubricByVersion(r.rubric_version)).map(({ code, title }) => {
    const now = thisYear?.get(code) ?? null;
    const before = lastYear?.get(code) ?? null;
    const start = atDesignation.get(code) ?? null;
    return {
      indicator: code,
      title,
      atDesignation: start,
      consensusAtDesignation: consensus.get(code) ?? null,
      lastYear: before,
      thisYear: now,
      changeSinceLastYear: diff(now, before),
      changeSinceDesignation: diff(now, start),
    };
  });
  return {
    applicationId: r.application_id,
    reference: r.reference,
    rubricVersion: r.rubric_version,
    designation: designated && {
      outcome: designated.outcome!,
      designatedAt: designated.decided_at!,
      status: designated.status as DesignationStatus,
      termEndsAt: designated.term_ends_at,
      progressDueAt: designated.progress_due_at,
      renewalId: designated.renewal_id,
      endedAt: designated.ended_at,
    },
    renewalOf: r.renewal_of && r.previous ? { applicationId: r.renewal_of, previous: JSON.parse(r.previous) as PreviousDesignation } : null,
    indicators,
    updates: updates.map((u) => ({
      submittedAt: u.submitted_at,
      dueAt: u.due_at,
      late: u.submitted_at > u.due_at,
      ratings: JSON.parse(u.ratings) as IndicatorRating[],
      confirmations: confirmations.filter((c) => c.update_submitted_at === u.submitted_at).map(confirmationView),
    })),
  };
};

export const getRenewalHistory = (db: Database, id: string): RenewalHistoryView | null => {
  const r = row(db, id);
  if (!r?.renewal_of || !r.previous) return null;
  const earlier = getProgress(db, r.renewal_of);
  return {
    renewalOf: r.renewal_of,
    previous: JSON.parse(r.previous) as PreviousDesignation,
    indicators: earlier?.indicators ?? [],
    years: (earlier?.updates ?? []).map((u) => ({
      submittedAt: u.submittedAt,
      late: u.late,
      levels: u.ratings.map(({ indicator, level }) => ({ indicator, level })),
      disputed: [
        ...new Set(u.confirmations.flatMap((c) => (c.verdicts ?? []).filter((v) => v.verdict === 'disputed').map((v) => v.indicator))),
      ],
    })),
  };
};

export const progressConfirmationsFor = (db: Database, reviewerId: string): ConfirmationAssignmentView[] =>
  (
    db
      .prepare(
        `SELECT c.*, d.reference, d.institution_name, u.ratings FROM progress_confirmation c
     JOIN progress_designation d ON d.application_id = c.application_id
     JOIN progress_update u ON u.application_id = c.application_id AND u.submitted_at = c.update_submitted_at
     WHERE c.reviewer_id = ? ORDER BY c.requested_at DESC, c.application_id`,
      )
      .all(reviewerId) as (ConfirmationRow & { reference: string; institution_name: string; ratings: string })[]
  ).map((c) => ({
    ...confirmationView(c),
    applicationId: c.application_id,
    reference: c.reference,
    institutionName: c.institution_name,
    ratings: JSON.parse(c.ratings) as IndicatorRating[],
  }));

/** Whether this reviewer was ever asked to confirm an update of this application (else the application is not theirs to know). */
export const isAskedToConfirm = (db: Database, applicationId: string, reviewerId: string): boolean =>
  db.prepare('SELECT 1 FROM progress_confirmation WHERE application_id = ? AND reviewer_id = ?').get(applicationId, reviewerId) !==
  undefined;
