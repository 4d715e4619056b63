import { describe, expect, test } from 'vitest';
import type { Estimate } from '../../../src/domain/pricing/estimate.ts';
import {
  combineEstimates,
  DEFAULT_THRESHOLDS,
  needsConfirmation,
  thresholdSettingsSchema,
  weakestTier,
} from '../../../src/domain/thresholds.ts';

const off = { ...DEFAULT_THRESHOLDS, confirmUnpriced: false };

test('defaults are $5.00 single, $8.00 dual, ask when unpriced', () => {
  expect(DEFAULT_THRESHOLDS).toEqual({
    singleUsdMicros: 5_000_000,
    dualUsdMicros: 8_000_000,
    confirmUnpriced: true,
  });
  expect(thresholdSettingsSchema.parse(DEFAULT_THRESHOLDS)).toEqual(DEFAULT_THRESHOLDS);
});

describe('needsConfirmation', () => {
  test.each([
    ['single', 4_990_000, DEFAULT_THRESHOLDS, false],
    ['single', 5_000_000, DEFAULT_THRESHOLDS, false],
    ['single', 5_000_001, DEFAULT_THRESHOLDS, true],
    ['single', 5_010_000, DEFAULT_THRESHOLDS, true],
    ['single', 0, DEFAULT_THRESHOLDS, false],
    ['dual', 5_010_000, DEFAULT_THRESHOLDS, false],
    ['dual', 8_000_000, DEFAULT_THRESHOLDS, false],
    ['dual', 8_000_001, DEFAULT_THRESHOLDS, true],
    ['dual', 8_010_000, DEFAULT_THRESHOLDS, true],
    ['single', null, DEFAULT_THRESHOLDS, true],
    ['dual', null, DEFAULT_THRESHOLDS, true],
    ['single', null, off, false],
    ['dual', null, off, false],
    ['single', 2_000_000, { ...DEFAULT_THRESHOLDS, singleUsdMicros: 1_000_000 }, true],
  ] as const)('%s mode, %s micro-USD → asks: %s', (mode, usdMicros, settings, asks) => {
    expect(needsConfirmation({ usdMicros }, mode, settings)).toBe(asks);
  });
});

const est = (usdMicros: number | null, tier: Estimate['tier'], upTo = false): Estimate => ({
  usdMicros,
  tier,
  upTo,
  explanation: `${usdMicros}`,
  priceRef: 'catalog',
});

describe('combineEstimates', () => {
  test('sums the two prices and keeps the weaker tier', () => {
    expect(combineEstimates(est(2_000_000, 'estimated'), est(500_000, 'from'))).toEqual({
      usdMicros: 2_500_000,
      tier: 'from',
      upTo: false,
      explanation: '2000000 + 500000',
      priceRef: 'catalog',
    });
    expect(combineEstimates(est(1, 'learned'), est(1, 'estimated')).tier).toBe('learned');
  });

  test('is unknown when either price is unknown', () => {
    const both = combineEstimates(est(2_000_000, 'estimated'), est(null, 'none'));
    expect(both).toMatchObject({ usdMicros: null, tier: 'none' });
  });

  test('is an upper bound when either is', () => {
    expect(combineEstimates(est(1, 'estimated', true), est(1, 'estimated')).upTo).toBe(true);
  });

  test('a dual pair of $4 + $4.01 asks, $4 + $4 does not', () => {
    expect(
      needsConfirmation(combineEstimates(est(4_000_000, 'estimated'), est(4_010_000, 'estimated')), 'dual'),
    ).toBe(true);
    expect(
      needsConfirmation(combineEstimates(est(4_000_000, 'estimated'), est(4_000_000, 'estimated')), 'dual'),
    ).toBe(false);
  });
});

test.each([
  ['estimated', 'from', 'from'],
  ['from', 'learned', 'from'],
  ['none', 'estimated', 'none'],
  ['learned', 'estimated', 'learned'],
] as const)('weakestTier(%s, %s) → %s', (a, b, weakest) => {
  expect(weakestTier(a, b)).toBe(weakest);
  expect(weakestTier(b, a)).toBe(weakest);
});
