import type { Database } from 'better-sqlite3';
import { ReviewCycleEvent, ReviewerEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { Projection } from '../projection';

/**
 * What keeps review conflict-free and, where a cycle asks for it, blind. Reviewers' declared and pinned conflicts
 * (from `reviewer-<id>` streams) feed assignment and the access policy; each cycle's blind-review setting (from
 * `review-cycle-<year>` streams) decides what reviewers see of an applicant.
 */
export const reviewSafeguardsProjection: Projection = {
  name: 'review-safeguards',
  version: 1,
  schema: [
    `CREATE TABLE IF NOT EXISTS reviewer_conflict (
      reviewer_id TEXT NOT NULL,
      conflict_id TEXT NOT NULL,
      application_id TEXT,
      institution TEXT,
      reason TEXT NOT NULL,
      pinned INTEGER NOT NULL,
      declared_at TEXT NOT NULL,
      declared_by TEXT NOT NULL,
      PRIMARY KEY (reviewer_id, conflict_id)
    )`,
    'CREATE INDEX IF NOT EXISTS reviewer_conflict_application ON reviewer_conflict (application_id)',
    `CREATE TABLE IF NOT EXISTS review_cycle (
      cycle TEXT PRIMARY KEY,
      blind_review INTEGER NOT NULL,
      set_at TEXT NOT NULL,
      set_by TEXT NOT NULL
    )`,
  ],
  tables: ['reviewer_conflict', 'review_cycle'],
  handles: ['ConflictDeclared', 'ConflictWithdrawn', 'BlindReviewSet'],
  apply(db: Database, recorded: RecordedEvent) {
    const event = recorded as unknown as ReviewerEvent | ReviewCycleEvent;
    switch (event.type) {
      case 'ConflictDeclared': {
        const d = event.data;
        db.prepare(
          `INSERT OR REPLACE INTO reviewer_conflict (reviewer_id, conflict_id, application_id, institution, reason, pinned, declared_at, declared_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.reviewerId,
          d.conflictId,
          d.applicationId,
          d.institution,
          d.reason,
          d.pinned ? 1 : 0,
          d.declaredAt,
          recorded.metadata.actorRole,
        );
        return;
      }
      case 'ConflictWithdrawn':
        db.prepare('DELETE FROM reviewer_conflict WHERE reviewer_id = ? AND conflict_id = ?').run(
          event.data.reviewerId,
          event.data.conflictId,
        );
        return;
      case 'BlindReviewSet':
        db.prepare('INSERT OR REPLACE INTO review_cycle (cycle, blind_review, set_at, set_by) VALUES (?, ?, ?, ?)').run(
          event.data.cycle,
          event.data.blindReview ? 1 : 0,
          event.data.setAt,
          recorded.metadata.actorId,
        );
        return;
    }
  },
};
