import fc from 'fast-check';
import { expect, test } from 'vitest';
import { convertMicros, toUsdMicros } from '../../../../src/domain/fx.ts';
import { formatMoney } from '../../../../src/domain/money.ts';
import { costItems } from '../../../../src/domain/ledger/cost-items.ts';
import type { CostFilter } from '../../../../src/domain/ledger/filters.ts';
import { foldLedger } from '../../../../src/domain/ledger/fold.ts';
import { listRows } from '../../../../src/domain/ledger/rows.ts';
import {
  amountIn,
  type BreakdownDimension,
  breakdown,
  totals,
} from '../../../../src/domain/ledger/selectors.ts';
import { externalRow, imported, poolDefined, submitted } from '../../../fixtures/ledger-builders.ts';
import { arbDay, arbLedgerEvents, arbTags } from '../../../fixtures/ledger-arbitraries.ts';

const DIMENSIONS: BreakdownDimension[] = ['client', 'project', 'deliverable', 'model', 'day'];

const arbFilter: fc.Arbitrary<CostFilter> = fc
  .record(
    {
      tags: arbTags,
      pick: fc.record({ client: fc.boolean(), project: fc.boolean(), deliverable: fc.boolean() }),
      from: fc.option(arbDay, { nil: undefined }),
      to: fc.option(arbDay, { nil: undefined }),
    },
    { requiredKeys: ['tags', 'pick'] },
  )
  .map(({ tags, pick, from, to }) => ({
    ...(pick.client ? { client: tags.client } : {}),
    ...(pick.project ? { project: tags.project } : {}),
    ...(pick.deliverable ? { deliverable: tags.deliverable } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  }));

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

test('every breakdown sums exactly to the combined total, with or without a filter', () => {
  fc.assert(
    fc.property(arbLedgerEvents(), fc.option(arbFilter, { nil: undefined }), (events, filter) => {
      const state = foldLedger(events);
      const t = totals(state, filter);
      expect(t.combinedUsdMicros).toBe(t.internalUsdMicros + t.externalUsdMicros + t.poolUsdMicros);
      for (const dimension of DIMENSIONS) {
        const rows = breakdown(state, dimension, filter);
        expect(sum(rows.map((r) => r.usdMicros))).toBe(t.combinedUsdMicros);
        expect(sum(rows.map((r) => r.estimatedUsdMicros))).toBe(t.estimatedUsdMicros);
        expect(new Set(rows.map((r) => r.key.toLowerCase())).size).toBe(rows.length);
      }
      expect(sum(listRows(state, filter).map((r) => r.item.usdMicros))).toBe(t.combinedUsdMicros);
    }),
    { numRuns: 300 },
  );
});

test('the project breakdown of the whole ledger adds up per project to the filtered totals', () => {
  fc.assert(
    fc.property(arbLedgerEvents(), (events) => {
      const state = foldLedger(events);
      for (const row of breakdown(state, 'project')) {
        expect(totals(state, { project: row.key }).combinedUsdMicros).toBe(row.usdMicros);
      }
    }),
    { numRuns: 150 },
  );
});

test('pool shares add up to each pool’s amount in micro-USD', () => {
  fc.assert(
    fc.property(arbLedgerEvents(), (events) => {
      const state = foldLedger(events);
      const pools = costItems(state).filter((i) => i.kind === 'pool');
      const bySource = new Map<string, number>();
      for (const item of pools)
        bySource.set(item.sourceId, (bySource.get(item.sourceId) ?? 0) + item.usdMicros);
      expect([...bySource.keys()].sort()).toEqual(Object.keys(state.pools).sort());
      for (const pool of Object.values(state.pools)) {
        expect(bySource.get(pool.poolId)).toBe(toUsdMicros(pool.amountMicros, pool.currency, pool.fx));
      }
    }),
    { numRuns: 200 },
  );
});

test('in a display currency, breakdowns still sum exactly to the totals, each cost at its own stored rates', () => {
  fc.assert(
    fc.property(arbLedgerEvents(), fc.constantFrom('USD', 'EUR', 'SEK' as const), (events, currency) => {
      const state = foldLedger(events);
      const amount = amountIn(currency);
      const t = totals(state, undefined, amount);
      expect(t.combinedUsdMicros).toBe(t.internalUsdMicros + t.externalUsdMicros + t.poolUsdMicros);
      for (const dimension of DIMENSIONS) {
        const rows = breakdown(state, dimension, undefined, amount);
        expect(sum(rows.map((r) => r.usdMicros))).toBe(t.combinedUsdMicros);
      }
      // Each cost once: as recorded when recorded in this currency, else at its own stored rates.
      const perItem = costItems(state).map((item) =>
        item.native?.currency === currency
          ? item.native.amountMicros
          : convertMicros(item.usdMicros, currency, item.fx),
      );
      expect(t.combinedUsdMicros).toBe(sum(perItem));
      if (currency === 'USD') expect(t).toEqual(totals(state));
    }),
    { numRuns: 200 },
  );
});

test('a cost recorded at old rates keeps its value when today’s rates change', () => {
  const old = {
    base: 'USD',
    rates: { USD: 1, EUR: 0.5, SEK: 10 },
    asOf: '2025-01-01',
    source: 'manual',
  } as const;
  const state = foldLedger([
    submitted({ genId: 'g1', fx: old, estimate: { usdMicros: 2_000_000, tier: 'estimated', priceRef: 'x' } }),
  ]);
  expect(totals(state, undefined, amountIn('EUR')).combinedUsdMicros).toBe(1_000_000);
  expect(totals(state, undefined, amountIn('SEK')).combinedUsdMicros).toBe(20_000_000);
});

test('an import recorded in SEK shows exactly as recorded in SEK (no USD round trip): 1.05 kr stays 1.1 kr', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99_990_000 }), (amountMicros) => {
      const state = foldLedger([imported([externalRow({ amountMicros, currency: 'SEK' })])]);
      expect(totals(state, undefined, amountIn('SEK')).combinedUsdMicros).toBe(amountMicros);
    }),
    { numRuns: 300 },
  );
  const state = foldLedger([imported([externalRow({ amountMicros: 1_050_000, currency: 'SEK' })])]);
  expect(formatMoney(totals(state, undefined, amountIn('SEK')).combinedUsdMicros, 'SEK')).toBe('1.1 kr');
});

test('a pool recorded in EUR splits into EUR shares that sum exactly to it, and USD shares to its USD value', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10_000_000_000 }),
      fc.integer({ min: 1, max: 7 }),
      (amountMicros, n) => {
        const projects = Array.from({ length: n }, (_, i) => `P${i}`);
        const state = foldLedger([poolDefined({ amountMicros, currency: 'EUR', scope: { projects } })]);
        expect(totals(state, undefined, amountIn('EUR')).poolUsdMicros).toBe(amountMicros);
        const pool = Object.values(state.pools)[0]!;
        expect(totals(state).poolUsdMicros).toBe(toUsdMicros(amountMicros, 'EUR', pool.fx));
      },
    ),
    { numRuns: 200 },
  );
});
