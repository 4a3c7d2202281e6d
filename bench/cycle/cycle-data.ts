import { icMapV1, indicatorCodes } from '@cert/domain';
import { prngFor } from '../lib/prng';

/**
 * The real cycle of Part 2 (bench/WORKLOAD.md): survey, acceptance, the 16 IC Map ratings (one draft save per
 * indicator, as the assessment form saves them), submission, two reviewers assigned, both reviewers' 16 scores
 * (one submission each; the second computes the recommendation), the board's decision. 23 commands.
 */
export const CODES = indicatorCodes(icMapV1);

export const CYCLE_STEPS = [
  'SubmitSurvey',
  'AcceptSurvey',
  ...CODES.map(() => 'SaveAssessmentDraft'),
  'SubmitAssessment',
  'AssignReviewers',
  'SubmitScores',
  'SubmitScores',
  'RecordDecision',
] as const;
export type CycleStepName = (typeof CYCLE_STEPS)[number];
export const COMMANDS_PER_CYCLE = CYCLE_STEPS.length;

const SECTORS = ['school', 'district', 'academy', 'higher-ed', 'ngo', 'nontraditional', 'outreach', 'corporate'] as const;

/** Unique per (run tag, application): duplicate detection keys on contact email + institution name. */
export function surveyFor(tag: string, app: number, email: string) {
  const r = prngFor(app, 0, 0x5c1e);
  return {
    leaderName: `Leader ${tag}-${app}`,
    contactEmail: email,
    institution: { name: `Bench School ${tag}-${app}`, type: r.pick(SECTORS), country: 'US', region: 'South Carolina' },
    programDescription: `A school-wide STEM program: ${r.text(120)}.`,
    yearsRunning: 1 + r.int(20),
    studentsServed: 50 + r.int(2000),
    focusAreas: ['robotics', 'coding', 'fab-labs'].slice(0, 1 + r.int(3)),
    underrepresentedReach: r.text(80),
    partners: ['County Makerspace', 'State University'].slice(0, 1 + r.int(2)),
  };
}

/** The level both reviewers give; the recommendation follows from it (policy v1). */
export const levelFor = (app: number): 1 | 2 | 3 | 4 | 5 => (1 + prngFor(app, 99, 0x1e7e1).int(5)) as 1 | 2 | 3 | 4 | 5;

export const ratingFor = (app: number, i: number) => {
  const r = prngFor(app, 10 + i, 0x7a7e);
  return { indicator: CODES[i], level: (1 + r.int(5)) as 1 | 2 | 3 | 4 | 5, evidence: r.text(60 + r.int(80)) };
};

export const scoresFor = (app: number, reviewer: number) =>
  CODES.map((indicator, i) => ({ indicator, level: levelFor(app), comment: prngFor(app, 40 + reviewer * 20 + i, 0xc0de).text(40) }));

/** A justification long enough for an overrule, so the decision stands whatever the engine recommended. */
export const DECISION = {
  outcome: 'CharterMembership' as const,
  justification: 'Board decision recorded by the benchmark after review of both score sheets.',
};

export const REVIEWER_PROFILES = [
  { email: 'north@review.bench', institution: 'North College', region: 'Ontario' },
  { email: 'east@review.bench', institution: 'East University', region: 'Kenya' },
  { email: 'west@review.bench', institution: 'West Institute', region: 'Chile' },
  { email: 'south@review.bench', institution: 'South Polytechnic', region: 'Victoria' },
];
