import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { PanelShell } from '../../../src/ui/PanelShell.tsx';
import { theme } from '../../../src/ui/theme.ts';
import { AppProviders } from '../../../src/ui/views/shell/AppProviders.tsx';
import type { PanelWiring } from '../../../src/ui/views/shell/panel-wiring.ts';
import { fakeWiring } from '../shell/fake-wiring.ts';

/**
 * Dual Mode after a reload: the whole panel over a fake wiring, unmounted and mounted again over the same
 * Active generations storage. The switch used to come back on, so the next run silently went to two models.
 */

function renderApp(wiring: PanelWiring) {
  return render(
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <AppProviders wiring={wiring}>
        <PanelShell defaultTab="generate" />
      </AppProviders>
    </MantineProvider>,
  );
}

const dualSwitch = () => screen.findByRole('switch', { name: 'Dual Mode' }) as Promise<HTMLInputElement>;

/** The newest entry of the last saved Active generations envelope (the Generate form's draft). */
function savedFormEntry(writes: unknown[]) {
  const last = writes.at(-1) as { snapshot: { context: { entries: Array<{ kind: string }> } } } | undefined;
  return last?.snapshot.context.entries.at(-1);
}

describe('Generate: Dual Mode after a reload', { timeout: 20_000 }, () => {
  test('turned on with a second model, the panel reloads with Dual Mode off and sends one run', async () => {
    const user = userEvent.setup();
    const first = fakeWiring();
    const { unmount } = renderApp(first.wiring);
    await user.click(await dualSwitch());
    await user.click(await screen.findByRole('combobox', { name: 'Second model' }));
    await user.click(await screen.findByRole('option', { name: /FLUX\.2 \[pro\]/ }));
    expect((await dualSwitch()).checked).toBe(true);
    // The pair is what the panel saved for the next start.
    await waitFor(() => expect(savedFormEntry(first.activeWrites)).toMatchObject({ kind: 'dual' }));
    unmount();

    const reloaded = fakeWiring({ storedActive: first.activeWrites.at(-1) });
    renderApp(reloaded.wiring);
    const toggle = await dualSwitch();
    expect(toggle.checked).toBe(false);
    expect(screen.queryByRole('combobox', { name: 'Second model' })).toBeNull();
    expect(screen.queryByText('Combined estimate')).toBeNull();
    expect(reloaded.activeCleared()).toBe(0);

    await user.type(await screen.findByRole('textbox', { name: 'Prompt' }), 'one fox, one model');
    await user.click(await screen.findByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(reloaded.fakes.host.imported).toHaveLength(1), { timeout: 5_000 });
    expect(reloaded.fakes.fal.calls.submit).toBe(1);
  });
});
