import type { Database } from 'better-sqlite3';
import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { Projection } from '../projection';

/**
 * A designation's yearly progress (docs/DOMAIN.md, Yearly progress) and its term (docs/DOMAIN.md, Renewal and term).
 * One row per application (its levels at designation, term and renewal links), one per yearly update, one per
 * reviewer asked to confirm an update. Depends on no other projection's tables, so it rebuilds and versions alone.
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS progress_designation (
    application_id TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    rubric_version TEXT NOT NULL,
    assessment TEXT,
    consensus TEXT,
    outcome TEXT,
    decided_at TEXT,
    status TEXT,
    term_ends_at TEXT,
    progress_due_at TEXT,
    renewal_id TEXT,
    renewal_of TEXT,
    previous TEXT,
    ended_at TEXT
  )`,
  'CREATE INDEX IF NOT EXISTS progress_designation_renewal_of ON progress_designation (renewal_of)',
  `CREATE TABLE IF NOT EXISTS progress_update (
    application_id TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    next_due_at TEXT NOT NULL,
    ratings TEXT NOT NULL,
    PRIMARY KEY (application_id, submitted_at)
  )`,
  `CREATE TABLE IF NOT EXISTS progress_confirmation (
    application_id TEXT NOT NULL,
    update_submitted_at TEXT NOT NULL,
    reviewer_id TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    recorded_at TEXT,
    verdicts TEXT,
    PRIMARY KEY (application_id, update_submitted_at, reviewer_id)
  )`,
  'CREATE INDEX IF NOT EXISTS progress_confirmation_reviewer ON progress_confirmation (reviewer_id, requested_at)',
];

const set = (db: Database, id: string, fields: Record<string, string | null>) => {
  const columns = Object.keys(fields);
  db.prepare(`UPDATE progress_designation SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE application_id = @id`).run({
    ...fields,
    id,
  });
};

const levels = (items: { indicator: string; level: number }[]) =>
  JSON.stringify(items.map(({ indicator, level }) => ({ indicator, level })));

export const progressProjection: Projection = {
  name: 'progress',
  version: 1,
  schema: SCHEMA,
  tables: ['progress_designation', 'progress_update', 'progress_confirmation'],
  handles: [
    'SurveySubmitted',
    'NominationClaimed',
    'SurveyAmended',
    'AssessmentSubmitted',
    'DecisionRecorded',
    'ProgressUpdateSubmitted',
    'DesignationSuspended',
    'DesignationReinstated',
    'ProgressConfirmationRequested',
    'ProgressConfirmationRecorded',
    'DesignationExpired',
    'RenewalStarted',
    'RenewalOpened',
    'DesignationRenewed',
  ],
  apply(db: Database, event: RecordedEvent<ApplicationEvent>) {
    const e = event as ApplicationEvent;
    const id = e.data.applicationId;
    switch (e.type) {
      case 'SurveySubmitted':
        db.prepare(
          'INSERT OR IGNORE INTO progress_designation (application_id, reference, institution_name, rubric_version) VALUES (?, ?, ?, ?)',
        ).run(id, e.data.reference, e.data.survey.institution.name, e.data.rubricVersion);
        return;
      // The leader's own answers, once claimed or changed, name the institution.
      case 'NominationClaimed':
      case 'SurveyAmended':
        db.prepare('UPDATE progress_designation SET institution_name = ? WHERE application_id = ?').run(e.data.survey.institution.name, id);
        return;
      case 'AssessmentSubmitted':
        return set(db, id, { assessment: levels(e.data.ratings) });
      case 'DecisionRecorded': {
        const { outcome, decidedAt, progressDueAt, termEndsAt, inputs } = e.data;
        return set(db, id, {
          outcome,
          decided_at: decidedAt,
          consensus: levels(inputs.consensus),
          status: progressDueAt ? 'active' : null,
          progress_due_at: progressDueAt,
          term_ends_at: termEndsAt ?? null,
        });
      }
      case 'ProgressUpdateSubmitted': {
        const { submittedAt, progressDueAt, nextDueAt, ratings } = e.data;
        db.prepare(
          'INSERT OR REPLACE INTO progress_update (application_id, submitted_at, due_at, next_due_at, ratings) VALUES (?, ?, ?, ?, ?)',
        ).run(id, submittedAt, progressDueAt, nextDueAt, JSON.stringify(ratings));
        return set(db, id, { progress_due_at: nextDueAt });
      }
      case 'DesignationSuspended':
        return set(db, id, { status: 'suspended' });
      case 'DesignationReinstated':
        return set(db, id, { status: 'active' });
      case 'ProgressConfirmationRequested':
        db.prepare(
          'INSERT OR IGNORE INTO progress_confirmation (application_id, update_submitted_at, reviewer_id, requested_at) VALUES (?, ?, ?, ?)',
        ).run(id, e.data.updateSubmittedAt, e.data.reviewerId, e.data.requestedAt);
        return;
      case 'ProgressConfirmationRecorded':
        db.prepare(
          'UPDATE progress_confirmation SET recorded_at = ?, verdicts = ? WHERE application_id = ? AND update_submitted_at = ? AND reviewer_id = ?',
        ).run(e.data.recordedAt, JSON.stringify(e.data.verdicts), id, e.data.updateSubmittedAt, e.data.reviewerId);
        return;
      case 'DesignationExpired':
        return set(db, id, { status: 'expired', ended_at: e.data.expiredAt });
      case 'RenewalStarted':
        return set(db, id, { renewal_id: e.data.renewalId });
      case 'RenewalOpened':
        return set(db, id, { renewal_of: e.data.renewalOf, previous: JSON.stringify(e.data.previous) });
      case 'DesignationRenewed':
        return set(db, id, { status: 'renewed', ended_at: e.data.renewedAt });
      default:
        return;
    }
  },
};
