import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { SettingsView } from '../../../src/ui/views/settings/SettingsView.tsx';
import {
  FIXTURE_DATA_DIR,
  GOOD_KEY,
  memorySettingsBackend,
  portFailure,
  settingsLogic,
  settingsState,
} from './settings-fixtures.ts';
import { renderWithSettings } from './render-settings.tsx';

function renderView(backend = memorySettingsBackend()) {
  renderWithSettings(<SettingsView />, { logic: settingsLogic(backend), input: { sandbox: true } });
  return backend;
}

const keyStatus = () => screen.getByRole('status', { name: 'Key status' });
const section = (name: string) => screen.getByRole('region', { name });

describe('Settings view', () => {
  test('shows No key, the Sandbox label, the data directory, rates with their day and source, thresholds', async () => {
    renderView();
    await waitFor(() => expect(screen.getByText(FIXTURE_DATA_DIR)).toBeTruthy());
    expect(keyStatus().textContent).toMatch(/No key/);
    expect(screen.getByText('Sandbox: no real charges')).toBeTruthy();
    expect(screen.getByLabelText('Rates in use').textContent).toBe(
      'Built-in rates, as of 2025-10-01: 1 USD = 0.86 EUR = 9.4 SEK',
    );
    expect((screen.getByLabelText('Single model above ($)') as HTMLInputElement).value).toBe('5.00');
    expect((screen.getByLabelText('Dual Mode above ($)') as HTMLInputElement).value).toBe('8.00');
    expect(screen.getByRole('button', { name: 'Remove key' })).toHaveProperty('disabled', true);
  });

  test('a pasted key is checked at once, never kept in the field, and can be removed', async () => {
    const user = userEvent.setup();
    const backend = renderView();
    const field = await screen.findByLabelText('fal API key');
    await waitFor(() => expect(field).toHaveProperty('disabled', false));
    await user.click(field);
    await user.paste(GOOD_KEY);
    await waitFor(() => expect(keyStatus().textContent).toMatch(/Connected/));
    expect((field as HTMLInputElement).value).toBe('');
    expect(backend.patches).toEqual([{ falKey: GOOD_KEY }]);
    // A saved key ends Sandbox mode: the label goes away.
    expect(screen.queryByText('Sandbox: no real charges')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    await waitFor(() => expect(keyStatus().textContent).toMatch(/No key/));
    expect(backend.patches.at(-1)).toEqual({ falKey: null });
  });

  test('a key fal rejects reads Invalid key in red, with what to do', async () => {
    const user = userEvent.setup();
    renderView();
    const field = await screen.findByLabelText('fal API key');
    await waitFor(() => expect(field).toHaveProperty('disabled', false));
    await user.type(field, 'wrong:key{Enter}');
    await waitFor(() => expect(keyStatus().textContent).toMatch(/Invalid key/));
    expect(keyStatus().dataset.status).toBe('invalid');
    expect(keyStatus().textContent).toMatch(/remove it and paste a fresh one/);
  });

  test('invalid rates are refused with a clear message and nothing is sent; valid ones are saved as yours', async () => {
    const user = userEvent.setup();
    const backend = renderView();
    const eur = await screen.findByLabelText('EUR per 1 USD');
    await waitFor(() => expect(screen.getByText(FIXTURE_DATA_DIR)).toBeTruthy());
    await user.clear(eur);
    await user.type(eur, '-1');
    await user.click(screen.getByRole('button', { name: 'Save rates' }));
    const alert = within(section('Exchange rates')).getByRole('alert');
    expect(alert.textContent).toMatch(/EUR rate "-1" is not a positive number/);
    expect(backend.patches).toEqual([]);
    await user.clear(eur);
    await user.type(eur, '0,91');
    await user.clear(screen.getByLabelText('As of'));
    await user.type(screen.getByLabelText('As of'), '2026-02-01');
    await user.click(screen.getByRole('button', { name: 'Save rates' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Rates in use').textContent).toBe(
        'Entered by you, as of 2026-02-01: 1 USD = 0.91 EUR = 9.4 SEK',
      ),
    );
    expect(backend.patches).toEqual([{ fx: { rates: { EUR: 0.91, SEK: 9.4 }, asOf: '2026-02-01' } }]);
    expect(within(section('Exchange rates')).queryByRole('alert')).toBeNull();
  });

  test('thresholds are typed in dollars and stored as micro-USD; confirm-unpriced is a switch', async () => {
    const user = userEvent.setup();
    const backend = renderView();
    const single = await screen.findByLabelText('Single model above ($)');
    await user.clear(single);
    await user.type(single, '6.5');
    await user.click(screen.getByRole('button', { name: 'Save thresholds' }));
    await waitFor(() => expect(backend.patches).toHaveLength(1));
    expect(backend.patches[0]).toEqual({
      thresholds: { singleUsdMicros: 6_500_000, dualUsdMicros: 8_000_000 },
    });
    await waitFor(() =>
      expect((screen.getByLabelText('Single model above ($)') as HTMLInputElement).value).toBe('6.50'),
    );
    await user.click(screen.getByRole('switch', { name: 'Confirm runs with no price' }));
    await waitFor(() => expect(backend.patches.at(-1)).toEqual({ confirmUnpriced: false }));
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Confirm runs with no price' })).toHaveProperty(
        'checked',
        false,
      ),
    );
  });

  test('foreground windows outside 1–3600 s are refused', async () => {
    const user = userEvent.setup();
    const backend = renderView();
    const video = await screen.findByLabelText('Video (s)');
    await user.clear(video);
    await user.type(video, '0');
    await user.click(screen.getByRole('button', { name: 'Save windows' }));
    expect(within(section('Foreground windows')).getByRole('alert').textContent).toMatch(
      /whole seconds from 1 to 3600/,
    );
    expect(backend.patches).toEqual([]);
  });

  test('an unreachable backend says so with Retry, which loads once it answers', async () => {
    const user = userEvent.setup();
    const backend = memorySettingsBackend();
    backend.failWith = portFailure('The modelBridge backend could not be reached.', true);
    renderView(backend);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(/Settings could not be reached/);
    expect(banner.textContent).toMatch(/could not be reached/);
    backend.failWith = null;
    await user.click(within(banner).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByText(FIXTURE_DATA_DIR)).toBeTruthy());
    expect(screen.queryByText('Settings could not be reached')).toBeNull();
  });

  test('a change the backend refuses is shown in red and changes nothing', () => {
    renderWithSettings(<SettingsView />, {
      state: settingsState('ready', { saveError: 'asOf must be a date like 2026-05-01.' }),
    });
    expect(screen.getByRole('alert').textContent).toMatch(/That change was not saved.*asOf must be a date/);
  });

  test('the Currency select is the Billing one: it changes the display currency everywhere', async () => {
    const user = userEvent.setup();
    renderView();
    const currency = await screen.findByRole('combobox', { name: 'Currency' });
    await user.selectOptions(currency, 'SEK');
    expect((currency as HTMLSelectElement).value).toBe('SEK');
  });
});
