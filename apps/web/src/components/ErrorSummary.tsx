import { useEffect, useRef } from 'react';
import { Alert, Anchor, List, Text } from '@mantine/core';

export type SummaryItem = { message: string; /** The id of the input to move to. */ targetId: string };

/**
 * GOV.UK's error summary: at the top of a form after a refused send, "There is a problem" and one link per field,
 * each moving focus to the field it names. It takes focus when it appears, so screen readers hear it first.
 */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = items.map((i) => `${i.targetId}:${i.message}`).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (items.length === 0) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="outline"
      title="There is a problem"
      role="alert"
      styles={{ title: { color: 'var(--mantine-color-red-9)', fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <List spacing={4}>
        {items.map((item) => (
          <List.Item key={`${item.targetId}:${item.message}`}>
            <Anchor
              href={`#${item.targetId}`}
              c="red.9"
              fw={600}
              onClick={(e) => {
                e.preventDefault();
                const target = document.getElementById(item.targetId);
                target?.scrollIntoView({ block: 'center' });
                target?.focus();
              }}
            >
              <Text span inherit>
                {item.message}
              </Text>
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
