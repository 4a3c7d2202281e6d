/** The API's answers, as the web app reads them (mirrors libs/projections and libs/audit views). */
export type ApplicationStatus =
  | 'Screening' | 'Rejected' | 'AwaitingAssessment' | 'Lapsed' | 'UnderReview' | 'NeedsAdjudication' | 'AwaitingDecision' | 'Decided' | 'Appealed';
export type Outcome = 'ProgramOfExcellence' | 'CharterMembership' | 'NotYetReady';
export type Level = 1 | 2 | 3 | 4 | 5;

export type Survey = {
  leaderName: string;
  contactEmail: string;
  institution: { name: string; type: string; country: string; region: string };
  programDescription: string;
  yearsRunning: number;
  studentsServed: number;
  focusAreas: string[];
  underrepresentedReach: string;
  partners: string[];
};

export type ReviewerEntry = { reviewerId: string; purpose: 'review' | 'adjudication'; status: 'assigned' | 'released' | 'finished'; dueAt: string };

export type Application = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  stage: string;
  leaderName: string;
  applicantEmail: string;
  institutionName: string;
  institutionType: string;
  country: string;
  region: string;
  rubricVersion: string;
  policyVersion: string;
  submittedAt: string;
  updatedAt: string;
  dueAt: string | null;
  assessmentRated: number;
  assessmentTotal: number;
  assessmentSubmittedAt: string | null;
  /** Staff, board, auditor and reviewers only (hidden from the applicant). */
  reviewers?: ReviewerEntry[];
  disputed?: string[];
  recommendation?: Outcome | null;
  recommendationRule?: string | null;
  overallMean?: number | null;
  decisionOverruled?: boolean | null;
  decisionOutcome: Outcome | null;
  decisionJustification: string | null;
  decidedAt: string | null;
  survey: Survey;
  appealUntil: string | null;
  decisionFinal: boolean;
  designationStatus: 'active' | 'suspended' | 'expired' | 'renewed' | null;
  progressDueAt: string | null;
  /** DOMAIN.md, step 6: the appeal of a decision, if any. */
  appealStatus: 'filed' | 'routed' | 'decided' | null;
  appealStatement: string | null;
  appealRoute: AppealRoute | null;
  appealFiledAt: string | null;
  /** The decision the appeal answers (hidden from a fresh reviewer until their own scores are in). */
  appealOf?: AppealedDecision | null;
  /** Staff, board, auditor only: reviewers of earlier rounds, whom a fresh review may not take again. */
  earlierReviewers?: string[];
  /** Issue 8: on a renewal, the application whose designation it renews (its reviewers and board see the earlier years). */
  renewalOf?: string | null;
  version: number;
  position: string;
  /** Reviewers only: the cycle is reviewed blind, so leader, contact email and institution name are withheld (null). */
  blindReview?: boolean;
};

export type AppealRoute = 'fresh-review' | 'board';
export type AppealedDecision = { decidedAt: string; outcome: Outcome };

export type ApplicantListItem =
  | { role: 'applicant'; application: Application }
  | { role: 'nominator'; nomination: { id: string; reference: string; leaderName: string; institutionName: string; submittedAt: string } };

export type StaffQueue = { counts: Record<ApplicationStatus, number>; items: Application[] };

export type TimelineEntry = { type: string; occurredAt: string; summary: string; version?: number; position?: string; actorId?: string; actorRole?: string };

export type AssessmentItem = { indicator: string; level: Level; evidence: string; state: 'draft' | 'submitted' };

export type GrowthItem = { indicator: string; title: string; consensusLevel: number; currentLevel: Level; nextLevel: Level | null; goal: string };
export type GrowthReport = { applicationId: string; items: GrowthItem[]; issuedAt: string };

export type Indicator = { code: string; role: string; title: string; levels: Record<Level, string> };
export type DesiredOutcome = { code: string; text: string; indicators: Indicator[] };
export type Rubric = { version: string; title: string; standard: string; levelNames: Record<Level, string>; outcomes: DesiredOutcome[] };

export type DecisionPolicy = {
  version: string;
  reviewersRequired: number;
  disagreementThreshold: number;
  overruleJustificationMinLength: number;
  sameRegionIsConflict: boolean;
  assessmentWindowDays: number;
  reviewWindowDays: number;
};

export type FeedItem = { notificationId: string; applicationId: string; template: string; subject: string; link: string; sentAt: string; readAt: string | null };
export type Feed = { unread: number; items: FeedItem[] };

export type ReviewerAssignment = {
  applicationId: string;
  reference: string | null;
  institutionName: string | null;
  stage: string | null;
  purpose: 'review' | 'adjudication';
  status: 'assigned' | 'released' | 'finished';
  assignedAt: string;
  dueAt: string;
  submittedAt: string | null;
  recommendation: Outcome | null;
  progress: { scored: number; total: number };
  blindReview?: boolean;
};

export type Conflict = { conflictId: string; applicationId: string | null; institution: string | null; reason: string; pinned: boolean; declaredAt: string; declaredBy: 'reviewer' | 'staff' };
export type CycleSettings = { cycle: string; blindReview: boolean; setAt: string | null; setBy: string | null };

export type ReviewerScore = { indicator: string; level: Level; comment: string; final: boolean };
export type FinishedReview = { reviewerId: string; purpose: 'review' | 'adjudication'; recommendation: Outcome; submittedAt: string; scores: { indicator: string; level: Level; comment: string }[] };

export type Reviewer = { id: string; name: string; email: string; institution: string | null; region: string | null; openAssignments: number };

export type BoardItem = {
  applicationId: string;
  reference: string;
  institutionName: string;
  status: 'NeedsAdjudication' | 'AwaitingDecision' | 'Decided';
  recommendation: Outcome | null;
  rule: string | null;
  overallMean: number | null;
  outcomeMeans: Record<string, number> | null;
  minIndicator: number | null;
  maxSpread: number;
  disputed: { indicator: string; levels: { reviewerId: string; level: number }[]; spread: number }[];
  reviewerRecommendations: { reviewerId: string; recommendation: Outcome }[];
  decisionOutcome: Outcome | null;
  overruled: boolean | null;
  appealOf: AppealedDecision | null;
  updatedAt: string;
};

export type HistoryEntry = {
  /** The application's stream, or a linked one (its directory listing, an award cycle) since issue 8. */
  streamId?: string;
  version: number;
  position: string;
  type: string;
  occurredAt: string;
  actorId: string;
  actorRole: string;
  correlationId: string;
  rubricVersion: string | null;
  policyVersion: string | null;
  eventId: string;
  hash: string | null;
  data: Record<string, unknown> | null;
};

export type VerifyProblem = { reason: string; position: string | null; streamId: string | null; version: number | null; eventId: string | null; detail: string };
export type StreamVerdict = { ok: boolean; streamId: string; events: number; headHash: string | null; problem: VerifyProblem | null };
export type LogVerdict = { ok: boolean; events: number; streams: number; head: { position: string; globalHash: string } | null; problem: VerifyProblem | null };

export type Reproduction = {
  applicationId: string;
  reproduced: boolean;
  checks: { version: number; type: string; recorded: { outcome: Outcome; rule: string }; fromRecordedInputs: { outcome: Outcome; rule: string }; fromScores: { outcome: Outcome; rule: string } | null }[];
  differences: { version: number; type: string; field: string; recorded: unknown; recomputed: unknown }[];
};

export type StateAsOf = { version: number; position: string | null; occurredAt: string | null; state: Record<string, unknown> & { status: string } };
