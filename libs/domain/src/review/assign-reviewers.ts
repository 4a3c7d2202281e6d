import { ReviewerCandidate } from '../application/application.types';

type ApplicationFacts = { id: string; institution: string; region: string };

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** docs/DOMAIN.md, Conflicts of interest: same institution, declared conflicts, and (where configured) same region exclude a reviewer. */
/** A conflict's reason in words, for the refusal a person reads. */
export const conflictWords = (reason: string): string =>
  ({
    'same-institution': 'they work at the applicant’s institution',
    'declared-conflict': 'they declared a conflict with this application or its institution',
    'same-region': 'they are in the applicant’s region, which this policy counts as a conflict',
  })[reason] ?? reason;

export const conflictOf = (app: ApplicationFacts, candidate: ReviewerCandidate, opts: { sameRegionIsConflict: boolean }): string | null => {
  if (same(candidate.institution, app.institution)) return 'same-institution';
  if (candidate.declaredConflicts.some((c) => c === app.id || same(c, app.institution))) return 'declared-conflict';
  if (opts.sameRegionIsConflict && same(candidate.region, app.region)) return 'same-region';
  return null;
};

/**
 * Balanced load: the least-loaded eligible reviewers first; ties broken by id so the same
 * facts always give the same assignment (replays and audits reproduce it).
 */
export const pickReviewers = (
  app: ApplicationFacts,
  pool: ReviewerCandidate[],
  count: number,
  opts: { sameRegionIsConflict: boolean; exclude: string[] },
): ReviewerCandidate[] =>
  pool
    .filter((c) => !opts.exclude.includes(c.reviewerId) && conflictOf(app, c, opts) === null)
    .sort((a, b) => a.openAssignments - b.openAssignments || a.reviewerId.localeCompare(b.reviewerId))
    .slice(0, count);
