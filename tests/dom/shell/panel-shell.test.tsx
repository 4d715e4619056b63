import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { PanelShell } from '../../../src/ui/PanelShell.tsx';
import { failedNotChargedScenario, queuedScenario } from '../../../stories/fixtures/generate-states.ts';
import { memorySettingsBackend, settingsLogic, settingsState } from '../settings/settings-fixtures.ts';
import { renderShell } from './render-shell.tsx';
import { errorLedgerState, OFFLINE_REASON, offlineLedgerState } from './shell-states.ts';

const header = () => screen.getByRole('banner');

// Whole-panel flows now wait for the backend's read model too: on a loaded 2-core CI machine they can pass 5 s.
vi.setConfig({ testTimeout: 20_000 });
describe('Panel shell', () => {
  test('three tabs; the header with the save status stays on every tab', async () => {
    const user = userEvent.setup();
    renderShell(<PanelShell />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Generate', 'Billing', 'Settings']);
    for (const name of ['Billing', 'Settings', 'Generate']) {
      await user.click(screen.getByRole('tab', { name }));
      expect(screen.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
      await waitFor(() => expect(within(header()).getByRole('status').textContent).toBe('Saved'));
    }
    expect(screen.getByRole('region', { name: 'Generate' })).toBeTruthy();
  });

  test('the mode always shows: Sandbox in Sandbox mode, Live with a key', () => {
    const { unmount } = renderShell(<PanelShell />, { settings: { state: settingsState('ready') } });
    expect(within(header()).getByText('Sandbox: no real charges')).toBeTruthy();
    unmount();
    const live = settingsState('ready', {
      backend: { sandbox: false, dataDir: '/data', version: '0.1.0', readOnly: false },
    });
    renderShell(<PanelShell />, { settings: { state: live } });
    expect(within(header()).queryByText('Sandbox: no real charges')).toBeNull();
    // A key saved by mistake (or a bogus one) must never switch to real charges unseen.
    expect(within(header()).getByText('Live: fal.ai charges')).toBeTruthy();
  });

  test('offline with 3 unsaved is visible from every tab, retrying by itself (no button)', async () => {
    const user = userEvent.setup();
    renderShell(<PanelShell defaultTab="billing" />, {
      actors: { persistence: { state: offlineLedgerState(3) } },
    });
    expect(within(header()).getByRole('status').textContent).toBe('Offline, 3 unsaved (retrying)');
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(within(header()).getByRole('status').textContent).toBe('Offline, 3 unsaved (retrying)');
    expect(within(header()).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(OFFLINE_REASON).toMatch(/retries/);
  });

  test('error shows the reason and a Retry that saves the pending events', async () => {
    const user = userEvent.setup();
    renderShell(<PanelShell />, { actors: { persistence: { state: errorLedgerState(2) } } });
    expect(within(header()).getByRole('status').textContent).toMatch(
      /^Error: The data folder is read-only.*\(2 unsaved\)$/,
    );
    await user.click(within(header()).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(header()).getByRole('status').textContent).toBe('Saved'));
  });

  test('Active generations are hidden when empty and pinned below the tabs when a run exists', async () => {
    const { unmount } = renderShell(<PanelShell />);
    expect(screen.queryByRole('region', { name: 'Active generations' })).toBeNull();
    unmount();
    renderShell(<PanelShell defaultTab="settings" />, { scenario: await queuedScenario() });
    const panel = screen.getByRole('region', { name: 'Active generations' });
    expect(panel.textContent).toMatch(/Queued #3/);
  });

  test('an invalid key shows a sticky AUTH banner whose action opens Settings; Dismiss hides it', async () => {
    const user = userEvent.setup();
    const invalid = settingsState('ready', {
      settings: { ...settingsState('ready').context.settings!, falKey: 'invalid', falKeySource: 'saved' },
    });
    renderShell(<PanelShell />, { settings: { state: invalid } });
    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(within(alerts).getByRole('alert').textContent).toMatch(/Your fal.ai key was rejected/);
    await user.click(within(alerts).getByRole('button', { name: 'Open Settings' }));
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    await user.click(within(alerts).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull();
  });

  test('a refused saved key in Live mode offers Sandbox, which removes the key', async () => {
    const user = userEvent.setup();
    const ready = settingsState('ready');
    const refused = settingsState('ready', {
      settings: { ...ready.context.settings!, falKey: 'invalid', falKeySource: 'saved' },
      backend: { ...ready.context.backend, sandbox: false },
    });
    const backend = memorySettingsBackend(refused.context.settings!);
    renderShell(<PanelShell />, { settings: { state: refused, logic: settingsLogic(backend) } });
    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(alerts.textContent).toMatch(/Or use Sandbox/);
    await user.click(within(alerts).getByRole('button', { name: 'Use Sandbox' }));
    await waitFor(() => expect(backend.patches.at(-1)).toEqual({ falKey: null }));
  });

  test('a refused FAL_KEY says how to switch to Sandbox (it cannot be removed from the panel)', () => {
    const ready = settingsState('ready');
    const refused = settingsState('ready', {
      settings: { ...ready.context.settings!, falKey: 'invalid', falKeySource: 'env' },
      backend: { ...ready.context.backend, sandbox: false },
    });
    renderShell(<PanelShell />, { settings: { state: refused } });
    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(alerts.textContent).toMatch(/unset it and restart modelBridge/);
    expect(within(alerts).queryByRole('button', { name: 'Use Sandbox' })).toBeNull();
  });

  test('an empty balance met by a generation shows a sticky BALANCE banner on every tab', async () => {
    const user = userEvent.setup();
    renderShell(<PanelShell defaultTab="billing" />, { scenario: await failedNotChargedScenario() });
    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(alerts.textContent).toMatch(/Your fal.ai balance is empty/);
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByRole('region', { name: 'Alerts' }).textContent).toMatch(/balance is empty/);
  });
});
