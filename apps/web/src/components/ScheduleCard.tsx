import { ReactNode } from 'react';
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { DeadlineItemView, DeadlineState } from '@cert/contracts';
import { useSchedule } from '../api/queries';
import { exactDate } from '../lib/dates';
import { Loading } from './Loading';
import { ProblemAlert } from './ProblemAlert';

const STATE: Record<DeadlineState, { label: string; color: string }> = {
  pending: { label: 'Coming', color: 'blue' },
  happened: { label: 'Happened', color: 'green' },
  'will-do-nothing': { label: 'Will do nothing', color: 'gray' },
};

/** Where a timer stands, in words: a late one says the engine has not run it yet. */
export function DeadlineStateBadge({ item }: { item: DeadlineItemView }) {
  const { label, color } = item.late ? { label: 'Not run yet', color: 'red' } : STATE[item.state];
  return (
    <Badge color={color} variant={item.late ? 'filled' : 'light'} radius="sm">
      {label}
    </Badge>
  );
}

/**
 * docs/DOMAIN.md, Deadlines: every timer of one application, what it does, when, and whether it happened. A timer
 * whose work finished (or whose date moved) still runs but records nothing, and says so.
 */
export function ScheduleCard({ applicationId }: { applicationId: string }) {
  const schedule = useSchedule(applicationId);
  const items = schedule.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="schedule-heading">
      <Title order={2} size="h3" id="schedule-heading" mb="xs">
        Schedule
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        Reminders, due dates and what the engine does when they pass, as set by the decision policy.
      </Text>
      {schedule.isPending && <Loading what="Loading the schedule" />}
      {schedule.error && <ProblemAlert error={schedule.error} />}
      {schedule.data && items.length === 0 && <Text>Nothing scheduled yet.</Text>}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((i) => (
            <DeadlineRow key={i.key} item={i} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** One timer as a list item that wraps on a phone: when, what, whom it concerns, and where it stands. */
export function DeadlineRow({ item, application }: { item: DeadlineItemView; application?: ReactNode }) {
  return (
    <li style={{ borderTop: '1px solid var(--mantine-color-gray-3)', paddingTop: 'var(--mantine-spacing-xs)' }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Text fw={600}>
            <time dateTime={item.runsAt}>{exactDate(item.runsAt)}</time>
          </Text>
          {application}
          <Text>{item.label}</Text>
          <Text size="sm" c="gray.8">
            Concerns: {item.personName}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <DeadlineStateBadge item={item} />
          {item.happenedAt && (
            <Text size="xs" c="gray.8">
              <time dateTime={item.happenedAt}>{exactDate(item.happenedAt)}</time>
            </Text>
          )}
        </Stack>
      </Group>
    </li>
  );
}
