import type { Database } from 'better-sqlite3';
import { IndicatorScore, Level, Outcome, indicatorCodes, rubricByVersion } from '@cert/domain';
import type { AssignmentStatus, FinishedReviewView, ReviewerAssignmentView, ReviewerScoreView } from '@cert/contracts';

type AssignmentRow = {
  application_id: string;
  reference: string | null;
  institution_name: string | null;
  stage: string | null;
  rubric_version: string | null;
  purpose: 'review' | 'adjudication';
  status: AssignmentStatus;
  assigned_at: string;
  due_at: string;
  scored_count: number;
  submitted_at: string | null;
  recommendation: Outcome | null;
};

const order = (db: Database, applicationId: string) => {
  const version = db.prepare('SELECT rubric_version FROM application_summary WHERE id = ?').pluck().get(applicationId) as
    string | undefined;
  return version ? indicatorCodes(rubricByVersion(version)) : [];
};

const byRubric = <T extends { indicator: string }>(items: T[], codes: string[]) => {
  const rank = (code: string) => (codes.includes(code) ? codes.indexOf(code) : codes.length);
  return items.sort((a, b) => rank(a.indicator) - rank(b.indicator) || a.indicator.localeCompare(b.indicator));
};

/**
 * A reviewer's worklist: open work first by due date, then finished work, newest first. Released assignments
 * are left out, since the reviewer no longer has access. Reference, institution and stage come from the summary.
 * A finished assignment carries no stage: the application's current stage would tell a reviewer of an earlier round
 * what happened after their part (an appeal, a fresh review), which the application's own view hides from them.
 */
export const assignmentsFor = (db: Database, reviewerId: string): ReviewerAssignmentView[] => {
  const rows = db
    .prepare(
      `SELECT a.*, s.reference, s.institution_name, s.stage, s.rubric_version
     FROM reviewer_assignment a LEFT JOIN application_summary s ON s.id = a.application_id
     WHERE a.reviewer_id = ? AND a.status <> 'released'
     ORDER BY a.status = 'finished', CASE WHEN a.status = 'finished' THEN NULL ELSE a.due_at END, a.submitted_at DESC, a.application_id`,
    )
    .all(reviewerId) as AssignmentRow[];
  return rows.map((r) => ({
    applicationId: r.application_id,
    reference: r.reference,
    institutionName: r.institution_name,
    stage: r.status === 'finished' ? null : r.stage,
    purpose: r.purpose,
    status: r.status,
    assignedAt: r.assigned_at,
    dueAt: r.due_at,
    submittedAt: r.submitted_at,
    recommendation: r.recommendation,
    progress: { scored: r.scored_count, total: r.rubric_version ? indicatorCodes(rubricByVersion(r.rubric_version)).length : 0 },
  }));
};

/** Assigned or finished: a finished reviewer still sees what they scored (the decider's `activeReviewers`). */
export const isAssigned = (db: Database, applicationId: string, reviewerId: string): boolean =>
  db
    .prepare(`SELECT 1 FROM reviewer_assignment WHERE application_id = ? AND reviewer_id = ? AND status <> 'released'`)
    .get(applicationId, reviewerId) !== undefined;

/** Open work per reviewer, for balanced auto-assignment (docs/DOMAIN.md, Conflicts of interest). Reviewers with none are absent. */
export const openAssignmentCounts = (db: Database): Map<string, number> =>
  new Map(
    (
      db.prepare(`SELECT reviewer_id, COUNT(*) AS n FROM reviewer_assignment WHERE status = 'assigned' GROUP BY reviewer_id`).all() as {
        reviewer_id: string;
        n: number;
      }[]
    ).map((r) => [r.reviewer_id, r.n]),
  );

/** One reviewer's scores on one application, draft or final, in rubric order. */
export const scoresFor = (db: Database, applicationId: string, reviewerId: string): ReviewerScoreView[] => {
  const rows = db
    .prepare('SELECT indicator, level, comment, final FROM reviewer_score WHERE application_id = ? AND reviewer_id = ?')
    .all(applicationId, reviewerId) as { indicator: string; level: Level; comment: string; final: number }[];
  return byRubric(
    rows.map((r) => ({ ...r, final: r.final === 1 })),
    order(db, applicationId),
  );
};

/** Every finished review of an application, in the order they were submitted. */
export const finalScores = (db: Database, applicationId: string): FinishedReviewView[] => {
  const codes = order(db, applicationId);
  const reviews = db
    .prepare(
      `SELECT reviewer_id, purpose, recommendation, submitted_at FROM reviewer_assignment
     WHERE application_id = ? AND status = 'finished' ORDER BY submitted_at, reviewer_id`,
    )
    .all(applicationId) as { reviewer_id: string; purpose: 'review' | 'adjudication'; recommendation: Outcome; submitted_at: string }[];
  const scores = db.prepare(
    'SELECT indicator, level, comment FROM reviewer_score WHERE application_id = ? AND reviewer_id = ? AND final = 1',
  );
  return reviews.map((r) => ({
    reviewerId: r.reviewer_id,
    purpose: r.purpose,
    recommendation: r.recommendation,
    submittedAt: r.submitted_at,
    scores: byRubric(scores.all(applicationId, r.reviewer_id) as IndicatorScore[], codes),
  }));
};

/**
 * Every application a reviewer had a part in: assigned (released too) or asked to confirm a progress update. Their
 * comments there stay in each one's record of reasons after their erasure (docs/DOMAIN.md, Erasure).
 */
export const applicationsReviewedBy = (db: Database, reviewerId: string): string[] =>
  db
    .prepare(
      `SELECT application_id FROM reviewer_assignment WHERE reviewer_id = @reviewerId
       UNION SELECT application_id FROM progress_confirmation WHERE reviewer_id = @reviewerId ORDER BY application_id`,
    )
    .pluck()
    .all({ reviewerId }) as string[];
