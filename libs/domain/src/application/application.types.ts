import { Level } from '../rubric/rubric';

export const INSTITUTION_TYPES = ['school', 'district', 'academy', 'higher-ed', 'ngo', 'nontraditional', 'outreach', 'corporate'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: what the intake survey asks. */
export type Survey = {
  leaderName: string;
  contactEmail: string;
  institution: { name: string; type: InstitutionType; country: string; region: string };
  programDescription: string;
  yearsRunning: number;
  studentsServed: number;
  focusAreas: string[];
  underrepresentedReach: string;
  partners: string[];
};

export type IndicatorRating = { indicator: string; level: Level; evidence: string };
export type IndicatorScore = { indicator: string; level: Level; comment: string };

export const OUTCOMES = ['ProgramOfExcellence', 'CharterMembership', 'NotYetReady'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What a decision rests on; recorded so an auditor can recompute it (docs/DOMAIN.md, What auditors need). */
export type DecisionInputs = {
  consensus: { indicator: string; level: number }[];
  outcomeMeans: Record<string, number>;
  overallMean: number;
  minIndicatorLevel: number;
};

export type Recommendation = { outcome: Outcome; rule: string; inputs: DecisionInputs };

export type GrowthItem = {
  indicator: string;
  title: string;
  consensusLevel: number;
  currentLevel: Level;
  nextLevel: Level | null;
  goal: string;
};

/** Facts about a possible reviewer, gathered by the handler from read models (the decider never fetches). */
export type ReviewerCandidate = {
  reviewerId: string;
  institution: string | null;
  region: string | null;
  declaredConflicts: string[];
  openAssignments: number;
};

/** docs/DOMAIN.md, Appeals: staff send an appeal to a fresh review (new reviewers only) or straight to the board. */
export const APPEAL_ROUTES = ['fresh-review', 'board'] as const;
export type AppealRoute = (typeof APPEAL_ROUTES)[number];

/** Which decision an appeal (and the decision it ends in) answers: the first decision's date and outcome. */
export type AppealedDecision = { decidedAt: string; outcome: Outcome };

/**
 * Pinned at intake: an application keeps the rubric and policy it started with
 * (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1).
 */
export type Pins = { rubricVersion: string; policyVersion: string };

/** docs/DOMAIN.md, Evidence: evidence belongs to the self-assessment or to the yearly progress update being prepared. */
export const EVIDENCE_PURPOSES = ['assessment', 'progress'] as const;
export type EvidencePurpose = (typeof EVIDENCE_PURPOSES)[number];

/**
 * One uploaded document, as the event that attaches it records it. The content is stored encrypted in the blob store
 * under `documentId`; `sha256` and `size` are of the content as uploaded, `stored` of the encrypted bytes as kept (what
 * audit verification checks without any key). `contentKey` is the document's own key, itself sealed under the
 * applicant's key (it reads as nothing useful once the applicant is erased). The name is the applicant's personal data.
 */
export type EvidenceDocument = {
  documentId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  stored: { size: number; sha256: string };
  contentKey: string;
  /** The evidence policy the upload was checked against (libs/domain/src/evidence/evidence-policy.ts). */
  policyVersion: string;
};

/** A web address given as evidence, with an optional title; both are the applicant's words. */
export type EvidenceLink = { linkId: string; url: string; title: string };

/** What a submitted assessment or progress update was submitted with, per indicator: each document by id and content hash. */
export type SubmittedEvidence = { indicator: string; evidenceId: string; kind: 'document' | 'link'; sha256: string | null };
/**
 * docs/DOMAIN.md, Personal data and the record of reasons: what starts the record's retention. The final decision;
 * for a decision that granted a designation, the designation's end (expiry or renewal); or the survey's rejection.
 */
export const RETENTION_RULES = ['after-final-decision', 'after-designation-end', 'after-rejection'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

/**
 * How long the record of reasons is kept, set when the application closes. `closedAt` and `retainedUntil` are null
 * while a designation the decision granted still runs: the retention starts when it ends.
 */
export type RecordRetention = {
  rule: RetentionRule;
  years: number;
  closedAt: string | null;
  retainedUntil: string | null;
  shreddedAt: string | null;
};

/** How many texts of one field of one event type: what the record key held, or what it could not reach. */
export type ReasonCount = { type: string; field: string; count: number };
