import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PanelShell } from '../../../src/ui/PanelShell.tsx';
import { theme } from '../../../src/ui/theme.ts';
import { AppProviders } from '../../../src/ui/views/shell/AppProviders.tsx';
import type { PanelWiring } from '../../../src/ui/views/shell/panel-wiring.ts';
import { queuedScenario } from '../../../stories/fixtures/generate-states.ts';
import { fakeWiring } from './fake-wiring.ts';

/**
 * One damaged value in the saved Active generations used to blank the panel on every start
 * ("Cannot read properties of null (reading 'client')"). Now the panel renders, the save is cleared and
 * the user is told; a render error that slips through shows an alert with a way out.
 */

function renderApp(wiring: PanelWiring, extra: React.ReactNode = null) {
  return render(
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <AppProviders wiring={wiring}>
        {extra}
        <PanelShell defaultTab="generate" />
      </AppProviders>
    </MantineProvider>,
  );
}

/** A saved envelope of a queued run whose first child's context has `field` set to null. */
async function damagedEnvelope(field: 'tags' | 'params') {
  const { snapshot } = await queuedScenario();
  const saved = JSON.parse(JSON.stringify({ v: 1, machine: 'activeGenerations', snapshot }));
  const first = Object.values(saved.snapshot.children)[0] as {
    snapshot: { context: Record<string, unknown> };
  };
  first.snapshot.context[field] = null;
  return saved;
}

/** Stands in for a view that cannot read what was restored: it breaks until the save is cleared. */
function Broken({ cleared }: { cleared: () => number }) {
  if (cleared() === 0) throw new Error("Cannot read properties of null (reading 'client')");
  return null;
}

const tabs = () => screen.getAllByRole('tab').map((tab) => tab.textContent);

afterEach(() => vi.restoreAllMocks());

describe('Panel: damaged saved Active generations', () => {
  test.each(['tags', 'params'] as const)(
    'context.%s = null: the panel renders with the notice, the save is cleared',
    async (field) => {
      const fake = fakeWiring({ storedActive: await damagedEnvelope(field) });
      renderApp(fake.wiring);
      expect(tabs()).toEqual(['Generate', 'Billing', 'Settings']);
      const alerts = screen.getByRole('region', { name: 'Alerts' });
      const notice = within(alerts).getByRole('alert');
      expect(notice.textContent).toContain('Saved active generations could not be restored and were cleared');
      expect(notice.textContent).toContain('Finished costs are safe in the ledger');
      expect(notice.getAttribute('data-tone')).toBe('action');
      expect(fake.activeCleared()).toBe(1);
      expect(fake.reports).toEqual([expect.stringContaining(`: ${field}); they were discarded.`)]);
      // The form still works: a fresh draft is there to type into.
      expect(await screen.findByLabelText('Prompt')).toBeTruthy();
      await userEvent.setup().click(within(notice).getByRole('button', { name: 'Dismiss' }));
      await waitFor(() => expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull());
    },
  );

  test('a valid save is restored and not cleared, with no notice', async () => {
    const { snapshot } = await queuedScenario();
    const fake = fakeWiring({ storedActive: { v: 1, machine: 'activeGenerations', snapshot } });
    renderApp(fake.wiring);
    expect(screen.getByRole('region', { name: 'Active generations' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull();
    expect(fake.activeCleared()).toBe(0);
  });

  test('a render error under Active generations shows an alert; its button clears the save and brings the panel back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = fakeWiring();
    renderApp(fake.wiring, <Broken cleared={fake.activeCleared} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Active generations could not be shown');
    expect(fake.reports).toContain(
      "Active generations could not be shown: Cannot read properties of null (reading 'client')",
    );
    await userEvent
      .setup()
      .click(within(alert).getByRole('button', { name: 'Clear and reload active generations' }));
    expect(fake.activeCleared()).toBe(1);
    await waitFor(() => expect(tabs()).toEqual(['Generate', 'Billing', 'Settings']));
    expect(screen.queryByText('Active generations could not be shown')).toBeNull();
  });
});
