import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PoolRule } from '../../../src/domain/ledger/events.ts';
import { allocatePool } from '../../../src/domain/pools.ts';

const EVEN: PoolRule = { kind: 'even' };
const USAGE: PoolRule = { kind: 'usage' };

describe('allocatePool worked examples', () => {
  test('even split; the leftover micro goes to the project that sorts first', () => {
    expect(allocatePool(100, EVEN, {}, ['Cobalt', 'Alpha', 'Beta'])).toEqual({
      Cobalt: 33,
      Alpha: 34,
      Beta: 33,
    });
    expect(allocatePool(30_000_000, EVEN, {}, ['A', 'B', 'C'])).toEqual({
      A: 10_000_000,
      B: 10_000_000,
      C: 10_000_000,
    });
  });

  test('negative amounts (refunds) split the same way, negated', () => {
    expect(allocatePool(-100, EVEN, {}, ['Cobalt', 'Alpha', 'Beta'])).toEqual({
      Cobalt: -33,
      Alpha: -34,
      Beta: -33,
    });
  });

  test('by usage share, largest remainder first', () => {
    // 10 × 1/6 = 1.67, 10 × 2/6 = 3.33, 10 × 3/6 = 5 → floors 1, 3, 5; the one left goes to A (.67).
    expect(allocatePool(10, USAGE, { A: 1, B: 2, C: 3 }, ['A', 'B', 'C'])).toEqual({ A: 2, B: 3, C: 5 });
  });

  test('by weights; a project without a weight gets nothing', () => {
    const rule: PoolRule = { kind: 'weights', weights: { A: 3, B: 1 } };
    expect(allocatePool(1_000_000, rule, {}, ['A', 'B', 'C'])).toEqual({ A: 750_000, B: 250_000, C: 0 });
  });

  test('all-zero usage or weights fall back to an even split', () => {
    expect(allocatePool(9, USAGE, { A: 0 }, ['A', 'B', 'C'])).toEqual({ A: 3, B: 3, C: 3 });
    expect(allocatePool(9, { kind: 'weights', weights: {} }, {}, ['A', 'B', 'C'])).toEqual({
      A: 3,
      B: 3,
      C: 3,
    });
  });

  test('negative usage counts as zero, not as a credit', () => {
    expect(allocatePool(10, USAGE, { A: -5, B: 5 }, ['A', 'B'])).toEqual({ A: 0, B: 10 });
  });

  test('duplicate project names count once', () => {
    expect(allocatePool(10, EVEN, {}, ['A', 'A', 'B'])).toEqual({ A: 5, B: 5 });
  });

  test('no projects or a fractional usage are clear errors', () => {
    expect(() => allocatePool(10, EVEN, {}, [])).toThrow(/no projects to share it/);
    expect(() => allocatePool(10, USAGE, { A: 1.5 }, ['A'])).toThrow(/whole number/);
    expect(() => allocatePool(1.5, EVEN, {}, ['A'])).toThrow(/whole number of micro-units/);
  });
});

const arbRule: fc.Arbitrary<PoolRule> = fc.oneof(
  fc.constant(EVEN),
  fc.constant(USAGE),
  fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.nat(1_000)).map((weights) => ({
    kind: 'weights' as const,
    weights,
  })),
);

test('shares always sum exactly to the amount, for every rule and sign', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -1e13, max: 1e13 }),
      arbRule,
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: -10, max: 1e9 })),
      fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1 }),
      (amount, rule, usage, projects) => {
        const shares = allocatePool(amount, rule, usage, projects);
        expect(Object.keys(shares).sort()).toEqual([...projects].sort());
        expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBe(amount);
        for (const share of Object.values(shares)) expect(Math.sign(share) * Math.sign(amount)).not.toBe(-1);
      },
    ),
    { numRuns: 500 },
  );
});

test('the result does not depend on the order projects are listed in', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -1e9, max: 1e9 }),
      arbRule,
      fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1 }),
      (amount, rule, projects) => {
        const usage = Object.fromEntries(projects.map((p, i) => [p, i % 2]));
        expect(allocatePool(amount, rule, usage, [...projects].reverse())).toEqual(
          allocatePool(amount, rule, usage, projects),
        );
      },
    ),
  );
});
