import { Badge, Group, Text } from '@mantine/core';
import { dueIn, exactDate } from '../lib/dates';

/** "Due in 12 days" with the exact date and time zone beside it, so a deadline is never only a count of days. */
export function DueBadge({ dueAt, label, done = false }: { dueAt: string; label?: string; done?: boolean }) {
  const due = dueIn(dueAt);
  const color = done ? 'gray' : due.overdue ? 'red' : due.days <= 3 ? 'orange' : 'blue';
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={color} variant={due.overdue && !done ? 'filled' : 'outline'} size="lg" radius="sm">
        {label ? `${label}: ` : ''}
        {done ? 'Done' : due.text}
      </Badge>
      <Text size="sm" c="gray.8">
        <time dateTime={dueAt}>{exactDate(dueAt)}</time>
      </Text>
    </Group>
  );
}
