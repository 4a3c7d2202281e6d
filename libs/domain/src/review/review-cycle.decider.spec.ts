import { deciderSpec } from '../../../testing/src/decider-spec';
import { Forbidden } from '../errors';
import { cycleOf, reviewCycleDecider } from './review-cycle.decider';

const now = '2026-03-02T09:00:00.000Z';
const set = (blindReview: boolean, role: 'staff' | 'board' = 'staff') => ({
  type: 'SetBlindReview' as const,
  data: { cycle: '2026', blindReview },
  metadata: { now, actor: { id: 'u-1', role } },
});
const spec = deciderSpec(reviewCycleDecider);

describe('review cycle decider: blind review per cycle', () => {
  it('is off until staff turn it on, and setting it twice changes nothing', () => {
    spec([]).when(set(false)).then([]);
    spec([])
      .when(set(true))
      .then([{ type: 'BlindReviewSet', data: { cycle: '2026', blindReview: true, setAt: now } }]);
    spec([{ type: 'BlindReviewSet', data: { cycle: '2026', blindReview: true, setAt: now } }])
      .when(set(true))
      .then([]);
  });

  it('only staff set it', () => spec([]).when(set(true, 'board')).thenThrows(Forbidden, 'cycle.not_allowed'));

  it('a cycle is the year of the survey', () => expect(cycleOf('2026-12-31T23:59:59.000Z')).toBe('2026'));
});
