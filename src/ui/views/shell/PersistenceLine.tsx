import { Group, Loader, Text } from '@mantine/core';
import { selectStatus } from '../../../machines/persistence/persistence.selectors.ts';
import { PersistenceStatus } from '../../components/PersistenceStatus/PersistenceStatus.tsx';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/**
 * The ledger's save status, visible from every tab: Saved · Saving… · Offline, N unsaved (retrying) ·
 * Error + Retry; "Loading…" while the panel reads its cache and the disk at boot.
 */
export function PersistenceLine() {
  const status = usePanelSelector('persistence', selectStatus);
  const persistence = usePanelActor('persistence');
  if (status.kind === 'booting') {
    return (
      <Group gap={6} wrap="nowrap" role="status" data-status="booting">
        <Loader size={10} type="dots" aria-hidden="true" />
        <Text size="xs" c="dimmed">
          Loading…
        </Text>
      </Group>
    );
  }
  return (
    <PersistenceStatus
      status={status.kind}
      unsaved={status.unsaved}
      reason={status.reason}
      onRetry={() => persistence.send({ type: 'RETRY' })}
    />
  );
}
