import { Center, Group, Loader, Text } from '@mantine/core';

/** Progress for anything that takes time: a spinner with words, announced politely to screen readers. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{what}…</Text>
      </Group>
    </Center>
  );
}
