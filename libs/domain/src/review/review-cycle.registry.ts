import { EventTable } from '../events/event-spec';
import { ReviewCycleEvent } from './review-cycle.decider';

/** Every event of a review cycle's settings stream. */
export const REVIEW_CYCLE_EVENTS: EventTable<ReviewCycleEvent> = {
  BlindReviewSet: {
    schemaVersion: 1,
    label: 'Blind review set',
    describe: ({ data }) => `Blind review turned ${data.blindReview ? 'on' : 'off'} for the ${data.cycle} cycle`,
  },
};
