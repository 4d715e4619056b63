import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { EstimateTier } from '../../../src/domain/ledger/events.ts';
import { CostBadge } from '../../../src/ui/components/CostBadge/CostBadge.tsx';
import { renderUi, TEST_FX } from './render.tsx';

const estimate = (tier: EstimateTier, usdMicros: number | null, upTo = false) => ({
  tier,
  usdMicros,
  upTo,
  explanation: '5 s × $0.40/s (1080p, audio)',
});

describe('CostBadge', () => {
  test.each([
    ['estimated', 'Estimated $2.00', 2_000_000],
    ['from', 'From $0.40', 400_000],
    ['learned', 'Learned ≈$1.10', 1_104_000],
    ['none', 'No price', null],
  ] as const)('tier %s reads "%s"', (tier, text, micros) => {
    renderUi(<CostBadge estimate={estimate(tier, micros)} currency="USD" rates={TEST_FX} />);
    const badge = screen.getByText(text);
    expect(badge.closest('[data-tier]')?.getAttribute('data-tier')).toBe(tier);
  });

  test('an unknown amount is "No price", never $0, whatever tier it claims', () => {
    const unknown = { ...estimate('estimated', null), explanation: 'fal.ai lists no price for this model' };
    renderUi(<CostBadge estimate={unknown} currency="USD" rates={TEST_FX} />);
    expect(screen.getByText('No price').closest('[data-tier]')?.getAttribute('data-tier')).toBe('none');
    expect(screen.queryByText(/\$\s*0/)).toBeNull();
  });

  test('a tiny known amount never shows as zero', () => {
    renderUi(<CostBadge estimate={estimate('estimated', 3_000)} currency="USD" rates={TEST_FX} />);
    expect(screen.getByText('Estimated <$0.01')).toBeTruthy();
  });

  test('"up to" marks an estimate made at the highest rate', () => {
    renderUi(<CostBadge estimate={estimate('estimated', 2_400_000, true)} currency="USD" rates={TEST_FX} />);
    expect(screen.getByText('Estimated up to $2.40')).toBeTruthy();
  });

  test('SEK shows "kr" after the amount with one decimal', () => {
    renderUi(<CostBadge estimate={estimate('estimated', 510_000)} currency="SEK" rates={TEST_FX} />);
    expect(screen.getByText('Estimated 5.1 kr')).toBeTruthy();
  });

  test('EUR converts with the given rates', () => {
    renderUi(<CostBadge estimate={estimate('from', 2_000_000)} currency="EUR" rates={TEST_FX} />);
    expect(screen.getByText('From €1.80')).toBeTruthy();
  });

  test('the explanation is the accessible description', () => {
    renderUi(<CostBadge estimate={estimate('estimated', 2_000_000)} currency="USD" rates={TEST_FX} />);
    const badge = screen.getByText('Estimated $2.00').closest('[data-tier]');
    const describedBy = badge?.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('5 s × $0.40/s (1080p, audio)');
  });

  test('a settled cost adds a green Actual badge in the display currency', () => {
    renderUi(
      <CostBadge
        estimate={estimate('estimated', 2_000_000)}
        actualUsdMicros={1_960_000}
        currency="SEK"
        rates={TEST_FX}
      />,
    );
    expect(screen.getByText('Actual 19.6 kr').closest('[data-kind]')?.getAttribute('data-kind')).toBe(
      'actual',
    );
  });

  test('no Actual badge while unsettled', () => {
    renderUi(
      <CostBadge
        estimate={estimate('estimated', 2_000_000)}
        actualUsdMicros={null}
        currency="USD"
        rates={TEST_FX}
      />,
    );
    expect(screen.queryByText(/Actual/)).toBeNull();
  });
});
