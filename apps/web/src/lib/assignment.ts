import type { ApplicationSummaryView, ConflictView, DecisionPolicy, ReviewerPoolEntry } from '@cert/contracts';

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why a reviewer may not score this application: libs/domain conflictOf, with the reviewer's declared or pinned conflicts. */
export function conflictOf(
  app: ApplicationSummaryView,
  reviewer: ReviewerPoolEntry,
  policy: DecisionPolicy | undefined,
  declared: ConflictView[] = [],
): string | null {
  if (same(reviewer.institution, app.survey.institution.name)) return 'same institution';
  if (declared.some((c) => c.applicationId === app.id || same(c.institution, app.survey.institution.name))) return 'declared';
  if (policy?.sameRegionIsConflict && same(reviewer.region, app.survey.institution.region)) return 'same region';
  return null;
}

/**
 * Preview of balanced auto-assignment, by the decider's own rule (libs/domain pickReviewers): eligible reviewers
 * never assigned to this application, least open work first, ties by id. The server decides; this shows what it will pick.
 */
/** docs/DOMAIN.md, Appeals: while an appeal is in its fresh review, nobody from the earlier rounds may review again. */
export const earlierRound = (app: ApplicationSummaryView): string[] => (app.appealStatus === 'routed' ? (app.earlierReviewers ?? []) : []);

export function previewAutoAssignment(
  app: ApplicationSummaryView,
  pool: ReviewerPoolEntry[],
  count: number,
  policy: DecisionPolicy | undefined,
  conflicts: Map<string, ConflictView[]>,
): ReviewerPoolEntry[] {
  const ever = new Set([...(app.reviewers ?? []).map((r) => r.reviewerId), ...earlierRound(app)]);
  return pool
    .filter((r) => !ever.has(r.id) && conflictOf(app, r, policy, conflicts.get(r.id)) === null)
    .sort((a, b) => a.openAssignments - b.openAssignments || a.id.localeCompare(b.id))
    .slice(0, count);
}
