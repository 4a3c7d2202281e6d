import type { Database } from 'better-sqlite3';
import { Outcome } from '@cert/domain';
import type { BoardItemView, BoardStatus } from '@cert/contracts';

type Row = {
  application_id: string;
  reference: string;
  institution_name: string;
  status: BoardStatus;
  recommendation: Outcome | null;
  rule: string | null;
  overall_mean: number | null;
  outcome_means: string | null;
  min_indicator: number | null;
  max_spread: number;
  disputed: string;
  reviewer_recommendations: string;
  decision_outcome: Outcome | null;
  overruled: number | null;
  appeal_of: string | null;
  adjudication: string | null;
  updated_at: string;
};

const toView = (r: Row): BoardItemView => ({
  applicationId: r.application_id,
  reference: r.reference,
  institutionName: r.institution_name,
  status: r.status,
  recommendation: r.recommendation,
  rule: r.rule,
  overallMean: r.overall_mean,
  outcomeMeans: r.outcome_means === null ? null : (JSON.parse(r.outcome_means) as BoardItemView['outcomeMeans']),
  minIndicator: r.min_indicator,
  maxSpread: r.max_spread,
  disputed: JSON.parse(r.disputed) as BoardItemView['disputed'],
  reviewerRecommendations: JSON.parse(r.reviewer_recommendations) as BoardItemView['reviewerRecommendations'],
  decisionOutcome: r.decision_outcome,
  overruled: r.overruled === null ? null : r.overruled === 1,
  appealOf: r.appeal_of === null ? null : (JSON.parse(r.appeal_of) as BoardItemView['appealOf']),
  adjudication: r.adjudication === null ? null : (JSON.parse(r.adjudication) as BoardItemView['adjudication']),
  updatedAt: r.updated_at,
});

/** Work waiting for the board first (decisions and adjudications), oldest first; decided items after. */
export const boardQueue = (db: Database, opts: { status?: BoardStatus } = {}): BoardItemView[] =>
  (
    db
      .prepare(
        `SELECT * FROM board_queue WHERE @status IS NULL OR status = @status
     ORDER BY status = 'Decided', updated_at, application_id`,
      )
      .all({ status: opts.status ?? null }) as Row[]
  ).map(toView);

export const boardItem = (db: Database, id: string): BoardItemView | null => {
  const row = db.prepare('SELECT * FROM board_queue WHERE application_id = ?').get(id) as Row | undefined;
  return row ? toView(row) : null;
};
