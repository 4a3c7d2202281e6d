import { ReactNode, useEffect } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';

/** A page's one h1, also the document title, with an optional line under it and actions on the right. */
export function Page({ title, intro, actions, children }: { title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · IASL certification`;
  }, [title]);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 26, sm: 30 }}>
            {title}
          </Title>
          {intro && <Text c="gray.8">{intro}</Text>}
        </Stack>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
