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
  /** How the disagreement was settled, once it was; null while unsettled or where there was none. */
  adjudication: BoardAdjudicationView | null;
  updatedAt: string;
};

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 3: the level ruled for each disputed
 * indicator, by a board ruling (with its justification and who ruled) or by an extra reviewer (the middle level; no
 * justification, nobody ruled). `ruledByName`: the board member's name as their account reads now, added when read.
 */
export type BoardAdjudicationView = {
  method: 'board-ruling' | 'extra-reviewer';
  rulings: { indicator: string; level: Level }[];
  justification: string | null;
  ruledBy: string | null;
  ruledByName?: string | null;
  resolvedAt: string;
};

/** The board's level for one disputed indicator. */
export type Ruling = { indicator: string; level: Level };
export type ResolveAdjudicationRequest = { rulings: Ruling[]; justification: string };

/** Overruling the recommendation needs a justification of the pinned policy's `overruleJustificationMinLength`. */
export type RecordDecisionRequest = { outcome: Outcome; justification?: string };

export type FileAppealRequest = { statement: string };
export type RouteAppealRequest = { route: AppealRoute };
