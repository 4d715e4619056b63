import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Currency } from '../../../src/domain/ledger/events.ts';
import {
  formatMoney,
  microsToDecimal,
  parseDecimalToMicros,
  roundDiv,
  usdToMicros,
} from '../../../src/domain/money.ts';

describe('formatMoney', () => {
  test.each([
    [1_230_000, 'USD', '$1.23'],
    [1_230_000, 'EUR', '€1.23'],
    [5_100_000, 'SEK', '5.1 kr'],
    [1_234_560_000, 'USD', '$1,234.56'],
    [1_234_500_000, 'SEK', '1,234.5 kr'],
    [0, 'USD', '$0.00'],
    [0, 'SEK', '0.0 kr'],
    [-1_230_000, 'USD', '-$1.23'],
    [-1_230_000, 'EUR', '-€1.23'],
    [-5_100_000, 'SEK', '-5.1 kr'],
    [5_000, 'USD', '$0.01'], // exactly half a cent rounds away from zero
    [-5_000, 'USD', '-$0.01'],
    [1_234_999, 'USD', '$1.23'],
    [1_235_000, 'USD', '$1.24'],
    [50_000, 'SEK', '0.1 kr'],
    [4_999, 'USD', '<$0.01'],
    [1, 'EUR', '<€0.01'],
    [49_999, 'SEK', '<0.1 kr'],
    [-4_999, 'USD', '-<$0.01'],
    [-1, 'EUR', '-<€0.01'],
    [-49_999, 'SEK', '-<0.1 kr'],
    [999_995_000, 'USD', '$1,000.00'],
  ] as [number, Currency, string][])('%i micros in %s → %s', (micros, currency, shown) => {
    expect(formatMoney(micros, currency)).toBe(shown);
  });

  test('refuses a fractional or unsafe amount instead of guessing', () => {
    expect(() => formatMoney(1.5, 'USD')).toThrow(/not an integer/);
    expect(() => formatMoney(Number.NaN, 'USD')).toThrow(RangeError);
  });

  test('never prints a zero for a non-zero amount (all currencies, both signs)', () => {
    const nonZero = fc
      .oneof(fc.integer({ min: -200_000, max: 200_000 }), fc.maxSafeInteger())
      .filter((n) => n !== 0);
    fc.assert(
      fc.property(nonZero, fc.constantFrom<Currency>('USD', 'EUR', 'SEK'), (micros, currency) => {
        const shown = formatMoney(micros, currency);
        const digits = shown.replace(/\D/g, '');
        expect(/[1-9]/.test(digits)).toBe(true);
        expect(shown.startsWith('-')).toBe(micros < 0);
      }),
      { numRuns: 2_000 },
    );
  });

  test('shows the amount rounded half away from zero to the shown precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (micros) => {
        const cents = Math.sign(micros) * Math.floor((Math.abs(micros) + 5_000) / 10_000);
        if (cents === 0) return;
        const shown = formatMoney(micros, 'USD').replace(/[$,]/g, '');
        expect(Math.round(Number(shown) * 100)).toBe(cents);
      }),
    );
  });
});

describe('roundDiv', () => {
  test.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [0n, 7n, 0n],
  ])('%i / %i → %i', (n, d, q) => {
    expect(roundDiv(n, d)).toBe(q);
  });

  test('division by zero is a clear error', () => {
    expect(() => roundDiv(1n, 0n)).toThrow(/divide by zero/);
  });
});

describe('usdToMicros', () => {
  test.each([
    [0.0035, 3_500],
    [0.025, 25_000],
    [2, 2_000_000],
    [0.4, 400_000],
    [0.0000004, 0],
  ])('$%f → %i micros', (usd, micros) => {
    expect(usdToMicros(usd)).toBe(micros);
  });

  test('refuses NaN and infinity', () => {
    expect(() => usdToMicros(Number.NaN)).toThrow(RangeError);
    expect(() => usdToMicros(Number.POSITIVE_INFINITY)).toThrow(/not a finite dollar amount/);
  });
});

describe('parseDecimalToMicros', () => {
  test.each([
    ['1.23', 1_230_000],
    ['1,23', 1_230_000],
    ['1 234,50', 1_234_500_000],
    ['1\u00a0234,50', 1_234_500_000],
    ['-2.5', -2_500_000],
    ['+3', 3_000_000],
    ['  42  ', 42_000_000],
    ['1,234.56', 1_234_560_000],
    ['1.234,56', 1_234_560_000],
    ['1.234.567', 1_234_567_000_000],
    ['1,234,567', 1_234_567_000_000],
    ['1,234', 1_234_000], // a single comma is a decimal comma
    ['.5', 500_000],
    ['0.0000005', 1], // beyond six decimals: half away from zero
    ['-0.0000015', -2],
    ['0.0000004', 0],
  ])('%j → %i', (text, micros) => {
    expect(parseDecimalToMicros(text)).toBe(micros);
  });

  test.each([
    '',
    ' ',
    'abc',
    '1.',
    '.',
    '-',
    '1e5',
    '$5',
    '5 kr',
    '12 34',
    '1,2,3',
    '1.2.3,4,5',
    '--1',
    '1-',
    'NaN',
    '1 2',
  ])('rejects %j', (text) => {
    expect(parseDecimalToMicros(text)).toBeNull();
  });

  test('rejects amounts beyond safe integers', () => {
    expect(parseDecimalToMicros('99999999999999')).toBeNull();
  });

  test('reads back what formatting a plain number writes, in either decimal style', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (micros) => {
        const text = (micros / 1e6).toFixed(6);
        expect(parseDecimalToMicros(text)).toBe(micros);
        expect(parseDecimalToMicros(text.replace('.', ','))).toBe(micros);
      }),
    );
  });
});

describe('microsToDecimal', () => {
  test.each([
    [0, '0.000000'],
    [1, '0.000001'],
    [421_134, '0.421134'],
    [5_000_000, '5.000000'],
    [-1_500_000, '-1.500000'],
    [-1, '-0.000001'],
  ])('%i micro-units read %s', (micros, text) => {
    expect(microsToDecimal(micros)).toBe(text);
  });

  test('reads back to the same micro-units, any safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (micros) => {
        expect(parseDecimalToMicros(microsToDecimal(micros))).toBe(micros);
      }),
    );
  });

  test('refuses a fractional amount instead of rounding it away', () => {
    expect(() => microsToDecimal(1.5)).toThrow(RangeError);
  });
});
