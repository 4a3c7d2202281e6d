import type { AppealRoute, AppealedDecision, ApplicationStatus, GrowthItem, IndicatorRating, Level, Outcome, Survey } from '@cert/domain';

export type ReviewerEntry = {
  reviewerId: string;
  /** The reviewer's name as their account reads now ("[erased person]" once erased); the api adds it when read. */
  name?: string;
  purpose: 'review' | 'adjudication';
  status: 'assigned' | 'released' | 'finished';
  dueAt: string;
};

export type ApplicationSummaryView = {
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
  submittedBy: string;
  nominators: string[];
  asNominator: boolean;
  rubricVersion: string;
  policyVersion: string;
  submittedAt: string;
  updatedAt: string;
  /** The assessment deadline (docs/DOMAIN.md, Deadlines); reviewers' due dates are in `reviewers`. */
  dueAt: string | null;
  assessmentRated: number;
  assessmentTotal: number;
  assessmentSubmittedAt: string | null;
  reviewers: ReviewerEntry[];
  disputed: string[];
  recommendation: Outcome | null;
  recommendationRule: string | null;
  overallMean: number | null;
  decisionOutcome: Outcome | null;
  decisionOverruled: boolean | null;
  decisionJustification: string | null;
  decidedAt: string | null;
  /** The intake survey as submitted (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1). */
  survey: Survey;
  appealUntil: string | null;
  decisionFinal: boolean;
  /** Charter membership or Program of Excellence in good standing, or suspended for a missed progress update. */
  designationStatus: 'active' | 'suspended' | 'expired' | 'renewed' | null;
  progressDueAt: string | null;
  /** The appeal of a decision, if any (docs/DOMAIN.md, Appeals); `appealOf` is the decision it answers. */
  appealStatus: 'filed' | 'routed' | 'decided' | null;
  appealStatement: string | null;
  appealRoute: AppealRoute | null;
  appealFiledAt: string | null;
  appealOf: AppealedDecision | null;
  /** Reviewers of earlier rounds, whom an appeal's fresh review may not take again. */
  earlierReviewers: string[];
  /** On a renewal: the application whose designation it renews; null on any other application. */
  renewalOf: string | null;
  /**
   * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: a nomination waiting for the leader
   * it names to claim it (`pending`), claimed by them, or null when the leader applied themself.
   */
  nominationStatus: 'pending' | 'claimed' | null;
  claimedAt: string | null;
  /** Stream version (for If-Match) and log position of the last event applied. */
  version: number;
  position: string;
};

/** What the applicant does not see of their own application: who reviews it, what is disputed, what the engine recommended. */
type StaffOnly =
  'reviewers' | 'earlierReviewers' | 'disputed' | 'recommendation' | 'recommendationRule' | 'overallMean' | 'decisionOverruled';
export type ApplicantApplicationView = Omit<ApplicationSummaryView, StaffOnly>;

/** What a nominator learns of an application they nominated: that it was received (docs/DOMAIN.md, Who uses it). */
export type NominationAcknowledgement = { id: string; reference: string; received: true; submittedAt: string };

/** Derived from every reviewer's scores: a reviewer sees these once their own scores are in. */
type AfterOwnScores =
  | 'disputed'
  | 'recommendation'
  | 'recommendationRule'
  | 'overallMean'
  | 'decisionOutcome'
  | 'decisionOverruled'
  | 'decisionJustification'
  | 'decidedAt'
  | 'appealOf';
/** Of an appeal and what followed it: a reviewer whose round ended before the appeal sees none of it. */
type AfterTheirRound =
  | 'appealStatus'
  | 'appealStatement'
  | 'appealRoute'
  | 'appealFiledAt'
  | 'appealUntil'
  | 'decisionFinal'
  | 'designationStatus'
  | 'progressDueAt';
/** Who the applicant is: withheld (null) where the cycle is reviewed blind. */
type Identity = 'leaderName' | 'applicantEmail' | 'institutionName';

export type BlindableSurvey = Omit<Survey, 'leaderName' | 'contactEmail' | 'institution'> & {
  leaderName: string | null;
  contactEmail: string | null;
  institution: Omit<Survey['institution'], 'name'> & { name: string | null };
};

/** What an assigned reviewer sees (docs/DOMAIN.md, Blind review): their own assignment, never the other reviewers. */
export type ReviewerApplicationView = Omit<
  ApplicationSummaryView,
  | 'reviewers'
  | 'nominators'
  | 'submittedBy'
  | 'asNominator'
  | 'nominationStatus'
  | 'claimedAt'
  | 'earlierReviewers'
  | 'survey'
  | AfterOwnScores
  | AfterTheirRound
  | Identity
> &
  Partial<Pick<ApplicationSummaryView, AfterOwnScores | AfterTheirRound>> & {
    reviewers: ReviewerEntry[];
    leaderName: string | null;
    applicantEmail: string | null;
    institutionName: string | null;
    survey: BlindableSurvey;
    blindReview: boolean;
  };

/**
 * Another application that may be the same leader's and institution's, shown to staff at screening and never merged
 * (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1): `same-leader` for the same leader name
 * (or contact email) and institution while it is open, `designated` for one that holds an active or suspended designation.
 */
export type PossibleDuplicate = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  leaderName: string;
  institutionName: string;
  why: 'same-leader' | 'designated';
};

/** What staff read of an application: the summary, with the possible duplicates the screening should look at. */
export type StaffApplicationView = ApplicationSummaryView & { possibleDuplicates: PossibleDuplicate[] };

/** GET /applications/:id: staff, board and auditors read the summary; the applicant, a reviewer and a nominator their own view of it. */
export type ApplicationReadView =
  StaffApplicationView | ApplicationSummaryView | ApplicantApplicationView | ReviewerApplicationView | NominationAcknowledgement;

export type TimelineEntryView = {
  version: number;
  position: string;
  type: string;
  occurredAt: string;
  actorId: string;
  actorRole: string;
  /**
   * Who took the step, as people read it: the person's name ("[erased person]" once erased), or "The engine (policy
   * decision-policy.v1)" for a step the engine worked out (docs/DOMAIN.md, Names).
   */
  actorName: string;
  /** What happened, in the event's one sentence, with people named. */
  summary: string;
};

/** A timeline entry as applicants and reviewers read it: the milestone, not who did it. */
export type MilestoneView = Pick<TimelineEntryView, 'type' | 'occurredAt' | 'summary'>;
export type TimelineView = TimelineEntryView[] | MilestoneView[];

export type AssessmentItemView = { indicator: string; level: Level; evidence: string; state: 'draft' | 'submitted' };

export type GrowthReportView = { applicationId: string; items: GrowthItem[]; issuedAt: string };

/**
 * A nomination as its nominator sees it: the leader and institution as they wrote them, never the leader's own survey,
 * and nothing of what the leader did since (docs/DOMAIN.md, Who uses it).
 */
export type NominationReceived = { id: string; reference: string; leaderName: string; institutionName: string; submittedAt: string };

/** A nominator learns only that the nomination was received (docs/DOMAIN.md, Who uses it), so their item says no more. */
export type ApplicantListItem =
  { role: 'applicant'; application: ApplicantApplicationView } | { role: 'nominator'; nomination: NominationReceived };

/** A row of the staff queue: the summary, with its review reviewers counted against those the policy requires. */
export type StaffQueueItem = ApplicationSummaryView & {
  /** Possible duplicates, looked for while the application is in screening (empty after). */
  possibleDuplicates: PossibleDuplicate[];
  /** Reviewers assigned to review it and not released (adjudicators not counted). */
  reviewerCount: number;
  reviewersRequired: number;
  /** Under review with fewer reviewers than it needs: staff must assign more. */
  needsReviewers: boolean;
};

export type StaffQueue = {
  /** Every application by status, whatever the filters. */
  counts: Record<ApplicationStatus, number>;
  /** Applications under review short of reviewers, whatever the filters. */
  needsReviewers: number;
  /** How many applications the filters match (the items are one page of them). */
  matching: number;
  items: StaffQueueItem[];
};

/** GET /applications: an applicant's own list, or the staff queue with counts by status. */
export type ApplicationList = ApplicantListItem[] | StaffQueue;

/** Every GET may pass `after`, a log position a command answered: the read waits (at most 2 s) until the read models hold it. */
export type ReadQuery = { after?: string };

export type ListApplicationsQuery = ReadQuery & {
  status?: ApplicationStatus;
  /** Part of a reference, a leader's name or an institution's name, in any case. */
  q?: string;
  /** `true`: only applications short of reviewers. */
  needsReviewers?: 'true' | 'false';
  limit?: number;
  offset?: number;
};

/** The intake survey, by the leader or by someone nominating them (docs/DOMAIN.md, The lifecycle (one application = one event stream)). */
export type Institution = Survey['institution'];

/**
 * The leader's own answers: to claim a nomination that names them, or to change their survey until staff screen it
 * (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1). The contact email stays the same.
 */
export type SurveyAnswersRequest = Survey;

/** Staff found the other application is not a duplicate of this one: the flag goes from both. */
export type DismissDuplicateRequest = { otherApplicationId: string };

export type SubmitSurveyRequest = Survey & {
  /** True when you propose someone else as the leader. */
  asNominator?: boolean;
};

/** A draft may hold any ratings; the final submission merges them over the draft and needs every indicator. */
export type RatingsRequest = { ratings: IndicatorRating[] };
export type RejectSurveyRequest = { reason: string };
export type ExtendDeadlineRequest = { dueAt: string; reason: string };
