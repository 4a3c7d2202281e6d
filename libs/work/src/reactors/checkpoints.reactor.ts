import { RecordedEvent } from '@cert/event-store';
import { JobSpec } from '@cert/jobs';

export const CHECKPOINT_DUE = 'CheckpointDue';

/** The start of the next UTC day after `iso`. */
const nextMidnight = (iso: string): string => {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString();
};

/**
 * docs/DOMAIN.md, What auditors need: a checkpoint at least daily when anything was appended. One timer per day that
 * saw an event (the day in its id, so a page's many events, or a repeat, set it once), due at the next midnight UTC;
 * the maker signs nothing when only checkpoints were appended since the latest. Pure, like every reactor.
 */
export const dailyCheckpointJobs = (events: readonly RecordedEvent[]): JobSpec[] => {
  const days = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'CheckpointSigned') continue;
    const due = nextMidnight(e.metadata.occurredAt);
    days.set(due.slice(0, 10).replace(/-/g, ''), due);
  }
  return [...days].map(([day, runAt]) => ({ queue: 'deadlines', name: CHECKPOINT_DUE, jobId: `checkpoint-due-${day}`, data: {}, runAt }));
};
