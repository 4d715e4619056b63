import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { costItems, toUsdMicros } from '../../../src/domain/index.ts';
import { createLedgerView } from '../../../src/ledger-view/index.ts';
import {
  generation,
  poolChanged,
  poolDefined,
  poolRemoved,
  resetBuilders,
  tags,
} from '../../fixtures/ledger-builders.ts';
import { fold, viewInPieces } from './oracle.ts';
import { arbViewEvents } from './view-arbitraries.ts';

/** The read model's pool list (`GET /api/ledger/pools`): the domain's pools with the shares it counts. */

describe('ledger view pools()', () => {
  test('every pool of the fold, by name, with exactly the shares the rows and totals count', () => {
    fc.assert(
      fc.property(arbViewEvents(60), fc.array(fc.nat(), { maxLength: 4 }), (events, cuts) => {
        const view = viewInPieces(createLedgerView, events, cuts);
        const state = fold(events);
        const { pools } = view.pools();
        expect(pools.map((p) => p.pool.poolId).sort()).toEqual(Object.keys(state.pools).sort());
        const names = pools.map((p) => p.pool.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
        const items = costItems(state).filter((item) => item.kind === 'pool');
        for (const { pool, shares } of pools) {
          expect(shares).toEqual(items.filter((item) => item.sourceId === pool.poolId));
          const usd = toUsdMicros(pool.amountMicros, pool.currency, pool.fx);
          expect(shares.reduce((sum, share) => sum + share.usdMicros, 0)).toBe(usd);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('a change re-splits the pool and a removal takes it and its shares out', () => {
    resetBuilders();
    const events = [
      ...generation({ tags: tags('Acme', 'Hero Film', '') }, 1_000_000),
      ...generation({ tags: tags('Globex', 'Social Cut', '') }, 3_000_000),
      poolDefined({ period: { from: '', to: '' }, amountMicros: 10_000_001 }),
    ];
    const view = createLedgerView(events);
    const amounts = () =>
      view.pools().pools.flatMap((p) => p.shares.map((s) => [s.project, s.client, s.usdMicros]));
    expect(amounts()).toEqual([
      ['Hero Film', 'Acme', 5_000_001],
      ['Social Cut', 'Globex', 5_000_000],
    ]);
    view.append([
      poolChanged('pool-1', {
        period: { from: '', to: '' },
        amountMicros: 10_000_001,
        rule: { kind: 'usage' },
      }),
    ]);
    expect(amounts()).toEqual([
      ['Hero Film', 'Acme', 2_500_000],
      ['Social Cut', 'Globex', 7_500_001],
    ]);
    view.append([poolRemoved('pool-1')]);
    expect(view.pools().pools).toEqual([]);
    expect(view.rows({ currency: 'USD', limit: 10 }).rows.every((r) => r.item.kind !== 'pool')).toBe(true);
  });
});
