import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { axisTicks, type Currency, formatAxisMoney, niceAxisStep } from '../../../src/domain/index.ts';

const CURRENCIES: readonly Currency[] = ['USD', 'EUR', 'SEK'];

/** The labels an axis over [min, max] shows, as the Billing charts draw them. */
function labels(min: number, max: number, currency: Currency, maxTicks = 4): string[] {
  const ticks = axisTicks(min, max, maxTicks);
  const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
  return ticks.map((t) => formatAxisMoney(t, currency, step));
}

describe('niceAxisStep', () => {
  test.each([
    [30_000, 4, 10_000], // $0.03 over 4 ticks: steps of a cent
    [26_000, 4, 10_000],
    [12_000, 4, 5_000],
    [1_000_000, 4, 500_000],
    [7_400_000, 4, 2_000_000],
    [10_000_000, 4, 5_000_000],
    [3, 4, 1], // never below one micro-unit
    [0, 4, 10_000],
    [1_000_000_000_000, 4, 500_000_000_000],
  ])('span %i over %i ticks → step %i', (span, maxTicks, step) => {
    expect(niceAxisStep(span, maxTicks)).toBe(step);
  });

  test('refuses a fractional span and a tick count below one, saying why', () => {
    expect(() => niceAxisStep(0.5)).toThrow(/not an integer amount of micro-units/);
    expect(() => niceAxisStep(100, 0)).toThrow(/maxTicks 0 must be a whole number/);
  });
});

describe('axisTicks', () => {
  test.each([
    [0, 30_000, [0, 10_000, 20_000, 30_000]],
    [0, 26_000, [0, 10_000, 20_000, 30_000]],
    [0, 0, [0, 10_000]],
    [-4_000_000, 6_000_000, [-5_000_000, 0, 5_000_000, 10_000_000]],
  ])('[%i, %i] → %j', (min, max, ticks) => {
    expect(axisTicks(min, max)).toEqual(ticks);
  });
});

describe('formatAxisMoney', () => {
  test.each<[number, Currency, number, string]>([
    [10_000, 'USD', 10_000, '$0.01'],
    [5_000, 'USD', 5_000, '$0.005'],
    [15_000, 'EUR', 5_000, '€0.015'],
    [500_000, 'USD', 500_000, '$0.50'], // cents at least, once a fraction is shown
    [1_000_000, 'USD', 500_000, '$1.00'],
    [10_000_000, 'USD', 5_000_000, '$10.00'], // never fewer decimals than the currency's own
    [1_200_000_000, 'EUR', 200_000_000, '€1,200.00'],
    [2_500_000, 'SEK', 500_000, '2.5 kr'],
    [50_000, 'SEK', 50_000, '0.05 kr'],
    [0, 'SEK', 1_000_000, '0.0 kr'], // SEK keeps its one decimal ("5.1 kr")
    [-5_000_000, 'USD', 5_000_000, '-$5.00'],
    [3, 'USD', 1, '$0.000003'],
  ])('%i %s (step %i) → %s', (value, currency, step, text) => {
    expect(formatAxisMoney(value, currency, step)).toBe(text);
  });

  test('the reported axis ($0.03 of costs) no longer repeats a label', () => {
    expect(labels(0, 30_000, 'USD')).toEqual(['$0.00', '$0.01', '$0.02', '$0.03']);
    expect(labels(0, 12_000, 'USD')).toEqual(['$0.000', '$0.005', '$0.010', '$0.015']);
  });

  test('refuses a step that is not positive', () => {
    expect(() => formatAxisMoney(0, 'USD', 0)).toThrow(/step 0 must be positive/);
  });

  test('property: for any max value, consecutive tick labels are distinct and ascend', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000_000 }),
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 2, max: 8 }),
        (max, currency, maxTicks) => {
          const ticks = axisTicks(0, max, maxTicks);
          const shown = labels(0, max, currency, maxTicks);
          expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
          expect(ticks.length - 1).toBeLessThanOrEqual(maxTicks);
          for (let i = 1; i < shown.length; i += 1) expect(shown[i]).not.toBe(shown[i - 1]);
        },
      ),
    );
  });

  test('property: small maxima (under a dollar) also get distinct labels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...CURRENCIES), (max, currency) => {
        const shown = labels(0, max, currency);
        expect(new Set(shown).size).toBe(shown.length);
      }),
    );
  });
});
