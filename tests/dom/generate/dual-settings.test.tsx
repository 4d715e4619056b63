import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/index.ts';
import type { PanelSettings } from '../../../src/machines/settings/settings-ports.ts';
import { usePanelActor } from '../../../src/ui/actors/panel-context.ts';
import { theme } from '../../../src/ui/theme.ts';
import { PanelFixture } from '../../../stories/fixtures/panel-fixture.tsx';
import { emptyScenario, FLUX_DEV, type Scenario } from '../../../stories/fixtures/generate-scenarios.ts';
import {
  DEFAULT_PANEL_SETTINGS,
  type MemorySettingsBackend,
  memorySettingsBackend,
  settingsLogic,
} from '../settings/settings-fixtures.ts';
import { costText, Panel, typePrompt } from './render-generate.tsx';

/**
 * Dual Mode follows Settings saved after the pair's draft exists: the thresholds are saved through the
 * settings actor (as the Settings tab does), the panel routes the confirmed settings to the form's
 * draft, and the next Generate uses them.
 */

const DIALOG = 'Confirm generation cost';

let settingsActor: ReturnType<typeof usePanelActor<'settings'>> | null = null;

/** Hands the test the panel's settings actor, as the Settings tab holds it. */
function SettingsHandle() {
  settingsActor = usePanelActor('settings');
  return null;
}

function ui(scenario: Scenario, backend: MemorySettingsBackend) {
  return (
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <PanelFixture setup={{ scenario, settings: { logic: settingsLogic(backend) } }}>
        <SettingsHandle />
        <Panel />
      </PanelFixture>
    </MantineProvider>
  );
}

/** Saves thresholds as the Settings tab does, and waits until the backend confirmed them. */
async function saveThresholds(changes: Partial<PanelSettings['thresholds']>) {
  const actor = settingsActor as NonNullable<typeof settingsActor>;
  await waitFor(() => expect(actor.getSnapshot().matches('ready')).toBe(true));
  const thresholds = { ...(actor.getSnapshot().context.settings as PanelSettings).thresholds, ...changes };
  actor.send({ type: 'SAVE', patch: { thresholds } });
  await waitFor(() => {
    expect(actor.getSnapshot().matches('ready')).toBe(true);
    expect(actor.getSnapshot().context.settings?.thresholds).toEqual(thresholds);
  });
}

/** Dual Mode on, FLUX.1 [schnell] as the second model: $0.03 combined. */
async function pairDraft(user: UserEvent) {
  await user.click(await screen.findByRole('switch', { name: 'Dual Mode' }));
  await user.click(await screen.findByRole('combobox', { name: 'Second model' }));
  await user.click(await screen.findByRole('option', { name: /FLUX\.1 \[schnell\]/ }));
  expect(costText('Combined estimate')).toContain('Estimated $0.03');
}

describe('Generate: Dual Mode follows Settings saved after the draft exists', { timeout: 20_000 }, () => {
  test('a $0.01 dual threshold saved afterwards asks before sending $0.03', async () => {
    const user = userEvent.setup();
    const scenario = emptyScenario({ defaultModel: FLUX_DEV, script: { submit: 'hold' } });
    render(ui(scenario, memorySettingsBackend()));
    await pairDraft(user);
    await saveThresholds({ dualUsdMicros: 10_000 });
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    const dialog = await screen.findByRole('dialog', { name: DIALOG });
    expect(dialog.textContent).toContain('$0.03');
    expect(scenario.fakes.fal.calls.submit).toBe(0);
  });

  test('a threshold raised afterwards sends without a dialog', async () => {
    const user = userEvent.setup();
    const low = emptyScenario({
      defaultModel: FLUX_DEV,
      script: { submit: 'hold' },
      settings: { thresholds: { ...DEFAULT_THRESHOLDS, dualUsdMicros: 10_000 } },
    });
    const backend = memorySettingsBackend({
      ...DEFAULT_PANEL_SETTINGS,
      thresholds: { ...DEFAULT_PANEL_SETTINGS.thresholds, dualUsdMicros: 10_000 },
    });
    render(ui(low, backend));
    await pairDraft(user);
    await saveThresholds({ dualUsdMicros: 8_000_000 });
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(low.fakes.fal.calls.submit).toBe(2));
    expect(screen.queryByRole('dialog', { name: DIALOG })).toBeNull();
  });
});
