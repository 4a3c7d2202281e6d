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
    <Modal.Root opened={opened} onClose={onClose} size="lg" centered>
      <Modal.Overlay />
      <Modal.Content>
        {/* A div, not Mantine's <header>: a second banner landmark beside the page's own (axe, landmark-no-duplicate-banner). */}
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Go back" />
        </Modal.Header>
        <Modal.Body>
          <Stack gap="md">
            {children}
            {/* The theme's yellow ink reads 4.47:1 on the light yellow: the title is written dark instead (AA 4.5:1). */}
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
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
