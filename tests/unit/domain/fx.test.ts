import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  convertMicros,
  DEFAULT_FX,
  formatUsdIn,
  isIsoDay,
  manualFx,
  parseFxSnapshot,
  toUsdMicros,
} from '../../../src/domain/fx.ts';
import { fxSnapshotSchema } from '../../../src/domain/ledger/events.ts';
import { arbFx } from '../../fixtures/ledger-arbitraries.ts';

const rates = (EUR: number, SEK: number) => ({ ...DEFAULT_FX, rates: { USD: 1 as const, EUR, SEK } });

describe('DEFAULT_FX', () => {
  test('is a valid default snapshot with its as-of date', () => {
    expect(fxSnapshotSchema.parse(DEFAULT_FX)).toEqual(DEFAULT_FX);
    expect(DEFAULT_FX).toMatchObject({
      source: 'default',
      asOf: '2025-10-01',
      rates: { EUR: 0.86, SEK: 9.4 },
    });
  });
});

describe('convertMicros', () => {
  test.each([
    [1_000_000, 'USD', 1_000_000],
    [1_000_000, 'EUR', 860_000],
    [1_000_000, 'SEK', 9_400_000],
    [-2_500_000, 'EUR', -2_150_000],
    [5, 'SEK', 47], // 47.0
  ] as const)('%i micro-USD → %s %i', (usd, currency, out) => {
    expect(convertMicros(usd, currency, DEFAULT_FX)).toBe(out);
  });

  test('rounds exactly half away from zero once, with no float drift', () => {
    // 5 × 0.9 = 4.5 exactly, but 5 * 0.9 in floating point is 4.5 too; 3 × 0.15 = 0.45 is not exact.
    expect(convertMicros(5, 'EUR', rates(0.9, 9.4))).toBe(5);
    expect(convertMicros(-5, 'EUR', rates(0.9, 9.4))).toBe(-5);
    expect(convertMicros(10, 'EUR', rates(0.15, 9.4))).toBe(2); // 1.5 → 2
    expect(convertMicros(3, 'SEK', rates(0.9, 10.5))).toBe(32); // 31.5 → 32
  });

  test('an unusable rate is a clear error', () => {
    expect(() => convertMicros(1, 'EUR', rates(0, 9.4))).toThrow(/positive number/);
  });
});

describe('toUsdMicros', () => {
  test.each([
    [860_000, 'EUR', 1_000_000],
    [9_400_000, 'SEK', 1_000_000],
    [47, 'SEK', 5],
    [-860_000, 'EUR', -1_000_000],
    [123, 'USD', 123],
  ] as const)('%s %i → %i micro-USD', (amount, currency, usd) => {
    expect(toUsdMicros(amount, currency, DEFAULT_FX)).toBe(usd);
  });

  test('round-trips USD → currency → USD within one micro per unit of rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        arbFx,
        fc.constantFrom('EUR', 'SEK' as const),
        (usd, fx, c) => {
          const back = toUsdMicros(convertMicros(usd, c, fx), c, fx);
          expect(Math.abs(back - usd)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

test('formatUsdIn formats micro-USD in the display currency', () => {
  expect(formatUsdIn(542_553, 'SEK', DEFAULT_FX)).toBe('5.1 kr');
  expect(formatUsdIn(1_000_000, 'EUR', DEFAULT_FX)).toBe('€0.86');
  expect(formatUsdIn(1_000_000, 'USD', DEFAULT_FX)).toBe('$1.00');
});

describe('rates validation', () => {
  test('manualFx builds a manual snapshot from numbers or decimal-comma text', () => {
    expect(manualFx({ EUR: '0,91', SEK: 10.87, asOf: '2025-11-20' })).toEqual({
      ok: true,
      value: { base: 'USD', rates: { USD: 1, EUR: 0.91, SEK: 10.87 }, asOf: '2025-11-20', source: 'manual' },
    });
  });

  test.each([
    [{ EUR: 0, SEK: 9.4, asOf: '2025-11-20' }, /EUR rate "0" is not a positive number/],
    [{ EUR: 'abc', SEK: 9.4, asOf: '2025-11-20' }, /EUR rate "abc"/],
    [{ EUR: 0.86, SEK: -1, asOf: '2025-11-20' }, /SEK rate "-1"/],
    [{ EUR: 86, SEK: 9.4, asOf: '2025-11-20' }, /outside 0.1–10 EUR per USD/],
    [{ EUR: 0.86, SEK: 0.5, asOf: '2025-11-20' }, /outside 1–100 SEK per USD/],
    [{ EUR: 0.86, SEK: 9.4, asOf: '2025-02-30' }, /not a real day/],
    [{ EUR: 0.86, SEK: 9.4, asOf: '20.11.2025' }, /YYYY-MM-DD/],
  ])('manualFx(%j) is refused with a reason', (input, reason) => {
    const result = manualFx(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(reason);
  });

  test('manualFx lists every problem at once', () => {
    const result = manualFx({ EUR: -1, SEK: 0, asOf: 'yesterday' });
    expect(result.ok ? [] : result.errors).toHaveLength(3);
  });

  test('parseFxSnapshot accepts a valid snapshot and names the bad field otherwise', () => {
    expect(parseFxSnapshot(DEFAULT_FX)).toEqual({ ok: true, value: DEFAULT_FX });
    const bad = parseFxSnapshot({ ...DEFAULT_FX, rates: { USD: 1, EUR: -1, SEK: 9 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/"rates.EUR" is invalid/);
  });

  test.each([
    ['2025-10-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
  ])('isIsoDay(%j) → %s', (text, ok) => {
    expect(isIsoDay(text)).toBe(ok);
  });
});
