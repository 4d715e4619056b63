import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { ErrorBanner } from '../../../src/ui/components/ErrorBanner/ErrorBanner.tsx';
import { LicenceBadge } from '../../../src/ui/components/LicenceBadge/LicenceBadge.tsx';
import { MoneyKpi } from '../../../src/ui/components/MoneyKpi/MoneyKpi.tsx';
import { renderUi } from './render.tsx';

describe('ErrorBanner', () => {
  test('a sticky AUTH banner stays until Dismiss is pressed', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    renderUi(
      <ErrorBanner tone="action" title="Your fal.ai key was rejected" sticky onDismiss={onDismiss}>
        Open Settings and paste a fresh key.
      </ErrorBanner>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-tone')).toBe('action');
    expect(alert.getAttribute('data-sticky')).toBe('true');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  test('retrying is a polite status; without onDismiss there is no Dismiss button', () => {
    renderUi(<ErrorBanner tone="retrying" title="fal.ai is busy: retrying in 2 s" />);
    expect(screen.getByRole('status').getAttribute('data-tone')).toBe('retrying');
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });

  test('the action button calls onAction', async () => {
    const user = userEvent.setup();
    const onAction = vi.fn();
    renderUi(
      <ErrorBanner tone="input" title="Duration too long" actionLabel="Use 10 s" onAction={onAction}>
        This model accepts at most 10 s.
      </ErrorBanner>,
    );
    await user.click(screen.getByRole('button', { name: 'Use 10 s' }));
    expect(onAction).toHaveBeenCalledTimes(1);
  });
});

describe('MoneyKpi', () => {
  test('shows the amount and its estimated part in the display currency', () => {
    renderUi(
      <MoneyKpi label="Internal" amountMicros={12_340_000} estimatedMicros={420_000} currency="USD" />,
    );
    const kpi = screen.getByRole('group', { name: 'Internal' });
    expect(within(kpi).getByText('$12.34')).toBeTruthy();
    expect(within(kpi).getByText('incl. $0.42 estimated')).toBeTruthy();
  });

  test('no estimated line when everything is settled; SEK with one decimal', () => {
    renderUi(<MoneyKpi label="Combined" amountMicros={51_250_000} currency="SEK" />);
    const kpi = screen.getByRole('group', { name: 'Combined' });
    expect(within(kpi).getByText('51.3 kr')).toBeTruthy();
    expect(within(kpi).queryByText(/estimated/)).toBeNull();
  });
});

describe('LicenceBadge', () => {
  test.each([
    ['commercial', 'Commercial'],
    ['research', 'Research'],
    ['private', 'Private'],
    ['unknown', 'Unknown'],
  ] as const)('%s reads "Licence: %s"', (licence, label) => {
    renderUi(<LicenceBadge licence={licence} />);
    const badge = screen.getByText(label).closest('[data-licence]');
    expect(badge?.getAttribute('data-licence')).toBe(licence);
    expect(badge?.textContent).toBe(`Licence: ${label}`);
  });

  test.each([
    ['commercial', 'Commercial', 'Com'],
    ['research', 'Research', 'Res'],
    ['private', 'Private', 'Priv'],
    ['unknown', 'Unknown', '?'],
  ] as const)('compact %s is an image named "Licence: %s" showing %j', (licence, label, short) => {
    renderUi(<LicenceBadge licence={licence} compact />);
    const badge = screen.getByRole('img', { name: `Licence: ${label}` });
    expect(badge.textContent).toBe(short);
    expect(badge.getAttribute('data-licence')).toBe(licence);
  });

  test('compact: hovering shows the full name in a tooltip', async () => {
    const user = userEvent.setup();
    renderUi(<LicenceBadge licence="unknown" compact />);
    await user.hover(screen.getByRole('img', { name: 'Licence: Unknown' }));
    expect((await screen.findByRole('tooltip')).textContent).toBe('Licence: Unknown');
  });

  test.each([
    ['commercial', { origin: 'fal', sourceUrl: null }, "Licence from fal's model API"],
    [
      'commercial',
      { origin: 'catalog', sourceUrl: 'https://fal.ai/models/fal-ai/flux-1/dev/playground' },
      'Licence from the pricing catalog (source: https://fal.ai/models/fal-ai/flux-1/dev/playground)',
    ],
    [
      'unknown',
      { origin: 'catalog', sourceUrl: null },
      "Licence unknown: neither fal's model API nor the pricing catalog names one",
    ],
  ] as const)('with a source, %s says where it was read (%j)', async (licence, source, description) => {
    const user = userEvent.setup();
    renderUi(<LicenceBadge licence={licence} source={source} />);
    const label = licence === 'unknown' ? 'Unknown' : 'Commercial';
    // The full name stays on the badge (never cut); where it was read is its description and tooltip.
    const badge = screen.getByRole('img', { name: `Licence: ${label}`, description });
    expect(badge.textContent).toBe(label);
    await user.hover(badge);
    expect((await screen.findByRole('tooltip')).textContent).toBe(description);
  });
});
