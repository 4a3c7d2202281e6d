import type { Database } from 'better-sqlite3';
import { AppealFiled, AppealRouted } from '@cert/domain';
import { STAGES } from '../labels';

type Fields = Record<string, string | number | null>;

/**
 * docs/DOMAIN.md, Appeals: what the summary shows of an appeal. A fresh review is a new round, so the summary's
 * reviewers, disputes and recommendation start again (the earlier reviewers are listed apart); the first decision
 * stays in the decision columns until the appeal's own decision replaces it, and in the timeline for good.
 */
export const appealChanges = (_db: Database, e: AppealFiled | AppealRouted): Fields => {
  if (e.type === 'AppealFiled') {
    const { statement, filedAt, appealOf } = e.data;
    return {
      status: 'Appealed',
      stage: STAGES.Appealed,
      appeal_status: 'filed',
      appeal_statement: statement,
      appeal_filed_at: filedAt,
      appeal_of: JSON.stringify(appealOf),
      appeal_route: null,
    };
  }
  const routed = { appeal_status: 'routed', appeal_route: e.data.route };
  if (e.data.route === 'board') return { ...routed, status: 'AwaitingDecision', stage: STAGES.AwaitingDecision };
  return {
    ...routed,
    status: 'UnderReview',
    stage: STAGES.UnderReview,
    earlier_reviewers: JSON.stringify(e.data.excludedReviewers),
    reviewers: '[]',
    disputed: '[]',
    recommendation: null,
    recommendation_rule: null,
    overall_mean: null,
  };
};
