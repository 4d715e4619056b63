import { Box, Button, Group, Text, useProps } from '@mantine/core';

/** The persistence machine's visible states (ARCHITECTURE.md § Persistence). */
export type PersistenceViewState = 'saved' | 'saving' | 'offline' | 'error';

/** Props of {@link PersistenceStatus}. */
export interface PersistenceStatusProps {
  /** Saved, Saving…, Offline (retrying by itself) or Error (needs the user). */
  status: PersistenceViewState;
  /** Changes not yet on disk; shown when offline or in error. @default 0 */
  unsaved?: number;
  /** Why saving failed, in words for people; shown when `error`. */
  reason?: string;
  /** Called by the Retry button shown in the error state. */
  onRetry: () => void;
}

const defaultProps = { unsaved: 0 } satisfies Partial<PersistenceStatusProps>;

// Colours: modelbridge-docs.md §13 (blue = retrying by itself, red = error) and §16 (green = done).
const COLORS: Record<PersistenceViewState, string> = {
  saved: 'green',
  saving: 'gray',
  offline: 'blue',
  error: 'red',
};

function message(status: PersistenceViewState, unsaved: number, reason?: string): string {
  if (status === 'saved') return 'Saved';
  if (status === 'saving') return 'Saving…';
  if (status === 'offline') return `Offline, ${unsaved} unsaved (retrying)`;
  return `Error: ${reason ?? 'changes could not be saved'}${unsaved > 0 ? ` (${unsaved} unsaved)` : ''}`;
}

/** One honest line about whether the ledger is on disk: Saved · Saving… · Offline · Error + Retry. */
export function PersistenceStatus(props: PersistenceStatusProps) {
  const { status, unsaved, reason, onRetry } = useProps('PersistenceStatus', defaultProps, props);
  const color = COLORS[status];
  return (
    <Group gap={6} wrap="nowrap" data-status={status}>
      <Group gap={6} wrap="nowrap" role="status" style={{ minWidth: 0 }}>
        <Box
          component="span"
          aria-hidden="true"
          w={8}
          h={8}
          bg={`${color}.6`}
          style={{ borderRadius: '50%', flex: 'none' }}
        />
        <Text size="xs" c={status === 'saving' ? 'dimmed' : `${color}.4`} truncate="end">
          {message(status, unsaved, reason)}
        </Text>
      </Group>
      {status === 'error' && (
        <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
          Retry
        </Button>
      )}
    </Group>
  );
}
