import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS, type ThresholdSettings } from '../../../src/domain/index.ts';
import { theme } from '../../../src/ui/theme.ts';
import { GenerateProviders } from '../../../stories/fixtures/generate-providers.tsx';
import { emptyScenario, FLUX_DEV, type Scenario } from '../../../stories/fixtures/generate-scenarios.ts';
import { costText, Panel, typePrompt } from './render-generate.tsx';

/**
 * Dual Mode follows Settings saved after the pair's draft exists: the form's GenerateFormContext value
 * changes (as GenerateFormProvider does when Settings are saved) and the next Generate uses it.
 */

const DIALOG = 'Confirm generation cost';

function ui(scenario: Scenario) {
  return (
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <GenerateProviders scenario={scenario}>
        <Panel />
      </GenerateProviders>
    </MantineProvider>
  );
}

/** The same actors and ids, with other thresholds: what a Settings save looks like to the form. */
function withThresholds(scenario: Scenario, changes: Partial<ThresholdSettings>): Scenario {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...changes };
  return { ...scenario, deps: { ...scenario.deps, settings: { ...scenario.deps.settings, thresholds } } };
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
    const { rerender } = render(ui(scenario));
    await pairDraft(user);
    rerender(ui(withThresholds(scenario, { dualUsdMicros: 10_000 })));
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
    const { rerender } = render(ui(low));
    await pairDraft(user);
    rerender(ui(withThresholds(low, { dualUsdMicros: 8_000_000 })));
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(low.fakes.fal.calls.submit).toBe(2));
    expect(screen.queryByRole('dialog', { name: DIALOG })).toBeNull();
  });
});
