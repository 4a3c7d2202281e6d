import { Actor } from '../decider';
import { decisionPolicyV1 } from '../decision/decision-policy.v1';
import { Level } from '../rubric/rubric';
import { icMapV1 } from '../rubric/ic-map.v1';
import { indicatorCodes } from '../rubric/rubric-catalog';
import { ApplicationCommand } from './application.commands';
import { ApplicationEvent } from './application.events';
import { applicationDecider } from './application.decider';
import { IndicatorRating, IndicatorScore, ReviewerCandidate, Survey } from './application.types';

/** Builders for decider specs: readable histories, no mocks. */
export const APP_ID = '3f1c2a9e-0000-4000-8000-000000000001';
export const T0 = '2026-01-10T09:00:00.000Z';
export const CODES = indicatorCodes(icMapV1);

export const applicant: Actor = { id: 'user-leader', role: 'applicant', email: 'leader@riverside.edu' };
export const nominator: Actor = { id: 'user-nominator', role: 'applicant', email: 'fan@example.org' };
export const staff: Actor = { id: 'user-staff', role: 'staff' };
export const board: Actor = { id: 'user-board', role: 'board' };
export const timer: Actor = { id: 'deadlines', role: 'system' };
export const reviewer = (id: string): Actor => ({ id, role: 'reviewer' });

export const survey = (overrides: Partial<Survey> = {}): Survey => ({
  leaderName: 'Dr. Ada Rivers',
  contactEmail: 'leader@riverside.edu',
  institution: { name: 'Riverside STEM Academy', type: 'academy', country: 'US', region: 'South Carolina' },
  programDescription: 'A K-8 academy integrating robotics and Fab Lab projects across the day.',
  yearsRunning: 6,
  studentsServed: 540,
  focusAreas: ['robotics', 'fab-labs', 'coding'],
  underrepresentedReach: 'Title I school; 60% of students from under-represented groups.',
  partners: ['Clemson Extension', 'BMW Manufacturing'],
  ...overrides,
});

export const candidate = (reviewerId: string, overrides: Partial<ReviewerCandidate> = {}): ReviewerCandidate => ({
  reviewerId,
  institution: 'Elsewhere University',
  region: 'Ontario',
  declaredConflicts: [],
  openAssignments: 0,
  ...overrides,
});

export const ratingsAt = (level: Level, evidence = 'Minutes of the SLT meetings, 2025-26'): IndicatorRating[] =>
  CODES.map((indicator) => ({ indicator, level, evidence }));

/** Scores at one level, or per-indicator levels given as a map over a default. */
export const scoresAt = (level: Level, overrides: Record<string, Level> = {}): IndicatorScore[] =>
  CODES.map((indicator) => ({ indicator, level: overrides[indicator] ?? level, comment: `Seen during the visit (${indicator})` }));

const meta = (actor: Actor, now: string) => ({ actor, now });

export const cmd = {
  submitSurvey: (o: { now?: string; actor?: Actor; survey?: Survey; asNominator?: boolean } = {}): ApplicationCommand => ({
    type: 'SubmitSurvey',
    data: {
      applicationId: APP_ID,
      survey: o.survey ?? survey(),
      asNominator: o.asNominator ?? false,
      rubricVersion: icMapV1.version,
      policyVersion: decisionPolicyV1.version,
    },
    metadata: meta(o.actor ?? applicant, o.now ?? T0),
  }),
  linkNomination: (actor: Actor, now = T0): ApplicationCommand => ({
    type: 'LinkNomination',
    data: { survey: survey() },
    metadata: meta(actor, now),
  }),
  claim: (o: { survey?: Survey; now?: string; actor?: Actor } = {}): ApplicationCommand => ({
    type: 'ClaimNomination',
    data: { survey: o.survey ?? survey({ programDescription: 'In my own words: a K-8 academy built around robotics.' }) },
    metadata: meta(o.actor ?? applicant, o.now ?? T0),
  }),
  amend: (o: { survey?: Survey; now?: string; actor?: Actor } = {}): ApplicationCommand => ({
    type: 'AmendSurvey',
    data: { survey: o.survey ?? survey({ yearsRunning: 7 }) },
    metadata: meta(o.actor ?? applicant, o.now ?? T0),
  }),
  notDuplicate: (otherApplicationId: string, now = T0): ApplicationCommand => ({
    type: 'DismissDuplicate',
    data: { otherApplicationId },
    metadata: meta(staff, now),
  }),
  accept: (now = T0): ApplicationCommand => ({ type: 'AcceptSurvey', data: {}, metadata: meta(staff, now) }),
  reject: (reason: string, now = T0): ApplicationCommand => ({ type: 'RejectSurvey', data: { reason }, metadata: meta(staff, now) }),
  saveDraft: (ratings: IndicatorRating[], now = T0, actor = applicant): ApplicationCommand => ({
    type: 'SaveAssessmentDraft',
    data: { ratings },
    metadata: meta(actor, now),
  }),
  submitAssessment: (ratings: IndicatorRating[], now = T0, actor = applicant): ApplicationCommand => ({
    type: 'SubmitAssessment',
    data: { ratings },
    metadata: meta(actor, now),
  }),
  extend: (dueAt: string, now = T0, reason = 'School closed for storms'): ApplicationCommand => ({
    type: 'ExtendAssessmentDeadline',
    data: { dueAt, reason },
    metadata: meta(staff, now),
  }),
  expire: (dueAt: string, now: string): ApplicationCommand => ({ type: 'ExpireAssessment', data: { dueAt }, metadata: meta(timer, now) }),
  assignManual: (reviewers: ReviewerCandidate[], now = T0): ApplicationCommand => ({
    type: 'AssignReviewers',
    data: { mode: 'manual', reviewers },
    metadata: meta(staff, now),
  }),
  assignAuto: (pool: ReviewerCandidate[], count = 2, now = T0): ApplicationCommand => ({
    type: 'AssignReviewers',
    data: { mode: 'auto', count, pool },
    metadata: meta(staff, now),
  }),
  release: (reviewerId: string, now = T0): ApplicationCommand => ({
    type: 'ReleaseReviewer',
    data: { reviewerId, reason: 'Unavailable' },
    metadata: meta(staff, now),
  }),
  saveScores: (reviewerId: string, scores: IndicatorScore[], now = T0): ApplicationCommand => ({
    type: 'SaveScoresDraft',
    data: { scores },
    metadata: meta(reviewer(reviewerId), now),
  }),
  submitScores: (
    reviewerId: string,
    scores: IndicatorScore[],
    recommendation: 'ProgramOfExcellence' | 'CharterMembership' | 'NotYetReady' = 'CharterMembership',
    now = T0,
  ): ApplicationCommand => ({
    type: 'SubmitScores',
    data: { scores, recommendation },
    metadata: meta(reviewer(reviewerId), now),
  }),
  resolve: (
    rulings: { indicator: string; level: Level }[],
    justification = 'Board reviewed the site-visit notes.',
    now = T0,
  ): ApplicationCommand => ({
    type: 'ResolveAdjudication',
    data: { rulings, justification },
    metadata: meta(board, now),
  }),
  decide: (
    outcome: 'ProgramOfExcellence' | 'CharterMembership' | 'NotYetReady',
    justification: string | null = null,
    now = T0,
  ): ApplicationCommand => ({
    type: 'RecordDecision',
    data: { outcome, justification },
    metadata: meta(board, now),
  }),
};

/** Runs commands through the real decider to build a history (for later-stage givens). */
export const historyOfAfter = (history: ApplicationEvent[], ...commands: ApplicationCommand[]): ApplicationEvent[] =>
  commands.reduce<ApplicationEvent[]>((events, command) => {
    const state = events.reduce(applicationDecider.evolve, applicationDecider.initialState());
    return [...events, ...applicationDecider.decide(command, state)];
  }, history);

export const historyOf = (...commands: ApplicationCommand[]) => historyOfAfter([], ...commands);

export const DUE = '2026-02-09T09:00:00.000Z'; // T0 + 30 days (policy v1)
export const accepted = () => historyOf(cmd.submitSurvey(), cmd.accept());
export const submitted = () => historyOfAfter(accepted(), cmd.submitAssessment(ratingsAt(3)));
export const underReview = (ids = ['rev-a', 'rev-b']) => historyOfAfter(submitted(), cmd.assignManual(ids.map((id) => candidate(id))));
