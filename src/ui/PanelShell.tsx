import { Box, Tabs } from '@mantine/core';
import { useState } from 'react';
import { ActiveGenerations } from './views/active/ActiveGenerations.tsx';
import { BillingView } from './views/billing/BillingView.tsx';
import { GenerateView } from './views/generate/GenerateView.tsx';
import { SettingsView } from './views/settings/SettingsView.tsx';
import { StatusBar } from './views/shell/StatusBar.tsx';
import { StickyBanners } from './views/shell/StickyBanners.tsx';

/** The panel's three tabs. */
export type PanelTab = 'generate' | 'billing' | 'settings';

/** Props of {@link PanelShell}. */
export interface PanelShellProps {
  /** The tab shown first. @default 'generate' */
  defaultTab?: PanelTab;
  /** CSS height of the frame (a story's dock passes '100%'). @default '100dvh' */
  height?: string;
}

const TABS: readonly { value: PanelTab; label: string }[] = [
  { value: 'generate', label: 'Generate' },
  { value: 'billing', label: 'Billing' },
  { value: 'settings', label: 'Settings' },
];

/**
 * Active generations never take more than 40% of the panel's height (a short dock keeps most of it
 * for the tab content, which scrolls to its end above); the panel scrolls its own rows inside.
 */
const ACTIVE_AREA = {
  flex: 'none',
  maxHeight: '40%',
  minHeight: 0,
  display: 'flex',
  flexDirection: 'column',
} as const;

function asTab(value: string | null): PanelTab | null {
  return TABS.find((tab) => tab.value === value)?.value ?? null;
}

/**
 * The panel's frame, filling the dock from 320 px wide: the header with the Sandbox label and the
 * save status (every tab), sticky AUTH / BALANCE banners, the tabs `Generate`, `Billing`, `Settings`
 * (scrolling to their end above what is pinned), and Active generations pinned at the bottom (hidden
 * when empty, at most 40% of the height, with its own scroll and a button to collapse it).
 * Reads the app-level actor contexts; the open tab is its only state.
 */
export function PanelShell({ defaultTab = 'generate', height = '100dvh' }: PanelShellProps) {
  const [tab, setTab] = useState<PanelTab>(defaultTab);
  return (
    <Box h={height} miw={0} style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
      <StatusBar />
      <StickyBanners onOpenSettings={() => setTab('settings')} />
      <Tabs
        value={tab}
        onChange={(value) => setTab(asTab(value) ?? tab)}
        keepMounted={false}
        style={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}
      >
        <Tabs.List grow style={{ flex: 'none' }}>
          {TABS.map(({ value, label }) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Box style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto' }} data-scroll-area="tabs">
          <Tabs.Panel value="generate" p="xs">
            <GenerateView />
          </Tabs.Panel>
          <Tabs.Panel value="billing" p="xs">
            <BillingView />
          </Tabs.Panel>
          <Tabs.Panel value="settings" p="xs">
            <SettingsView />
          </Tabs.Panel>
        </Box>
      </Tabs>
      <Box style={ACTIVE_AREA} px="xs" pb={4} data-dock-area="active">
        <ActiveGenerations />
      </Box>
    </Box>
  );
}
