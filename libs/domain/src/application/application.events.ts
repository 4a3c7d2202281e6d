import { Level } from '../rubric/rubric';
import {
  AppealRoute,
  AppealedDecision,
  DecisionInputs,
  EvidenceDocument,
  EvidenceLink,
  EvidencePurpose,
  GrowthItem,
  IndicatorRating,
  IndicatorScore,
  Outcome,
  Pins,
  SubmittedEvidence,
  ReasonCount,
  RetentionRule,
  Survey,
} from './application.types';

type Event<T extends string, D> = { type: T; data: D & Pins & { applicationId: string } };

export type SurveySubmitted = Event<
  'SurveySubmitted',
  {
    reference: string;
    survey: Survey;
    submittedBy: string;
    asNominator: boolean;
    submittedAt: string;
    /** Set on the first event of a renewal stream: the survey is the one on file, not a new nomination. */
    renewalOf?: string;
  }
>;
export type NominationLinked = Event<'NominationLinked', { nominatorId: string; survey: Survey; linkedAt: string }>;
/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: the leader a nomination names signs in
 * with the nominated email and confirms it with their own answers, which replace the nominator's on the application.
 */
export type NominationClaimed = Event<'NominationClaimed', { survey: Survey; claimedBy: string; claimedAt: string }>;
/** The leader's corrected survey, before staff screen it (docs/DOMAIN.md, The lifecycle, step 1). */
export type SurveyAmended = Event<'SurveyAmended', { survey: Survey; amendedBy: string; amendedAt: string }>;
/** Staff looked at a possible duplicate and found it is not one (docs/DOMAIN.md, The lifecycle, step 1). */
export type DuplicateDismissed = Event<'DuplicateDismissed', { otherApplicationId: string; dismissedBy: string; dismissedAt: string }>;
export type SurveyAccepted = Event<'SurveyAccepted', { acceptedAt: string; dueAt: string }>;
export type SurveyRejected = Event<'SurveyRejected', { reason: string; rejectedAt: string }>;
export type AssessmentDraftSaved = Event<'AssessmentDraftSaved', { ratings: IndicatorRating[]; savedAt: string }>;
export type AssessmentSubmitted = Event<
  'AssessmentSubmitted',
  {
    ratings: IndicatorRating[];
    submittedAt: string;
    /** docs/DOMAIN.md, Evidence: the documents and links it was submitted with; absent on events written before documents. */
    evidence?: SubmittedEvidence[];
  }
>;
export type AssessmentDeadlineExtended = Event<
  'AssessmentDeadlineExtended',
  {
    previousDueAt: string;
    dueAt: string;
    reason: string;
    reopened: boolean;
    extendedAt: string;
  }
>;
export type ApplicationLapsed = Event<'ApplicationLapsed', { dueAt: string; lapsedAt: string }>;
export type ReviewerAssigned = Event<
  'ReviewerAssigned',
  {
    reviewerId: string;
    dueAt: string;
    method: 'manual' | 'auto';
    purpose: 'review' | 'adjudication';
    assignedAt: string;
  }
>;
export type ReviewerReleased = Event<'ReviewerReleased', { reviewerId: string; reason: string; releasedAt: string }>;
export type ScoresDraftSaved = Event<'ScoresDraftSaved', { reviewerId: string; scores: IndicatorScore[]; savedAt: string }>;
export type ScoresSubmitted = Event<
  'ScoresSubmitted',
  {
    reviewerId: string;
    scores: IndicatorScore[];
    recommendation: Outcome;
    submittedAt: string;
  }
>;
export type AdjudicationRequired = Event<
  'AdjudicationRequired',
  {
    disputed: { indicator: string; levels: { reviewerId: string; level: Level }[]; spread: number }[];
    threshold: number;
    flaggedAt: string;
  }
>;
export type AdjudicationResolved = Event<
  'AdjudicationResolved',
  {
    method: 'board-ruling' | 'extra-reviewer';
    rulings: { indicator: string; level: Level }[];
    justification: string | null;
    resolvedAt: string;
  }
>;
export type RecommendationComputed = Event<
  'RecommendationComputed',
  {
    recommendation: Outcome;
    rule: string;
    inputs: DecisionInputs;
    computedAt: string;
  }
>;
export type DecisionRecorded = Event<
  'DecisionRecorded',
  {
    outcome: Outcome;
    recommendation: Outcome;
    rule: string;
    overruled: boolean;
    justification: string | null;
    /**
     * Schema v2: the length of the justification, kept clear so the overrule rule ("a written justification of at least
     * N characters") can be rechecked after the text itself is erased. Null only when a v1 event's text was erased
     * before it could be measured.
     */
    justificationLength: number | null;
    inputs: DecisionInputs;
    decidedBy: string;
    decidedAt: string;
    /** docs/DOMAIN.md, Deadlines: the decision is final when the appeal window closes. */
    appealUntil: string;
    /** Charter membership and Program of Excellence owe a yearly IC Map progress update; null otherwise. */
    progressDueAt: string | null;
    /** A designation's term ends here (decide/renewal.ts) unless renewed; absent on events before terms existed. */
    termEndsAt?: string | null;
    /** On a renewal's decision, the application whose designation it renews. */
    renewalOf?: string | null;
    /**
     * Only on the decision an appeal ends in: the decision it answers. Absent on first decisions (and on every event
     * written before appeals existed), so no schema bump: an added optional field reads the same in old events.
     */
    appealOf?: AppealedDecision;
  }
>;
export type GrowthReportIssued = Event<'GrowthReportIssued', { items: GrowthItem[]; issuedAt: string }>;
export type AssessmentReminderIssued = Event<'AssessmentReminderIssued', { dueAt: string; daysBefore: number; remindedAt: string }>;
export type ReviewerReminderIssued = Event<
  'ReviewerReminderIssued',
  { reviewerId: string; dueAt: string; daysBefore: number; remindedAt: string }
>;
export type ReviewOverdueEscalated = Event<
  'ReviewOverdueEscalated',
  {
    reviewerId: string;
    dueAt: string;
    /** `overdue`: staff are alerted; `no-replacement`: the reviewer was released and nobody eligible was left. */
    reason: 'overdue' | 'no-replacement';
    escalatedAt: string;
  }
>;
export type DecisionFinalized = Event<'DecisionFinalized', { appealUntil: string; finalizedAt: string }>;
export type ProgressReminderIssued = Event<'ProgressReminderIssued', { progressDueAt: string; daysBefore: number; remindedAt: string }>;
export type DesignationSuspended = Event<'DesignationSuspended', { progressDueAt: string; suspendedAt: string }>;
export type ProgressUpdateSubmitted = Event<
  'ProgressUpdateSubmitted',
  {
    ratings: IndicatorRating[];
    progressDueAt: string;
    nextDueAt: string;
    submittedAt: string;
    /** docs/DOMAIN.md, Evidence: the documents and links it was submitted with; absent on events written before documents. */
    evidence?: SubmittedEvidence[];
  }
>;
export type DesignationReinstated = Event<'DesignationReinstated', { reinstatedAt: string }>;
/** An award of a yearly award cycle (stream `award-cycle-<year>`), on the leader's record. */
export type AwardRecorded = Event<'AwardRecorded', { awardCycleId: string; year: number; award: string; recordedAt: string }>;
// Yearly progress, term and renewal (decide/progress.ts, decide/renewal.ts, designation.evolve.ts).
/** Staff ask a reviewer to confirm the latest update, named by its `submittedAt`. */
export type ProgressConfirmationRequested = Event<
  'ProgressConfirmationRequested',
  { reviewerId: string; updateSubmittedAt: string; requestedAt: string }
>;
export type ProgressVerdict = { indicator: string; verdict: 'confirmed' | 'disputed'; comment: string };
export type ProgressConfirmationRecorded = Event<
  'ProgressConfirmationRecorded',
  {
    reviewerId: string;
    updateSubmittedAt: string;
    verdicts: ProgressVerdict[];
    recordedAt: string;
  }
>;
export type RenewalReminderIssued = Event<'RenewalReminderIssued', { termEndsAt: string; daysBefore: number; remindedAt: string }>;
export type DesignationExpired = Event<'DesignationExpired', { termEndsAt: string; expiredAt: string }>;
/** On the designated application: a renewal was started as application `renewalId`. */
export type RenewalStarted = Event<'RenewalStarted', { renewalId: string; termEndsAt: string; startedAt: string }>;
/** What the renewal's reviewers and board are shown of the designation it renews. */
export type PreviousDesignation = { reference: string; outcome: Outcome; decidedAt: string; termEndsAt: string };
/** On the renewal's own stream, right after its SurveySubmitted: which designation it renews. */
export type RenewalOpened = Event<'RenewalOpened', { renewalOf: string; previous: PreviousDesignation; openedAt: string }>;
export type DesignationRenewed = Event<
  'DesignationRenewed',
  { renewalId: string; outcome: Outcome; termEndsAt: string; renewedAt: string }
>;
/** docs/DOMAIN.md, Appeals. The statement is the applicant's own words (personal data, sealed by the store). */
export type AppealFiled = Event<
  'AppealFiled',
  {
    appealOf: AppealedDecision;
    statement: string;
    appealUntil: string;
    filedBy: string;
    filedAt: string;
  }
>;
export type AppealRouted = Event<
  'AppealRouted',
  {
    route: AppealRoute;
    /** Fresh review: everyone assigned in earlier rounds, none of whom may review again. Empty for the board route. */
    excludedReviewers: string[];
    routedBy: string;
    routedAt: string;
  }
>;

// docs/DOMAIN.md, Evidence: documents and links per indicator, attached while the assessment or an update is prepared.
export type EvidenceDocumentAttached = Event<
  'EvidenceDocumentAttached',
  {
    purpose: EvidencePurpose;
    indicator: string;
    document: EvidenceDocument;
    /** The document this one replaces, removed by the same event. */
    replaces?: string;
    attachedBy: string;
    attachedAt: string;
  }
>;
export type EvidenceLinkAdded = Event<
  'EvidenceLinkAdded',
  { purpose: EvidencePurpose; indicator: string; link: EvidenceLink; addedBy: string; addedAt: string }
>;
export type EvidenceRemoved = Event<
  'EvidenceRemoved',
  { purpose: EvidencePurpose; indicator: string; evidenceId: string; kind: 'document' | 'link'; removedBy: string; removedAt: string }
>;
/**
 * docs/DOMAIN.md, Personal data and the record of reasons: the retention ended and the application's record key was
 * destroyed. Says what it held and under which rule; nothing personal in it.
 */
export type RecordOfReasonsShredded = Event<
  'RecordOfReasonsShredded',
  {
    rule: RetentionRule;
    retentionYears: number;
    closedAt: string;
    retainedUntil: string;
    /** The texts the record key held, unreadable from now on. */
    held: ReasonCount[];
    /**
     * Reasons written before they were kept apart, sealed under the people's keys: the record key never held them,
     * so they go with those people's erasure, not here.
     */
    notReached: ReasonCount[];
    shreddedAt: string;
  }
>;

export type ApplicationEvent =
  | SurveySubmitted
  | NominationLinked
  | NominationClaimed
  | SurveyAmended
  | DuplicateDismissed
  | SurveyAccepted
  | SurveyRejected
  | AssessmentDraftSaved
  | AssessmentSubmitted
  | AssessmentDeadlineExtended
  | ApplicationLapsed
  | ReviewerAssigned
  | ReviewerReleased
  | ScoresDraftSaved
  | ScoresSubmitted
  | AdjudicationRequired
  | AdjudicationResolved
  | RecommendationComputed
  | DecisionRecorded
  | GrowthReportIssued
  | AssessmentReminderIssued
  | ReviewerReminderIssued
  | ReviewOverdueEscalated
  | DecisionFinalized
  | ProgressReminderIssued
  | DesignationSuspended
  | ProgressUpdateSubmitted
  | EvidenceDocumentAttached
  | EvidenceLinkAdded
  | EvidenceRemoved
  | DesignationReinstated
  | AwardRecorded
  | ProgressConfirmationRequested
  | ProgressConfirmationRecorded
  | RenewalReminderIssued
  | DesignationExpired
  | RenewalStarted
  | RenewalOpened
  | DesignationRenewed
  | AppealFiled
  | AppealRouted
  | RecordOfReasonsShredded;

export type ApplicationEventType = ApplicationEvent['type'];

export const applicationStream = (applicationId: string) => `application-${applicationId}`;
