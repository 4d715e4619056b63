import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { FxSnapshot } from '../../../src/domain/index.ts';
import { PanelShell } from '../../../src/ui/PanelShell.tsx';
import { theme } from '../../../src/ui/theme.ts';
import { AppProviders } from '../../../src/ui/views/shell/AppProviders.tsx';
import type { PanelWiring } from '../../../src/ui/views/shell/panel-wiring.ts';
import { queuedScenario } from '../../../stories/fixtures/generate-states.ts';
import { DEFAULT_PANEL_SETTINGS } from '../settings/settings-fixtures.ts';
import { cachedIn, fakeWiring } from './fake-wiring.ts';

function renderApp(wiring: PanelWiring, defaultTab: 'generate' | 'billing' | 'settings' = 'billing') {
  return render(
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <AppProviders wiring={wiring}>
        <PanelShell defaultTab={defaultTab} />
      </AppProviders>
    </MantineProvider>,
  );
}

const currency = () => screen.getByRole('combobox', { name: 'Currency' }) as HTMLSelectElement;

// Whole-panel flows now wait for the backend's read model too: on a loaded 2-core CI machine they can pass 5 s.
vi.setConfig({ testTimeout: 20_000 });
describe('App providers (composition over a fake wiring)', () => {
  test('boots in the cached currency at once, then follows the backend’s saved one and caches it', async () => {
    const fake = fakeWiring({ cached: cachedIn('EUR'), backendSettings: cachedIn('SEK') });
    renderApp(fake.wiring);
    // First render, before the backend answered: the boot cache's currency.
    expect(currency().value).toBe('EUR');
    await waitFor(() => expect(currency().value).toBe('SEK'));
    await waitFor(() => expect(fake.cacheWrites.at(-1)?.currency).toBe('SEK'));
    expect(fake.backend.patches).toEqual([]);
  });

  test('a Currency change in Billing is saved through settings (and shown the same in Settings)', async () => {
    const user = userEvent.setup();
    const fake = fakeWiring();
    renderApp(fake.wiring);
    await waitFor(() => expect(fake.cacheWrites.length).toBeGreaterThan(0));
    await user.selectOptions(currency(), 'SEK');
    await waitFor(() => expect(fake.backend.patches).toEqual([{ currency: 'SEK' }]));
    await waitFor(() => expect(fake.cacheWrites.at(-1)?.currency).toBe('SEK'));
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(currency().value).toBe('SEK');
  });

  test('a generation’s costs reach the ledger through the persistence actor (Billing shows the run)', async () => {
    const user = userEvent.setup();
    const fake = fakeWiring();
    renderApp(fake.wiring, 'generate');
    await user.type(await screen.findByLabelText('Prompt'), 'a fox in the snow');
    await user.click(await screen.findByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(fake.fakes.host.imported).toHaveLength(1), { timeout: 5_000 });
    await user.click(screen.getByRole('tab', { name: 'Billing' }));
    const total = screen.getByRole('group', { name: 'Running total' });
    await waitFor(() => expect(total.textContent).toMatch(/1 generation\b/));
    // The Active generations actor saved its snapshot for the next start.
    expect(fake.activeWrites.length).toBeGreaterThan(0);
  }, 15_000);

  test('restores saved Active generations (a run resumes) and discards a damaged save with a reason', async () => {
    const scenario = await queuedScenario();
    const envelope = { v: 1, machine: 'activeGenerations', snapshot: scenario.snapshot };
    const { unmount } = renderApp(fakeWiring({ storedActive: envelope }).wiring);
    expect(screen.getByRole('region', { name: 'Active generations' })).toBeTruthy();
    unmount();
    const damaged = fakeWiring({
      storedActive: { v: 1, machine: 'activeGenerations', snapshot: { nope: 1 } },
    });
    renderApp(damaged.wiring);
    expect(screen.queryByRole('region', { name: 'Active generations' })).toBeNull();
    expect(damaged.reports).toEqual(['The saved Active generations are damaged; they were discarded.']);
  });

  test('after a reload the restored form still works: a second run is sent and recorded', async () => {
    const user = userEvent.setup();
    const first = fakeWiring();
    const { unmount } = renderApp(first.wiring, 'generate');
    await user.type(await screen.findByLabelText('Prompt'), 'one');
    await user.click(await screen.findByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(first.fakes.host.imported).toHaveLength(1));
    await waitFor(() => expect(first.activeWrites.length).toBeGreaterThan(1));
    unmount();
    const second = fakeWiring({ storedActive: first.activeWrites.at(-1) });
    renderApp(second.wiring, 'generate');
    expect(screen.getByRole('region', { name: 'Active generations' }).textContent).toMatch(/FLUX/);
    const prompt = await screen.findByLabelText('Prompt');
    await user.clear(prompt);
    await user.type(prompt, 'two');
    expect((screen.getByLabelText('Prompt') as HTMLTextAreaElement).value).toBe('two');
    await user.click(await screen.findByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(second.fakes.host.imported).toHaveLength(1));
  }, 15_000);

  test('the rates in Settings convert every amount (FxRatesContext from the settings actor)', async () => {
    const fx: FxSnapshot = {
      base: 'USD',
      rates: { USD: 1, EUR: 0.5, SEK: 10 },
      asOf: '2026-01-02',
      source: 'manual',
    };
    const fake = fakeWiring({ backendSettings: { ...DEFAULT_PANEL_SETTINGS, currency: 'EUR', fx } });
    renderApp(fake.wiring, 'settings');
    await waitFor(() =>
      expect(screen.getByLabelText('Rates in use').textContent).toMatch(/1 USD = 0.5 EUR = 10 SEK/),
    );
    const section = screen.getByRole('region', { name: 'Cost confirmation' });
    expect(within(section).getByLabelText('Single model above ($)')).toBeTruthy();
  });
});
