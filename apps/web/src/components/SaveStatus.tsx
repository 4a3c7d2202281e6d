import { Group, Loader, Text } from '@mantine/core';
import { problemText } from '../api/problem';

export type SaveState = { saving: boolean; savedAt: Date | null; error: unknown; dirty: boolean };

/** Autosave feedback: "Saving…", "All changes saved at 10:32", or why the last save failed (the typing is kept). */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <Group gap="xs" role="status" aria-live="polite" mih={24}>
      {state.saving ? (
        <>
          <Loader size="xs" aria-hidden />
          <Text size="sm">Saving…</Text>
        </>
      ) : state.error ? (
        <Text size="sm" c="red.9">
          Not saved: {problemText(state.error)}
        </Text>
      ) : state.dirty ? (
        <Text size="sm" c="gray.8">
          Unsaved changes
        </Text>
      ) : state.savedAt ? (
        <Text size="sm" c="teal.9">
          All changes saved at {state.savedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
        </Text>
      ) : null}
    </Group>
  );
}
