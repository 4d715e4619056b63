import { Stack } from '@mantine/core';
import { DisplaySection } from './DisplaySection.tsx';
import { FalKeySection } from './FalKeySection.tsx';
import { RatesSection } from './RatesSection.tsx';
import { SettingsStatus } from './SettingsStatus.tsx';
import { StorageSection } from './StorageSection.tsx';
import { ThresholdsSection } from './ThresholdsSection.tsx';
import { WindowsSection } from './WindowsSection.tsx';

/**
 * The Settings tab: fal key (write-only, status, remove) and Sandbox indicator, display currency, FX
 * rates with as-of day and source, confirmation thresholds and confirm-unpriced, foreground windows, and
 * storage (data dir, save status). Reads the settings, billing and persistence actors; from 320 px wide.
 */
export function SettingsView() {
  return (
    <Stack gap="sm" miw={0} maw="100%" component="section" aria-label="Settings">
      <SettingsStatus />
      <FalKeySection />
      <DisplaySection />
      <RatesSection />
      <ThresholdsSection />
      <WindowsSection />
      <StorageSection />
    </Stack>
  );
}
