import { CommandMeta, Decider, assertNever } from '../decider';
import { Forbidden } from '../errors';

/**
 * Blind review as an option per cycle (docs/DOMAIN.md, Blind review): a cycle is the year in an application's
 * reference (APP-2026-…), and each cycle's review settings are a stream `review-cycle-<year>`. Under blind review
 * reviewers see no applicant identity (leader name, contact email, institution name). Off until staff turn it on for
 * a cycle.
 */
export type BlindReviewSet = { type: 'BlindReviewSet'; data: { cycle: string; blindReview: boolean; setAt: string } };
export type ReviewCycleEvent = BlindReviewSet;

export type SetBlindReview = { type: 'SetBlindReview'; data: { cycle: string; blindReview: boolean }; metadata: CommandMeta };
export type ReviewCycleCommand = SetBlindReview;

export type ReviewCycle = { blindReview: boolean };

export const reviewCycleStream = (cycle: string) => `review-cycle-${cycle}`;

/** The cycle an application belongs to: the year its survey arrived, as its reference shows. */
export const cycleOf = (submittedAt: string) => submittedAt.slice(0, 4);

const decide = (command: ReviewCycleCommand, state: ReviewCycle): ReviewCycleEvent[] => {
  switch (command.type) {
    case 'SetBlindReview': {
      if (command.metadata.actor.role !== 'staff') throw new Forbidden('cycle.not_allowed', 'only staff set how a cycle is reviewed');
      const { cycle, blindReview } = command.data;
      return state.blindReview === blindReview
        ? []
        : [{ type: 'BlindReviewSet', data: { cycle, blindReview, setAt: command.metadata.now } }];
    }
    default:
      return assertNever(command.type);
  }
};

const evolve = (_state: ReviewCycle, event: ReviewCycleEvent): ReviewCycle => {
  switch (event.type) {
    case 'BlindReviewSet':
      return { blindReview: event.data.blindReview };
    default:
      return assertNever(event.type);
  }
};

export const reviewCycleDecider: Decider<ReviewCycle, ReviewCycleCommand, ReviewCycleEvent> = {
  decide,
  evolve,
  initialState: () => ({ blindReview: false }),
};
