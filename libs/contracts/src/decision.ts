import type { AppealRoute, AppealedDecision, Level, Outcome } from '@cert/domain';

export type BoardStatus = 'NeedsAdjudication' | 'AwaitingDecision' | 'Decided';

export type BoardItemView = {
  applicationId: string;
  reference: string;
  institutionName: string;
  status: BoardStatus;
  recommendation: Outcome | null;
  rule: string | null;
  overallMean: number | null;
  outcomeMeans: Record<string, number> | null;
  minIndicator: number | null;
  maxSpread: number;
  /** `reviewerName`: the reviewer's name as their account reads now ("[erased person]" once erased), added when read. */
  disputed: { indicator: string; levels: { reviewerId: string; reviewerName?: string; level: number }[]; spread: number }[];
  reviewerRecommendations: { reviewerId: string; reviewerName?: string; recommendation: Outcome }[];
  decisionOutcome: Outcome | null;
  overruled: boolean | null;
  /** Set when the board decides on an appeal: the decision it answers (docs/DOMAIN.md, Appeals). */
  appealOf: AppealedDecision | null;
  updatedAt: string;
};

/** The board's level for one disputed indicator. */
export type Ruling = { indicator: string; level: Level };
export type ResolveAdjudicationRequest = { rulings: Ruling[]; justification: string };

/** Overruling the recommendation needs a justification of the pinned policy's `overruleJustificationMinLength`. */
export type RecordDecisionRequest = { outcome: Outcome; justification?: string };

export type FileAppealRequest = { statement: string };
export type RouteAppealRequest = { route: AppealRoute };
