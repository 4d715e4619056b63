import { Tabs, Text } from '@mantine/core';

/** The three tabs of the panel; each tab's view fills its panel. */
export function PanelShell() {
  return (
    <Tabs defaultValue="generate" keepMounted={false}>
      <Tabs.List grow>
        <Tabs.Tab value="generate">Generate</Tabs.Tab>
        <Tabs.Tab value="billing">Billing</Tabs.Tab>
        <Tabs.Tab value="settings">Settings</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="generate" p="sm">
        <Text c="dimmed">Pick a model to start a generation.</Text>
      </Tabs.Panel>
      <Tabs.Panel value="billing" p="sm">
        <Text c="dimmed">No generations recorded yet.</Text>
      </Tabs.Panel>
      <Tabs.Panel value="settings" p="sm">
        <Text c="dimmed">Settings</Text>
      </Tabs.Panel>
    </Tabs>
  );
}
