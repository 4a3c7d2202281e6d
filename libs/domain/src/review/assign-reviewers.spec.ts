import { ReviewerCandidate } from '../application/application.types';
import { conflictOf, pickReviewers } from './assign-reviewers';

const app = { id: 'app-1', institution: 'Riverside STEM Academy', region: 'South Carolina' };
const c = (reviewerId: string, o: Partial<ReviewerCandidate> = {}): ReviewerCandidate => ({
  reviewerId,
  institution: 'Other College',
  region: 'Ontario',
  declaredConflicts: [],
  openAssignments: 0,
  ...o,
});

describe('conflicts of interest', () => {
  it('finds the same institution regardless of case and spacing', () =>
    expect(conflictOf(app, c('r', { institution: ' RIVERSIDE stem academy' }), { sameRegionIsConflict: false })).toBe('same-institution'));

  it('finds a declared conflict by application id or institution name', () => {
    expect(conflictOf(app, c('r', { declaredConflicts: ['app-1'] }), { sameRegionIsConflict: false })).toBe('declared-conflict');
    expect(conflictOf(app, c('r', { declaredConflicts: ['riverside stem academy'] }), { sameRegionIsConflict: false })).toBe(
      'declared-conflict',
    );
  });

  it('treats the same region as a conflict only where configured', () => {
    const local = c('r', { region: 'South Carolina' });
    expect(conflictOf(app, local, { sameRegionIsConflict: false })).toBeNull();
    expect(conflictOf(app, local, { sameRegionIsConflict: true })).toBe('same-region');
  });
});

describe('pickReviewers', () => {
  it('balances load, skips conflicts and excluded reviewers, and breaks ties by id', () => {
    const pool = [
      c('z', { openAssignments: 0 }),
      c('y', { openAssignments: 0 }),
      c('x', { openAssignments: 2 }),
      c('w', { institution: app.institution }),
      c('v'),
    ];
    expect(pickReviewers(app, pool, 3, { sameRegionIsConflict: false, exclude: ['v'] }).map((r) => r.reviewerId)).toEqual(['y', 'z', 'x']);
  });
});
