import { Code, Stack, Text } from '@mantine/core';
import { selectBackend } from '../../../machines/settings/settings.selectors.ts';
import { PersistenceLine } from '../shell/PersistenceLine.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { usePanelSelector } from '../../actors/panel-context.ts';

/**
 * Where the cost history lives: the backend's data dir (outside the extension folder, so it survives
 * updates and reinstalls), the save status, and the backend's version.
 */
export function StorageSection() {
  const backend = usePanelSelector('settings', selectBackend);
  return (
    <SettingsSection
      title="Storage"
      description="The cost history is saved on this computer by the local backend."
    >
      <Stack gap={4}>
        <Text size="xs" fw={600} id="data-directory-label">
          Data directory
        </Text>
        <Code
          block
          aria-labelledby="data-directory-label"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {backend.dataDir ?? 'Not known yet: waiting for the backend.'}
        </Code>
      </Stack>
      <PersistenceLine />
      {backend.readOnly && (
        <Text size="xs" c="yellow.4">
          This data was written by a newer modelBridge: it can be read but not changed. Update modelBridge.
        </Text>
      )}
      {backend.version !== null && (
        <Text size="xs" c="dimmed">
          modelBridge {backend.version}
        </Text>
      )}
    </SettingsSection>
  );
}
