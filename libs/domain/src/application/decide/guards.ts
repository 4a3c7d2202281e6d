import { Actor } from '../../decider';
import { Forbidden, InvalidState, NotFound, RuleViolation } from '../../errors';
import { RefusalOf } from '../../refusals';
import { LEVELS, Rubric } from '../../rubric/rubric';
import { findIndicator, indicatorCodes } from '../../rubric/rubric-catalog';
import { Application, ApplicationStatus, OpenApplication, normalizeEmail } from '../application.state';
import { IndicatorRating, Pins } from '../application.types';

export const requireOpen = (state: Application, id = 'unknown'): OpenApplication => {
  if (state.status === 'None') throw new NotFound('application', id);
  return state;
};

export const requireStatus = (state: OpenApplication, allowed: ApplicationStatus[], code: RefusalOf<'InvalidState'>): void => {
  if (!allowed.includes(state.status)) throw new InvalidState(code, state.status, { allowed });
};

/** Only the leader named on the survey fills in the assessment (docs/DOMAIN.md, Who uses it). */
export const requireApplicant = (actor: Actor, state: OpenApplication): void => {
  if (actor.role !== 'applicant' || !actor.email || normalizeEmail(actor.email) !== state.applicantEmail) {
    throw new Forbidden('application.not_applicant', 'only the applicant named on the survey may do this');
  }
};

export const pins = (state: OpenApplication): Pins & { applicationId: string } => ({
  applicationId: state.id,
  rubricVersion: state.rubricVersion,
  policyVersion: state.policyVersion,
});

/** Ratings and scores must name real indicators of the pinned rubric, once each, at levels 1-5. */
export const requireKnownIndicators = (
  rubric: Rubric,
  items: { indicator: string; level: number }[],
  area: 'assessment' | 'review' | 'progress',
) => {
  const unknown = items.filter((i) => !findIndicator(rubric, i.indicator)).map((i) => i.indicator);
  if (unknown.length > 0) throw new RuleViolation(`${area}.unknown_indicator`, `unknown indicators for ${rubric.version}`, { unknown });
  const badLevels = items.filter((i) => !LEVELS.includes(i.level as never)).map((i) => i.indicator);
  if (badLevels.length > 0) throw new RuleViolation(`${area}.invalid_level`, 'levels run from 1 to 5', { indicators: badLevels });
  const seen = new Set<string>();
  const repeated = items.filter((i) => seen.has(i.indicator) || !seen.add(i.indicator)).map((i) => i.indicator);
  if (repeated.length > 0) throw new RuleViolation(`${area}.repeated_indicator`, 'each indicator once', { repeated });
};

/** Every indicator rated with evidence, the new ratings merged over a saved draft; returned in rubric order. */
export const requireCompleteRatings = (
  rubric: Rubric,
  draft: Record<string, IndicatorRating>,
  ratings: IndicatorRating[],
  area: 'assessment' | 'progress',
): IndicatorRating[] => {
  requireKnownIndicators(rubric, ratings, area);
  const merged = { ...draft, ...Object.fromEntries(ratings.map((r) => [r.indicator, r])) };
  const codes = indicatorCodes(rubric);
  const missing = codes.filter((c) => !merged[c]);
  const withoutEvidence = codes.filter((c) => merged[c] && !merged[c].evidence.trim());
  if (missing.length > 0 || withoutEvidence.length > 0) {
    throw new RuleViolation(`${area}.incomplete`, 'every indicator needs a level and evidence', { missing, withoutEvidence });
  }
  return codes.map((c) => merged[c]);
};
