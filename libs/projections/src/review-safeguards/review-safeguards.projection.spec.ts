import { RecordedEvent } from '@cert/event-store';
import { ReviewCycleEvent, ReviewerEvent } from '@cert/domain';
import { readModel } from '../testing/given';
import { applicationSummaryProjection } from '../application-summary/application-summary.projection';
import { reviewSafeguardsProjection } from './review-safeguards.projection';
import { conflictsOf, declaredConflictsByReviewer, isBlindReview, reviewCycleSettings } from './review-safeguards.queries';

let position = 0;
const recorded = (event: ReviewerEvent | ReviewCycleEvent, actorRole = 'reviewer', actorId = 'rev-a'): RecordedEvent => {
  position++;
  return {
    ...event,
    id: `evt-${position}`,
    streamId: 's',
    version: position,
    position: String(position),
    schemaVersion: 1,
    metadata: { actorId, actorRole, occurredAt: '2026-03-02T09:00:00.000Z', correlationId: 'c', causationId: null },
  };
};
const declared = (
  reviewerId: string,
  conflictId: string,
  target: { applicationId: string; institution: null } | { applicationId: null; institution: string },
  pinned = false,
): ReviewerEvent => ({
  type: 'ConflictDeclared',
  data: { reviewerId, conflictId, ...target, reason: 'Former colleague', pinned, declaredAt: `2026-03-0${position + 1}T09:00:00.000Z` },
});

describe('review-safeguards projection', () => {
  it("lists each reviewer's conflicts, who declared them, and hands the pool application ids and institutions", () => {
    // The summary gives each conflict its application's reference; none is known here.
    const { db, apply } = readModel([applicationSummaryProjection, reviewSafeguardsProjection]);
    apply([
      recorded(declared('rev-a', 'c-1', { applicationId: 'app-1', institution: null })),
      recorded(declared('rev-a', 'c-2', { applicationId: null, institution: 'North College' }, true), 'staff', 'staff-1'),
      recorded(declared('rev-b', 'c-3', { applicationId: 'app-2', institution: null })),
    ]);
    expect(conflictsOf(db, 'rev-a')).toEqual([
      expect.objectContaining({
        conflictId: 'c-1',
        applicationId: 'app-1',
        reference: null,
        institution: null,
        pinned: false,
        declaredBy: 'reviewer',
      }),
      expect.objectContaining({ conflictId: 'c-2', applicationId: null, institution: 'North College', pinned: true, declaredBy: 'staff' }),
    ]);
    expect(declaredConflictsByReviewer(db)).toEqual(
      new Map([
        ['rev-a', ['app-1', 'North College']],
        ['rev-b', ['app-2']],
      ]),
    );

    apply([
      recorded({ type: 'ConflictWithdrawn', data: { reviewerId: 'rev-a', conflictId: 'c-1', withdrawnAt: '2026-03-09T09:00:00.000Z' } }),
    ]);
    expect(declaredConflictsByReviewer(db).get('rev-a')).toEqual(['North College']);
  });

  it('knows which cycles are reviewed blind', () => {
    const { db, apply } = readModel([reviewSafeguardsProjection]);
    expect(isBlindReview(db, '2026')).toBe(false);
    apply([
      recorded(
        { type: 'BlindReviewSet', data: { cycle: '2026', blindReview: true, setAt: '2026-01-05T09:00:00.000Z' } },
        'staff',
        'staff-1',
      ),
    ]);
    expect(isBlindReview(db, '2026')).toBe(true);
    expect(isBlindReview(db, '2027')).toBe(false);
    expect(reviewCycleSettings(db, '2026')).toEqual({
      cycle: '2026',
      blindReview: true,
      setAt: '2026-01-05T09:00:00.000Z',
      setBy: 'staff-1',
    });
  });
});
