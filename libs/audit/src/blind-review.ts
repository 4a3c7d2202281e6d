import { BlindReviewSet, cycleOf, reviewCycleStream } from '@cert/domain';
import { EventStore, RecordedEvent, comparePositions } from '@cert/event-store';
import type { BlindReviewSettingView } from '@cert/contracts';
import { ApplicationHistory } from './history';
import { Naming, personName } from './people';

/** The events of a review cycle's stream (`review-cycle-<year>`), as the log holds them. */
export type CycleHistory = readonly RecordedEvent[];

/** The cycle an application belongs to: the year its survey arrived (docs/DOMAIN.md, Blind review). */
export const cycleOfHistory = (events: ApplicationHistory): string | null => {
  const first = events[0];
  return first?.type === 'SurveySubmitted' ? cycleOf(first.data.submittedAt) : null;
};

/** The cycle's settings from the log itself, like every audit read; an application not yet read has no cycle. */
export async function loadCycleHistory(store: EventStore, events: ApplicationHistory): Promise<{ cycle: string; events: CycleHistory }> {
  const cycle = cycleOfHistory(events) ?? '';
  return { cycle, events: cycle ? (await store.readStream(reviewCycleStream(cycle))).events : [] };
}

/**
 * The setting in force at a log position: the cycle's last BlindReviewSet at or before it (at the end of the log
 * when `position` is null). Null when staff had never set it then, so review was not blind (docs/DOMAIN.md, Blind
 * review: off by default).
 */
export function blindSettingAt(
  cycle: string,
  events: CycleHistory,
  position: string | null,
  naming: Naming = {},
): BlindReviewSettingView | null {
  const set = events
    .filter((e): e is RecordedEvent<BlindReviewSet> => e.type === 'BlindReviewSet')
    .filter((e) => position === null || comparePositions(e.position, position) <= 0)
    .at(-1);
  if (!set) return null;
  const { blindReview, setAt } = set.data;
  return { cycle, blindReview, setAt, setBy: personName(set.metadata.actorId, naming.names), version: set.version, position: set.position };
}
