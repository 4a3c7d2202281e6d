import type { Database } from 'better-sqlite3';
import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { Projection } from '../projection';

// board_application and board_review hold what the queue row needs before the application reaches the board,
// so this projection depends on no other projection's tables (each can be rebuilt and versioned alone).
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS board_queue (
    application_id TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('NeedsAdjudication', 'AwaitingDecision', 'Decided')),
    recommendation TEXT,
    rule TEXT,
    overall_mean REAL,
    outcome_means TEXT,
    min_indicator REAL,
    max_spread INTEGER NOT NULL,
    disputed TEXT NOT NULL,
    reviewer_recommendations TEXT NOT NULL,
    decision_outcome TEXT,
    overruled INTEGER,
    appeal_of TEXT,
    adjudication TEXT,
    updated_at TEXT NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS board_queue_status ON board_queue (status, updated_at)',
  'CREATE TABLE IF NOT EXISTS board_application (application_id TEXT PRIMARY KEY, reference TEXT NOT NULL, institution_name TEXT NOT NULL, appeal_of TEXT)',
  `CREATE TABLE IF NOT EXISTS board_review (
    application_id TEXT NOT NULL,
    reviewer_id TEXT NOT NULL,
    recommendation TEXT NOT NULL,
    scores TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
  )`,
];

type Review = { reviewer_id: string; recommendation: string; scores: string };

/**
 * Largest gap between finished reviewers on any one indicator
 * (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 3: strong disagreement).
 */
export const maxSpread = (reviews: { scores: { indicator: string; level: number }[] }[]): number => {
  const levels = new Map<string, number[]>();
  for (const r of reviews) for (const s of r.scores) levels.set(s.indicator, [...(levels.get(s.indicator) ?? []), s.level]);
  return Math.max(0, ...[...levels.values()].map((ls) => Math.max(...ls) - Math.min(...ls)));
};

const reviewFacts = (db: Database, applicationId: string) => {
  const reviews = db
    .prepare('SELECT reviewer_id, recommendation, scores FROM board_review WHERE application_id = ? ORDER BY submitted_at, reviewer_id')
    .all(applicationId) as Review[];
  return {
    max_spread: maxSpread(reviews.map((r) => ({ scores: JSON.parse(r.scores) as { indicator: string; level: number }[] }))),
    reviewer_recommendations: JSON.stringify(reviews.map((r) => ({ reviewerId: r.reviewer_id, recommendation: r.recommendation }))),
  };
};

/** Puts the application before the board, or refreshes its row; the row keeps what earlier steps set. */
const upsert = (db: Database, applicationId: string, changes: Record<string, string | number | null>) => {
  const app = db
    .prepare('SELECT reference, institution_name, appeal_of FROM board_application WHERE application_id = ?')
    .get(applicationId) as { reference: string; institution_name: string; appeal_of: string | null } | undefined;
  // docs/DOMAIN.md, Appeals: the board sees that it decides on an appeal, and which decision it answers.
  const fields = { ...changes, appeal_of: app?.appeal_of ?? null };
  db.prepare(
    `INSERT INTO board_queue (application_id, reference, institution_name, status, max_spread, disputed, reviewer_recommendations, updated_at)
     VALUES (@id, @reference, @institution, 'NeedsAdjudication', 0, '[]', '[]', '') ON CONFLICT (application_id) DO NOTHING`,
  ).run({ id: applicationId, reference: app?.reference ?? '', institution: app?.institution_name ?? '' });
  const columns = Object.keys(fields);
  db.prepare(`UPDATE board_queue SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE application_id = @id`).run({
    ...fields,
    id: applicationId,
  });
};

const onQueue = (db: Database, applicationId: string) =>
  db.prepare('SELECT 1 FROM board_queue WHERE application_id = ?').get(applicationId) !== undefined;

/**
 * What the board decides on (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 4): the
 * recommendation, its inputs, and how far reviewers disagreed.
 */
export const boardQueueProjection: Projection = {
  name: 'board-queue',
  version: 3,
  schema: SCHEMA,
  tables: ['board_queue', 'board_application', 'board_review'],
  handles: [
    'SurveySubmitted',
    'NominationClaimed',
    'SurveyAmended',
    'ScoresSubmitted',
    'AdjudicationRequired',
    'AdjudicationResolved',
    'RecommendationComputed',
    'DecisionRecorded',
    'AppealFiled',
    'AppealRouted',
  ],
  apply(db: Database, event: RecordedEvent<ApplicationEvent>) {
    const e = event as ApplicationEvent;
    const id = e.data.applicationId;
    const at = event.metadata.occurredAt;
    switch (e.type) {
      case 'SurveySubmitted':
        db.prepare('INSERT OR REPLACE INTO board_application (application_id, reference, institution_name) VALUES (?, ?, ?)').run(
          id,
          e.data.reference,
          e.data.survey.institution.name,
        );
        return;
      // The leader's own answers, once claimed or changed, name the institution.
      case 'NominationClaimed':
      case 'SurveyAmended':
        db.prepare('UPDATE board_application SET institution_name = ? WHERE application_id = ?').run(e.data.survey.institution.name, id);
        return;
      case 'ScoresSubmitted':
        db.prepare(
          'INSERT OR REPLACE INTO board_review (application_id, reviewer_id, recommendation, scores, submitted_at) VALUES (?, ?, ?, ?, ?)',
        ).run(
          id,
          e.data.reviewerId,
          e.data.recommendation,
          JSON.stringify(e.data.scores.map((s) => ({ indicator: s.indicator, level: s.level }))),
          e.data.submittedAt,
        );
        // An extra reviewer finishing while the application awaits adjudication changes what the board sees.
        if (onQueue(db, id)) upsert(db, id, { ...reviewFacts(db, id), updated_at: at });
        return;
      case 'AdjudicationRequired':
        return upsert(db, id, {
          status: 'NeedsAdjudication',
          disputed: JSON.stringify(e.data.disputed),
          ...reviewFacts(db, id),
          updated_at: at,
        });
      case 'AdjudicationResolved': {
        const { method, rulings, justification, resolvedAt } = e.data;
        // Who ruled is the board member who sent it; an extra reviewer's levels settle it with nobody ruling.
        const ruledBy = method === 'board-ruling' ? event.metadata.actorId : null;
        return upsert(db, id, { adjudication: JSON.stringify({ method, rulings, justification, ruledBy, resolvedAt }), updated_at: at });
      }
      case 'RecommendationComputed': {
        const { recommendation, rule, inputs } = e.data;
        return upsert(db, id, {
          status: 'AwaitingDecision',
          recommendation,
          rule,
          overall_mean: inputs.overallMean,
          outcome_means: JSON.stringify(inputs.outcomeMeans),
          min_indicator: inputs.minIndicatorLevel,
          ...reviewFacts(db, id),
          updated_at: at,
        });
      }
      case 'DecisionRecorded':
        return upsert(db, id, { status: 'Decided', decision_outcome: e.data.outcome, overruled: e.data.overruled ? 1 : 0, updated_at: at });
      case 'AppealFiled':
        db.prepare('UPDATE board_application SET appeal_of = ? WHERE application_id = ?').run(JSON.stringify(e.data.appealOf), id);
        return;
      case 'AppealRouted':
        if (e.data.route === 'board')
          return upsert(db, id, { status: 'AwaitingDecision', decision_outcome: null, overruled: null, updated_at: at });
        // A fresh review is a new round: the earlier scores leave the board's view until the new recommendation.
        db.prepare('DELETE FROM board_review WHERE application_id = ?').run(id);
        db.prepare('DELETE FROM board_queue WHERE application_id = ?').run(id);
        return;
      default:
        return;
    }
  },
};
