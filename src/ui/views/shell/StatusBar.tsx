import { Group, Text } from '@mantine/core';
import { PersistenceLine } from './PersistenceLine.tsx';
import { ModeBadge } from './ModeBadge.tsx';

/**
 * The header on every tab: the product name, the mode ("Sandbox: no real charges" or "Live: fal.ai charges"), and the
 * ledger's save status (Saved · Saving… · Offline, N unsaved · Error + Retry). Wraps at 320 px.
 */
export function StatusBar() {
  return (
    <Group
      component="header"
      justify="space-between"
      gap={6}
      px="xs"
      py={6}
      wrap="wrap"
      bg="dark.8"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)', flex: 'none' }}
    >
      <Group gap={6} wrap="wrap" miw={0}>
        <Text fw={700} size="sm">
          modelBridge
        </Text>
        <ModeBadge />
      </Group>
      <PersistenceLine />
    </Group>
  );
}
