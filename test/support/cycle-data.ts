import { icMapV1, indicatorCodes } from '@cert/domain';

export const CODES = indicatorCodes(icMapV1);

export const surveyFor = (leaderName: string, email: string, institution: string, region = 'South Carolina') => ({
  leaderName,
  contactEmail: email,
  institution: { name: institution, type: 'school' as const, country: 'US', region },
  programDescription: `${institution} runs a school-wide STEM program with robotics, coding and a Fab Lab.`,
  yearsRunning: 5,
  studentsServed: 420,
  focusAreas: ['robotics', 'coding'],
  underrepresentedReach: 'Half of our students are from groups under-represented in STEM.',
  partners: ['County Makerspace'],
});

export const ratings = (level: number, codes = CODES) =>
  codes.map((indicator) => ({ indicator, level, evidence: `Evidence for ${indicator}` }));

export const scores = (level: number, overrides: Record<string, number> = {}) =>
  CODES.map((indicator) => ({ indicator, level: overrides[indicator] ?? level, comment: `Observed for ${indicator}` }));
