import type { Database } from 'better-sqlite3';
import { ApplicationEvent, IndicatorScore } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { Projection } from '../projection';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS reviewer_assignment (
    application_id TEXT NOT NULL,
    reviewer_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('assigned', 'released', 'finished')),
    assigned_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    scored_count INTEGER NOT NULL,
    submitted_at TEXT,
    recommendation TEXT,
    PRIMARY KEY (application_id, reviewer_id)
  )`,
  'CREATE INDEX IF NOT EXISTS reviewer_assignment_reviewer ON reviewer_assignment (reviewer_id, status)',
  `CREATE TABLE IF NOT EXISTS reviewer_score (
    application_id TEXT NOT NULL,
    reviewer_id TEXT NOT NULL,
    indicator TEXT NOT NULL,
    level INTEGER NOT NULL,
    comment TEXT NOT NULL,
    final INTEGER NOT NULL,
    PRIMARY KEY (application_id, reviewer_id, indicator)
  )`,
];

const saveScores = (db: Database, applicationId: string, reviewerId: string, scores: IndicatorScore[], final: 0 | 1): number => {
  const upsert = db.prepare(
    `INSERT INTO reviewer_score (application_id, reviewer_id, indicator, level, comment, final) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_id, reviewer_id, indicator) DO UPDATE SET level = excluded.level, comment = excluded.comment, final = excluded.final`,
  );
  for (const s of scores) upsert.run(applicationId, reviewerId, s.indicator, s.level, s.comment, final);
  return db
    .prepare('SELECT COUNT(*) FROM reviewer_score WHERE application_id = ? AND reviewer_id = ?')
    .pluck()
    .get(applicationId, reviewerId) as number;
};

/**
 * Each reviewer's work (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 3), and the load
 * that balanced auto-assignment reads.
 */
export const reviewerAssignmentsProjection: Projection = {
  name: 'reviewer-assignments',
  version: 1,
  schema: SCHEMA,
  tables: ['reviewer_assignment', 'reviewer_score'],
  handles: ['ReviewerAssigned', 'ReviewerReleased', 'ScoresDraftSaved', 'ScoresSubmitted'],
  apply(db: Database, event: RecordedEvent<ApplicationEvent>) {
    const e = event as ApplicationEvent;
    switch (e.type) {
      case 'ReviewerAssigned': {
        const { applicationId, reviewerId, purpose, assignedAt, dueAt } = e.data;
        // A released reviewer assigned again starts afresh, as the decider's slot does.
        db.prepare('DELETE FROM reviewer_score WHERE application_id = ? AND reviewer_id = ?').run(applicationId, reviewerId);
        db.prepare(
          `INSERT OR REPLACE INTO reviewer_assignment (application_id, reviewer_id, purpose, status, assigned_at, due_at, scored_count, submitted_at, recommendation)
           VALUES (?, ?, ?, 'assigned', ?, ?, 0, NULL, NULL)`,
        ).run(applicationId, reviewerId, purpose, assignedAt, dueAt);
        return;
      }
      case 'ReviewerReleased':
        db.prepare(`UPDATE reviewer_assignment SET status = 'released' WHERE application_id = ? AND reviewer_id = ?`).run(
          e.data.applicationId,
          e.data.reviewerId,
        );
        return;
      case 'ScoresDraftSaved': {
        const { applicationId, reviewerId, scores } = e.data;
        const count = saveScores(db, applicationId, reviewerId, scores, 0);
        db.prepare('UPDATE reviewer_assignment SET scored_count = ? WHERE application_id = ? AND reviewer_id = ?').run(
          count,
          applicationId,
          reviewerId,
        );
        return;
      }
      case 'ScoresSubmitted': {
        const { applicationId, reviewerId, scores, recommendation, submittedAt } = e.data;
        db.prepare('DELETE FROM reviewer_score WHERE application_id = ? AND reviewer_id = ?').run(applicationId, reviewerId);
        const count = saveScores(db, applicationId, reviewerId, scores, 1);
        db.prepare(
          `UPDATE reviewer_assignment SET status = 'finished', scored_count = ?, submitted_at = ?, recommendation = ?
           WHERE application_id = ? AND reviewer_id = ?`,
        ).run(count, submittedAt, recommendation, applicationId, reviewerId);
        return;
      }
      default:
        return;
    }
  },
};
