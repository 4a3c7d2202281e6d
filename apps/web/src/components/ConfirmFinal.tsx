import { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ProblemAlert } from './ProblemAlert';

/**
 * The last step before an action that cannot be undone (submit, finish a review, record a decision, file an appeal):
 * says what happens and that it is final, and acts only on an explicit "Yes". Focus starts on "Go back", so Enter
 * pressed by habit does not confirm.
 */
export function ConfirmFinal({
  opened,
  title,
  confirmLabel,
  onConfirm,
  onClose,
  pending = false,
  error,
  children,
}: {
  opened: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered closeButtonProps={{ 'aria-label': 'Go back' }}>
      <Stack gap="md">
        {children}
        {/* Mantine's yellow title on the light yellow fails contrast (axe: serious); the text stays dark. */}
        <Alert color="yellow" variant="light" title="This is final" styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}>
          <Text c="gray.9">Once you confirm, this cannot be changed or taken back.</Text>
        </Alert>
        <ProblemAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus disabled={pending}>
            Go back
          </Button>
          <Button color="red.8" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
