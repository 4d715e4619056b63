import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { PanelShell } from '../../../src/ui/PanelShell.tsx';
import { ActiveGenerations } from '../../../src/ui/views/active/ActiveGenerations.tsx';
import { DOCK_EXPANDED_KEY } from '../../../src/ui/views/active/ActiveGenerations.tsx';
import { inFlightText, statusSummary } from '../../../src/ui/views/active/active-row-view.ts';
import {
  doneScenario,
  dualPairScenario,
  failedNotChargedScenario,
  generatingScenario,
  queuedScenario,
} from '../../../stories/fixtures/generate-states.ts';
import { activeRows, renderPanel, rowOf } from '../generate/render-generate.tsx';
import { renderShell } from '../shell/render-shell.tsx';

const panel = () => screen.getByRole('region', { name: 'Active generations' });
const toggle = (name: 'Hide active generations' | 'Show active generations') =>
  within(panel()).getByRole('button', { name });

describe('Active generations: collapse', { timeout: 20_000 }, () => {
  test('the header button hides the rows and shows them again; count and summary stay', async () => {
    const user = userEvent.setup();
    renderPanel(await dualPairScenario(), <ActiveGenerations />);
    await waitFor(() => expect(activeRows()).toHaveLength(2));
    const hide = toggle('Hide active generations');
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(hide.getAttribute('aria-controls') ?? '');
    expect(body?.contains(rowOf('FLUX.1 [dev]'))).toBe(true);

    await user.click(hide);
    const show = toggle('Show active generations');
    expect(show.getAttribute('aria-expanded')).toBe('false');
    expect(activeRows()).toEqual([]);
    expect(within(panel()).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(panel().querySelector('[data-count]')?.textContent).toBe('2');
    expect(panel().querySelector('[data-summary]')?.textContent).toBe('2 running');
    expect(panel().getAttribute('data-collapsed')).toBe('true');

    await user.click(show);
    expect(toggle('Hide active generations').getAttribute('aria-expanded')).toBe('true');
    expect(activeRows()).toHaveLength(2);
  });

  test('a row opened before collapsing is still open after showing the panel again', async () => {
    const user = userEvent.setup();
    renderPanel(await queuedScenario(), <ActiveGenerations />);
    const details = within(await waitFor(() => rowOf('FLUX.1 [dev]'))).getByRole('button', {
      name: 'Details',
    });
    await user.click(details);
    await user.click(toggle('Hide active generations'));
    expect(screen.queryByRole('list', { name: 'Generation progress' })).toBeNull();
    expect(panel().querySelector('[data-summary]')?.textContent).toBe('1 queued');
    await user.click(toggle('Show active generations'));
    expect(within(rowOf('FLUX.1 [dev]')).getByRole('button', { name: 'Details' })).toHaveProperty(
      'ariaExpanded',
      'true',
    );
    expect(screen.getByRole('list', { name: 'Generation progress' })).toBeTruthy();
  });

  test('collapsing also hides the failure notice; the summary says what failed', async () => {
    const user = userEvent.setup();
    renderPanel(await failedNotChargedScenario(), <ActiveGenerations />);
    await waitFor(() => rowOf('FLUX.1 [dev]'));
    expect(panel().querySelector('[data-summary]')?.textContent).toBe('1 failed');
    await user.click(toggle('Hide active generations'));
    expect(within(panel()).queryAllByRole('alert')).toEqual([]);
    expect(panel().querySelector('[data-count]')?.textContent).toBe('1');
  });

  test('in the shell the panel is pinned with its toggle while the tabs stay usable', async () => {
    const user = userEvent.setup();
    renderShell(<PanelShell defaultTab="settings" />, { scenario: await queuedScenario() });
    await user.click(toggle('Hide active generations'));
    // The count sits in its own pill, named for a screen reader, so "1" never runs into "1 queued".
    expect(within(panel()).getByLabelText('1 generation').textContent).toBe('1');
    expect(panel().querySelector('[data-summary]')?.textContent).toBe('1 queued');
    expect(activeRows()).toEqual([]);
    await user.click(screen.getByRole('tab', { name: 'Billing' }));
    expect(toggle('Show active generations').getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Active generations: the collapsed line', { timeout: 20_000 }, () => {
  test('collapsed stays collapsed after a reload (a new panel reads the remembered choice)', async () => {
    const user = userEvent.setup();
    const first = renderPanel(await queuedScenario(), <ActiveGenerations />);
    await user.click(toggle('Hide active generations'));
    expect(localStorage.getItem(DOCK_EXPANDED_KEY)).toBe('false');
    first.unmount();

    renderPanel(await queuedScenario(), <ActiveGenerations />);
    expect(toggle('Show active generations').getAttribute('aria-expanded')).toBe('false');
    expect(activeRows()).toEqual([]);
    await user.click(toggle('Show active generations'));
    expect(localStorage.getItem(DOCK_EXPANDED_KEY)).toBe('true');
    expect(activeRows()).toHaveLength(1);
  });

  test('the header says what the runs in flight are estimated to cost', async () => {
    renderPanel(await dualPairScenario(), <ActiveGenerations />);
    // FLUX dev $0.025 + schnell $0.003 at 1024×768, summed in micro-USD and rounded once.
    await waitFor(() =>
      expect(panel().querySelector('[data-in-flight]')?.textContent).toBe('$0.03 in flight'),
    );
  });

  test('a video run in flight counts its estimate; a finished run counts nothing', async () => {
    const generating = renderPanel(await generatingScenario(), <ActiveGenerations />);
    await waitFor(() =>
      expect(panel().querySelector('[data-in-flight]')?.textContent).toBe('$3.20 in flight'),
    );
    generating.unmount();
    renderPanel(await doneScenario(), <ActiveGenerations />);
    await waitFor(() => expect(panel().querySelector('[data-summary]')?.textContent).toBe('1 done'));
    expect(panel().querySelector('[data-in-flight]')?.textContent).toBe('');
  });
});

describe('inFlightText', () => {
  const usd = (micros: number) => `$${(micros / 1e6).toFixed(2)}`;
  test.each([
    [{ count: 0, usdMicros: 0, unpriced: 0 }, ''],
    [{ count: 2, usdMicros: 28_000, unpriced: 0 }, '$0.03 in flight'],
    [{ count: 3, usdMicros: 28_000, unpriced: 1 }, '$0.03 in flight (+1 unpriced)'],
    [{ count: 1, usdMicros: 0, unpriced: 1 }, '1 in flight, no price'],
  ] as const)('%j → %s', (inFlight, text) => {
    expect(inFlightText(inFlight, usd)).toBe(text);
  });
});

describe('statusSummary', () => {
  test.each([
    [[], ''],
    [['generating', 'downloading'], '2 running'],
    [['queued', 'failed', 'done', 'done'], '1 queued · 1 failed · 2 done'],
    [['cancelled', 'stillRunning', 'sending'], '1 running · 1 queued · 1 cancelled'],
    [[null, 'editing'], '2 not sent'],
  ] as const)('%j → %s', (phases, text) => {
    expect(statusSummary(phases)).toBe(text);
  });
});
