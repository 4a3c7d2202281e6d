import { Text, Timeline } from '@mantine/core';
import type { MilestoneView, TimelineEntryView } from '@cert/contracts';
import { exactDate } from '../lib/dates';
import { eventLabel } from '../lib/labels';

/** Applicants and reviewers read milestones; staff also who took each step, named by the api. */
type Entry = MilestoneView & Partial<Pick<TimelineEntryView, 'actorId' | 'actorName'>>;
type Shown = Entry & { repeated: number; firstAt: string };

/** Runs of the same draft save ("saved 16 times") read as one step; everything else is shown as it happened. */
function collapseDrafts(entries: Entry[]): Shown[] {
  const out: Shown[] = [];
  for (const e of entries) {
    const last = out.at(-1);
    if (last && last.type === e.type && e.type.endsWith('DraftSaved') && last.actorId === e.actorId) {
      out[out.length - 1] = { ...e, repeated: last.repeated + 1, firstAt: last.firstAt };
    } else {
      out.push({ ...e, repeated: 1, firstAt: e.occurredAt });
    }
  }
  return out;
}

/** What happened to an application, oldest first: what, when and (for staff) by whom. */
export function EventTimeline({ entries, showActor = false }: { entries: Entry[]; showActor?: boolean }) {
  if (entries.length === 0) return <Text>Nothing has happened yet.</Text>;
  const shown = collapseDrafts(entries);
  return (
    <Timeline active={shown.length - 1} bulletSize={16} lineWidth={2} color="blue">
      {shown.map((e, i) => (
        <Timeline.Item key={`${e.type}-${e.occurredAt}-${i}`} title={eventLabel(e.type)}>
          <Text size="sm" c="gray.9">
            {e.repeated > 1 ? `Saved ${e.repeated} times` : e.summary}
          </Text>
          <Text size="xs" c="gray.8" mt={2}>
            {e.repeated > 1 && (
              <>
                <time dateTime={e.firstAt}>{exactDate(e.firstAt)}</time> to{' '}
              </>
            )}
            <time dateTime={e.occurredAt}>{exactDate(e.occurredAt)}</time>
            {showActor && e.actorName ? ` · ${e.actorName}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
