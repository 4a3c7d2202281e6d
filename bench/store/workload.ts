import { Prng, prngFor } from '../lib/prng';

/**
 * The store workload of bench/WORKLOAD.md, Part 1: one application = one stream of 14 commands, each
 * producing exactly one event. A bench-only decider, pure and deterministic: payloads come from a PRNG seeded by
 * (application id, step), so every run and every subject writes the same bytes.
 */

export const STEPS = 14;
export const INDICATORS = 8;
export const streamIdOf = (app: number) => `application-${app}`;
export const appOf = (streamId: string) => Number(streamId.slice('application-'.length));

export const EVENT_TYPES = [
  'ApplicationSubmitted',
  'AssessmentStarted',
  ...Array.from({ length: INDICATORS }, () => 'IndicatorRated'),
  'AssessmentSubmitted',
  'ReviewerAssigned',
  'ScoreRecorded',
  'DecisionMade',
] as const;

export type BenchCommand =
  | { type: 'SubmitApplication'; app: number }
  | { type: 'StartAssessment'; app: number }
  | { type: 'RateIndicator'; app: number; indicator: number }
  | { type: 'SubmitAssessment'; app: number }
  | { type: 'AssignReviewer'; app: number }
  | { type: 'RecordScore'; app: number }
  | { type: 'MakeDecision'; app: number };

export type BenchEvent = { type: string; data: Record<string, unknown> };

export type BenchStatus = 'None' | 'Submitted' | 'Assessing' | 'AssessmentSubmitted' | 'ReviewerAssigned' | 'Scored' | 'Decided';
const ORDER: BenchStatus[] = ['None', 'Submitted', 'Assessing', 'AssessmentSubmitted', 'ReviewerAssigned', 'Scored', 'Decided'];

export type BenchState = {
  status: BenchStatus;
  /** indicator number -> rating */
  ratings: Record<number, number>;
  score: number | null;
};

/** A refusal: the state does not allow the command. */
export class Refused extends Error {
  constructor(
    readonly reason: 'not_allowed_yet' | 'already_applied',
    command: string,
  ) {
    super(`${command}: ${reason}`);
    this.name = 'Refused';
  }
}

/** The command for step 1..14 of application `app` (building it is not timed). */
export function commandFor(app: number, step: number): BenchCommand {
  if (step === 1) return { type: 'SubmitApplication', app };
  if (step === 2) return { type: 'StartAssessment', app };
  if (step <= 2 + INDICATORS) return { type: 'RateIndicator', app, indicator: step - 2 };
  if (step === 11) return { type: 'SubmitAssessment', app };
  if (step === 12) return { type: 'AssignReviewer', app };
  if (step === 13) return { type: 'RecordScore', app };
  if (step === 14) return { type: 'MakeDecision', app };
  throw new Error(`no step ${step}`);
}

const stepOf = (c: BenchCommand): number => {
  switch (c.type) {
    case 'SubmitApplication':
      return 1;
    case 'StartAssessment':
      return 2;
    case 'RateIndicator':
      return 2 + c.indicator;
    case 'SubmitAssessment':
      return 11;
    case 'AssignReviewer':
      return 12;
    case 'RecordScore':
      return 13;
    case 'MakeDecision':
      return 14;
  }
};

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
/** A deterministic timestamp for (application, step). */
const at = (app: number, step: number) => new Date(T0 + app * 60_000 + step * 3_600_000).toISOString();

const SECTORS = ['school', 'district', 'academy', 'higher-ed', 'ngo', 'outreach', 'corporate', 'nontraditional'];
const COUNTRIES = ['US', 'CA', 'KE', 'CL', 'IN', 'GB', 'DE', 'BR', 'ZA', 'AU'];
const FRAMEWORKS = ['ic-map.v1', 'ic-map.v1-lite'];

/** About 1,065 bytes of JSON: the intake survey. */
function surveyPayload(app: number, r: Prng) {
  const answers: Record<string, string> = {};
  for (let q = 1; q <= 12; q++) answers[`q${String(q).padStart(2, '0')}`] = r.text(47 + r.int(8));
  return {
    applicationId: app,
    organisation: {
      name: `${r.text(24 + r.int(10))} STEM Academy`,
      registrationNo: `REG-${r.digits(10)}`,
      country: r.pick(COUNTRIES),
      sector: r.pick(SECTORS),
      employees: 10 + r.int(990),
    },
    contact: { name: r.text(14 + r.int(8)), email: `leader${app}@school${r.digits(5)}.example.org` },
    submittedAt: at(app, 1),
    surveyVersion: 'intake-survey.v3',
    answers,
  };
}

/** The event's payload: a function of (application, step) and, for the score and the decision, of the state. */
function payloadFor(c: BenchCommand, s: BenchState): Record<string, unknown> {
  const step = stepOf(c);
  const r = prngFor(c.app, step);
  switch (c.type) {
    case 'SubmitApplication':
      return surveyPayload(c.app, r);
    case 'StartAssessment':
      return {
        applicationId: c.app,
        assessmentId: `asm-${c.app}-${r.digits(6)}`,
        framework: r.pick(FRAMEWORKS),
        startedAt: at(c.app, step),
      };
    case 'RateIndicator':
      return {
        applicationId: c.app,
        indicator: `indicator-0${c.indicator}`,
        rating: r.int(5),
        evidence: r.text(138 + r.int(11)),
        rater: `rater-${r.digits(6)}@assessors.example.org`,
        ratedAt: at(c.app, step),
      };
    case 'SubmitAssessment':
      return { applicationId: c.app, indicatorsRated: INDICATORS, submittedBy: `applicant-${c.app}`, submittedAt: at(c.app, step) };
    case 'AssignReviewer':
      return { applicationId: c.app, reviewerId: `reviewer-${r.digits(5)}`, assignedAt: at(c.app, step) };
    case 'RecordScore':
      return { applicationId: c.app, score: sumOf(s.ratings), scoredBy: `rv-${r.digits(2)}`, scoredAt: at(c.app, step) };
    case 'MakeDecision': {
      const certified = (s.score ?? 0) >= 16;
      return {
        applicationId: c.app,
        outcome: certified ? 'certified' : 'rejected',
        reason: certified ? 'score at or above threshold 16' : 'score below threshold 16',
        decidedAt: at(c.app, step),
      };
    }
  }
}

const sumOf = (ratings: Record<number, number>) => Object.values(ratings).reduce((a, b) => a + b, 0);
const rank = (s: BenchStatus) => ORDER.indexOf(s);

/** `requires` is the status the command needs; `after` the status it leads to. Anything later means it was applied. */
function guard(c: BenchCommand, s: BenchState, requires: BenchStatus, after: BenchStatus): void {
  if (rank(s.status) >= rank(after)) throw new Refused('already_applied', c.type);
  if (s.status !== requires) throw new Refused('not_allowed_yet', c.type);
}

export function decide(c: BenchCommand, s: BenchState): BenchEvent[] {
  switch (c.type) {
    case 'SubmitApplication':
      guard(c, s, 'None', 'Submitted');
      break;
    case 'StartAssessment':
      guard(c, s, 'Submitted', 'Assessing');
      break;
    case 'RateIndicator':
      if (rank(s.status) > rank('Assessing') || s.ratings[c.indicator] !== undefined) throw new Refused('already_applied', c.type);
      if (s.status !== 'Assessing') throw new Refused('not_allowed_yet', c.type);
      break;
    case 'SubmitAssessment':
      guard(c, s, 'Assessing', 'AssessmentSubmitted');
      // Refused unless all 8 indicators are rated.
      if (Object.keys(s.ratings).length < INDICATORS) throw new Refused('not_allowed_yet', c.type);
      break;
    case 'AssignReviewer':
      guard(c, s, 'AssessmentSubmitted', 'ReviewerAssigned');
      break;
    case 'RecordScore':
      guard(c, s, 'ReviewerAssigned', 'Scored');
      break;
    case 'MakeDecision':
      guard(c, s, 'Scored', 'Decided');
      break;
  }
  return [{ type: EVENT_TYPES[stepOf(c) - 1], data: payloadFor(c, s) }];
}

export const initialState = (): BenchState => ({ status: 'None', ratings: {}, score: null });

export function evolve(s: BenchState, e: { type: string; data: unknown }): BenchState {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'ApplicationSubmitted':
      return { ...s, status: 'Submitted' };
    case 'AssessmentStarted':
      return { ...s, status: 'Assessing' };
    case 'IndicatorRated':
      return { ...s, ratings: { ...s.ratings, [Number(String(d.indicator).slice(-2))]: d.rating as number } };
    case 'AssessmentSubmitted':
      return { ...s, status: 'AssessmentSubmitted' };
    case 'ReviewerAssigned':
      return { ...s, status: 'ReviewerAssigned' };
    case 'ScoreRecorded':
      return { ...s, status: 'Scored', score: d.score as number };
    case 'DecisionMade':
      return { ...s, status: 'Decided' };
    default:
      return s;
  }
}

/** The engine's Decider shape (structural, as handle() takes it). */
export const benchDecider = { decide, evolve, initialState };

/** The status fold of phase 3: only the type matters. */
export const statusAfter = (type: string): BenchStatus | null => {
  switch (type) {
    case 'ApplicationSubmitted':
      return 'Submitted';
    case 'AssessmentStarted':
      return 'Assessing';
    case 'AssessmentSubmitted':
      return 'AssessmentSubmitted';
    case 'ReviewerAssigned':
      return 'ReviewerAssigned';
    case 'ScoreRecorded':
      return 'Scored';
    case 'DecisionMade':
      return 'Decided';
    default:
      return null;
  }
};
