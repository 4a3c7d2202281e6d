import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
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
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-labelledby="schedule-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">What</Table.Th>
                <Table.Th scope="col">Concerns</Table.Th>
                <Table.Th scope="col">State</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.key}>
                  <Table.Td>
                    <time dateTime={i.runsAt}>{exactDate(i.runsAt)}</time>
                  </Table.Td>
                  <Table.Td>{i.label}</Table.Td>
                  <Table.Td>{i.personName}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <DeadlineStateBadge item={i} />
                      {i.happenedAt && (
                        <Text size="xs" c="gray.8">
                          <time dateTime={i.happenedAt}>{exactDate(i.happenedAt)}</time>
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
