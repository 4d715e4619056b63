import { Alert, Button, Code, Group, Loader, Modal, Stack, Text, TextInput, useProps } from '@mantine/core';

/** The reset machine's visible states (ARCHITECTURE.md § Machines: reset). */
export type ResetViewState = 'typing' | 'armed' | 'resetting' | 'done' | 'failed';

/** Props of {@link ResetDialog}. */
export interface ResetDialogProps {
  /** Whether the dialog is shown. @default true */
  opened?: boolean;
  /** Where the reset flow is: the Delete button is enabled only when `armed`. */
  state: ResetViewState;
  /** What the user has typed into the confirmation box. */
  text: string;
  /** Where the backup was written before deleting; shown once `done`. */
  backupPath?: string;
  /** Why the reset failed, in words for people; shown when `failed`. */
  error?: string;
  /** Called with the new text on every keystroke. */
  onTextChange: (text: string) => void;
  /** Called by the `Delete cost history` button (only reachable when armed). */
  onConfirm: () => void;
  /** Called by Cancel / Close, the close button and Escape (not while resetting). */
  onClose: () => void;
  /** Called by `Try again` after a failed reset; without it the failed state offers only Cancel. */
  onRetry?: () => void;
  /** Render inside a portal on document.body. @default true */
  withinPortal?: boolean;
}

const defaultProps = { opened: true, withinPortal: true } satisfies Partial<ResetDialogProps>;

function Outcome({ state, backupPath, error }: Pick<ResetDialogProps, 'state' | 'backupPath' | 'error'>) {
  if (state === 'resetting') {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">Backing up and deleting…</Text>
      </Group>
    );
  }
  if (state === 'done') {
    return (
      <Alert color="green" title="Cost history deleted" role="status">
        <Text size="sm">A backup was saved to</Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {backupPath ?? 'the data folder'}
        </Code>
      </Alert>
    );
  }
  if (state === 'failed') {
    return (
      <Alert color="red" title="Nothing was deleted">
        {error ?? 'The reset failed. Check that the data folder can be written to, then try again.'}
      </Alert>
    );
  }
  return null;
}

function Actions({
  state,
  onClose,
  onConfirm,
  onRetry,
}: Pick<ResetDialogProps, 'state' | 'onClose' | 'onConfirm' | 'onRetry'>) {
  const finished = state === 'done';
  if (state === 'failed' && onRetry) {
    return (
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" size="xs" onClick={onRetry}>
          Try again
        </Button>
      </Group>
    );
  }
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" size="xs" onClick={onClose} disabled={state === 'resetting'}>
        {finished ? 'Close' : 'Cancel'}
      </Button>
      {!finished && (
        <Button
          color="red"
          size="xs"
          onClick={onConfirm}
          disabled={state !== 'armed'}
          loading={state === 'resetting'}
        >
          Delete cost history
        </Button>
      )}
    </Group>
  );
}

/**
 * The typed-DELETE confirmation for wiping the cost history: a textbox, a red `Delete cost history`
 * button enabled only when armed, a spinner while resetting, then the backup path or the error.
 */
export function ResetDialog(props: ResetDialogProps) {
  const p = useProps('ResetDialog', defaultProps, props);
  const busy = p.state === 'resetting';
  return (
    <Modal
      opened={p.opened}
      onClose={p.onClose}
      title="Reset cost history"
      closeOnEscape={!busy}
      closeOnClickOutside={!busy}
      withCloseButton={!busy}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      withinPortal={p.withinPortal}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          This deletes every recorded cost from this panel. A backup is written first; fal.ai keeps its own
          billing.
        </Text>
        {p.state !== 'done' && (
          <TextInput
            label="Type DELETE to confirm"
            value={p.text}
            onChange={(e) => p.onTextChange(e.currentTarget.value)}
            // After a failure the confirmed text stands: Try again repeats the same confirmed reset.
            disabled={busy || (p.state === 'failed' && p.onRetry !== undefined)}
            autoComplete="off"
            size="xs"
          />
        )}
        <Outcome state={p.state} backupPath={p.backupPath} error={p.error} />
        <Actions state={p.state} onClose={p.onClose} onConfirm={p.onConfirm} onRetry={p.onRetry} />
      </Stack>
    </Modal>
  );
}
