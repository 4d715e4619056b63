import { MantineProvider } from '@mantine/core';
import { type RenderResult, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { type ActorsParameters, ActorProviders } from '../../../stories/fixtures/with-actors.tsx';
import { BillingView } from '../../../src/ui/views/billing/BillingView.tsx';
import { theme } from '../../../src/ui/theme.ts';

/**
 * Renders `ui` (default: the whole Billing view) inside the dark theme and real actors set up from
 * `actors`, and waits until the read model has answered (the figures are no longer "Updating…").
 */
export async function renderBilling(
  actors: ActorsParameters,
  ui: ReactElement = <BillingView />,
): Promise<RenderResult> {
  const result = render(
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <ActorProviders actors={actors}>{ui}</ActorProviders>
    </MantineProvider>,
  );
  await settled();
  return result;
}

/**
 * Waits until Billing shows the backend's answer (after a render, a click, a recorded cost), chips
 * and charts included: they follow each answer in a deferred render and say `aria-busy` until then.
 */
export async function settled(): Promise<void> {
  await waitFor(() => {
    if (screen.queryByText('Updating…')) throw new Error('Billing is still updating');
    const busy = document.querySelector('[aria-busy="true"]');
    if (busy) throw new Error(`Billing is still drawing ${busy.getAttribute('aria-label') ?? busy.tagName}`);
  });
}

/** The rows of the cost history list as rendered (empty when the list is not shown). */
export function visibleRows(): HTMLElement[] {
  const list = screen.queryByRole('list', { name: 'Cost history' });
  return list ? within(list).queryAllByRole('listitem') : [];
}

/** The running total's text content (amount, estimated part, unpriced count). */
export function runningTotal(): string {
  return screen.getByRole('group', { name: 'Running total' }).textContent ?? '';
}

/** The project chip named `name` (inside the "Projects" group). */
export function projectChip(name: string): HTMLElement {
  return within(screen.getByRole('group', { name: 'Projects' })).getByRole('button', { name });
}
