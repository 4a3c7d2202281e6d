import { Badge, Group, Text } from '@mantine/core';
import { dueIn, exactDate } from '../lib/dates';

/** "Due in 12 days" with the exact date and time zone beside it, so a deadline is never only a count of days. */
export function DueBadge({ dueAt, label, done = false }: { dueAt: string; label?: string; done?: boolean }) {
  const due = dueIn(dueAt);
  const color = done ? 'gray' : due.overdue ? 'red' : due.days <= 3 ? 'orange' : 'blue';
  return (
    <Group gap="xs" wrap="wrap">
      {/* A long label wraps on a phone rather than ending in an ellipsis that hides the number of days. */}
      <Badge
        color={color}
        variant={due.overdue && !done ? 'filled' : 'outline'}
        size="lg"
        radius="sm"
        h="auto"
        mih={26}
        py={2}
        maw="100%"
        styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      >
        {label ? `${label}: ` : ''}
        {done ? 'Done' : due.text}
      </Badge>
      <Text size="sm" c="gray.8">
        <time dateTime={dueAt}>{exactDate(dueAt)}</time>
      </Text>
    </Group>
  );
}
