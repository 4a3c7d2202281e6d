import { ReviewerCandidate } from '@cert/domain';
import { IdentityStore } from '@cert/identity';
import { ReadDb, declaredConflictsByReviewer, openAssignmentCounts } from '@cert/projections';

/**
 * The facts the decider needs about every reviewer: profile and declared or pinned conflicts (so auto- and manual
 * assignment both refuse a conflicted reviewer), and current load (for balance).
 */
export const reviewerPool = async (identity: IdentityStore, readDb: ReadDb): Promise<ReviewerCandidate[]> => {
  const loads = openAssignmentCounts(readDb.db);
  const conflicts = declaredConflictsByReviewer(readDb.db);
  return (await identity.listReviewers()).map((r) => ({
    reviewerId: r.id,
    institution: r.institution,
    region: r.region,
    declaredConflicts: conflicts.get(r.id) ?? [],
    openAssignments: loads.get(r.id) ?? 0,
  }));
};
