import type { Database } from 'better-sqlite3';
import type { ConflictView, CycleSettingsView } from '@cert/contracts';

type ConflictRow = {
  reviewer_id: string;
  conflict_id: string;
  application_id: string | null;
  reference?: string | null;
  institution: string | null;
  reason: string;
  pinned: number;
  declared_at: string;
  declared_by: 'reviewer' | 'staff';
};

const toView = (r: ConflictRow): ConflictView => ({
  conflictId: r.conflict_id,
  applicationId: r.application_id,
  reference: r.reference ?? null,
  institution: r.institution,
  reason: r.reason,
  pinned: r.pinned === 1,
  declaredAt: r.declared_at,
  declaredBy: r.declared_by,
});

/** One reviewer's conflicts, oldest first. */
export const conflictsOf = (db: Database, reviewerId: string): ConflictView[] =>
  (
    db
      .prepare(
        `SELECT c.*, s.reference FROM reviewer_conflict c LEFT JOIN application_summary s ON s.id = c.application_id
         WHERE c.reviewer_id = ? ORDER BY c.declared_at, c.conflict_id`,
      )
      .all(reviewerId) as ConflictRow[]
  ).map(toView);

/** What the application decider's conflict check takes per reviewer (`ReviewerCandidate.declaredConflicts`): application ids and institution names. */
export const declaredConflictsByReviewer = (db: Database): Map<string, string[]> => {
  const byReviewer = new Map<string, string[]>();
  for (const r of db
    .prepare('SELECT reviewer_id, application_id, institution FROM reviewer_conflict ORDER BY declared_at, conflict_id')
    .all() as ConflictRow[]) {
    byReviewer.set(r.reviewer_id, [...(byReviewer.get(r.reviewer_id) ?? []), (r.application_id ?? r.institution)!]);
  }
  return byReviewer;
};

/** True when staff turned blind review on for this cycle (the year in the application's reference). */
export const isBlindReview = (db: Database, cycle: string): boolean =>
  (db.prepare('SELECT blind_review FROM review_cycle WHERE cycle = ?').pluck().get(cycle) as number | undefined) === 1;

export const reviewCycleSettings = (db: Database, cycle: string): CycleSettingsView => {
  const row = db.prepare('SELECT blind_review, set_at, set_by FROM review_cycle WHERE cycle = ?').get(cycle) as
    { blind_review: number; set_at: string; set_by: string } | undefined;
  return { cycle, blindReview: row?.blind_review === 1, setAt: row?.set_at ?? null, setBy: row?.set_by ?? null };
};

/** One reviewer's conflicts as the application decider's check takes them: application ids and institution names. */
export const conflictTargetsOf = (db: Database, reviewerId: string): string[] =>
  (
    db
      .prepare('SELECT application_id, institution FROM reviewer_conflict WHERE reviewer_id = ? ORDER BY declared_at, conflict_id')
      .all(reviewerId) as ConflictRow[]
  ).map((r) => (r.application_id ?? r.institution)!);

/** Where a reviewer stands on an application: assigned, finished, released, or never assigned (null). */
export const assignmentOf = (db: Database, applicationId: string, reviewerId: string): 'assigned' | 'finished' | 'released' | null =>
  (db
    .prepare('SELECT status FROM reviewer_assignment WHERE application_id = ? AND reviewer_id = ?')
    .pluck()
    .get(applicationId, reviewerId) as 'assigned' | 'finished' | 'released' | undefined) ?? null;
