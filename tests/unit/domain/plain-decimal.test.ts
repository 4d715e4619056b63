import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exactDecimalToMicros } from '../../../src/domain/money.ts';
import { plainDecimalMicros } from '../../../src/domain/plain-decimal.ts';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Decimals as files write them: signs, separators, spaces and digits of any length in any order. */
const decimalLike = fc.string({
  unit: fc.constantFrom(...'0123456789', '.', ',', '-', '+', '\u2212', ' ', '\u00a0', 'e', "'"),
  maxLength: 24,
});

/** Plain decimals, all of which the fast path must read itself. */
const plain = fc
  .tuple(fc.constantFrom('', '-', '+', '\u2212'), digits(1, 9), fc.option(digits(1, 6)))
  .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}`);

describe('plainDecimalMicros', () => {
  test('reads every plain decimal, as the exact BigInt path does (and 0, never -0)', () => {
    fc.assert(
      fc.property(plain, (text) => {
        const fast = plainDecimalMicros(text);
        expect(fast).toBeDefined();
        expect(Object.is(fast, exactDecimalToMicros(text))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  test('for any other text it reads the same or leaves it to the exact path', () => {
    fc.assert(
      fc.property(fc.oneof(decimalLike, fc.string()), (text) => {
        const fast = plainDecimalMicros(text);
        if (fast !== undefined) expect(Object.is(fast, exactDecimalToMicros(text))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  test.each([
    ['-0.00', 0],
    ['999999999.999999', 999_999_999_999_999],
    ['0.000001', 1],
    ['\u22122.5', -2_500_000],
  ])('%s is %i micro-units', (text, micros) => {
    expect(Object.is(plainDecimalMicros(text), micros)).toBe(true);
  });

  test.each(['', '-', '1.', '.5', '1.2345678', '1234567890', '1,5', ' 1', '1e3'])(
    '%j is not plain',
    (text) => {
      expect(plainDecimalMicros(text)).toBeUndefined();
    },
  );
});
