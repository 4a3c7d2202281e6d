import { ReviewerCandidate } from '@cert/domain';
import { IdentityStore } from '@cert/identity';
import { ReadDb, openAssignmentCounts } from '@cert/projections';

/** The facts the decider needs about every reviewer: profile (for conflicts) and current load (for balance). */
export const reviewerPool = (identity: IdentityStore, readDb: ReadDb): ReviewerCandidate[] => {
  const loads = openAssignmentCounts(readDb.db);
  return identity.listReviewers().map((r) => ({
    reviewerId: r.id,
    institution: r.institution,
    region: r.region,
    declaredConflicts: [],
    openAssignments: loads.get(r.id) ?? 0,
  }));
};
