import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { newestResetEpoch } from '../../../../src/domain/ledger/epoch.ts';
import type { LedgerEvent } from '../../../../src/domain/ledger/events.ts';
import { foldLedger } from '../../../../src/domain/ledger/fold.ts';
import { compareEvents, mergeEvents } from '../../../../src/domain/ledger/merge.ts';
import { arbLedgerEvents, arbStores } from '../../../fixtures/ledger-arbitraries.ts';
import { completed, reset, resetBuilders, submitted } from '../../../fixtures/ledger-builders.ts';

beforeEach(resetBuilders);

const ids = (events: LedgerEvent[]) => events.map((e) => e.id);

describe('mergeEvents worked examples', () => {
  test('union by id, ordered by time then id', () => {
    const a = submitted({ id: 'b', at: '2025-11-03T10:00:00.000Z' });
    const b = completed('x', { id: 'a', at: '2025-11-03T10:00:00.000Z' });
    const c = submitted({ id: 'c', at: '2025-11-03T09:00:00.000Z' });
    expect(ids(mergeEvents([a, c], [b, a]))).toEqual(['c', 'a', 'b']);
  });

  test('orders by instant, whatever offset a time was written with', () => {
    const early = submitted({ id: 'z', at: '2025-11-03T11:30:00+02:00' }); // 09:30Z
    const late = submitted({ id: 'a', at: '2025-11-03T10:00:00Z' });
    expect(ids(mergeEvents([late], [early]))).toEqual(['z', 'a']);
  });

  test('a reset in one store drops the other store’s older events, and older resets', () => {
    const old = [submitted({ id: 'old-1' }), reset(1, { id: 'r1' })];
    const fresh = [reset(2, { id: 'r2', epoch: 1 }), submitted({ id: 'new-1', epoch: 2 })];
    expect(ids(mergeEvents(old, fresh))).toEqual(['r2', 'new-1']);
    expect(ids(mergeEvents(fresh, old))).toEqual(['r2', 'new-1']);
  });

  test('does not change its inputs', () => {
    const a = [completed('x'), submitted()];
    const copy = structuredClone(a);
    mergeEvents(a, []);
    expect(a).toEqual(copy);
  });
});

const canon = (events: LedgerEvent[]) => JSON.stringify(events);

describe('mergeEvents properties', () => {
  test('commutative', () => {
    fc.assert(
      fc.property(arbStores(), ([a, b]) => {
        expect(canon(mergeEvents(a, b))).toBe(canon(mergeEvents(b, a)));
      }),
      { numRuns: 300 },
    );
  });

  test('associative', () => {
    fc.assert(
      fc.property(arbStores(), ([a, b, c]) => {
        expect(canon(mergeEvents(mergeEvents(a, b), c))).toBe(canon(mergeEvents(a, mergeEvents(b, c))));
      }),
      { numRuns: 300 },
    );
  });

  test('idempotent', () => {
    fc.assert(
      fc.property(arbStores(), ([a, b]) => {
        const once = mergeEvents(a, b);
        expect(canon(mergeEvents(once, once))).toBe(canon(once));
        expect(canon(mergeEvents(once, a))).toBe(canon(once));
        expect(canon(mergeEvents(a, a))).toBe(canon(mergeEvents(a, [])));
      }),
      { numRuns: 300 },
    );
  });

  test('the result is in ledger order with unique ids', () => {
    fc.assert(
      fc.property(arbStores(), ([a, b]) => {
        const merged = mergeEvents(a, b);
        expect(new Set(ids(merged)).size).toBe(merged.length);
        for (let i = 1; i < merged.length; i++)
          expect(compareEvents(merged[i - 1]!, merged[i]!)).toBeLessThan(0);
      }),
    );
  });

  test('a reset epoch hides older events whatever the merge order', () => {
    fc.assert(
      fc.property(arbStores(), fc.nat(5), ([a, b, c], order) => {
        const epoch = newestResetEpoch([...a, ...b, ...c]);
        const stores = [a, b, c];
        const [x, y, z] = [stores[order % 3]!, stores[(order + 1) % 3]!, stores[(order + 2) % 3]!];
        const merged = order >= 3 ? mergeEvents(x, mergeEvents(z, y)) : mergeEvents(mergeEvents(x, y), z);
        for (const event of merged) {
          if (event.type === 'ledger.reset') expect(event.newEpoch).toBe(epoch);
          else expect(event.epoch).toBeGreaterThanOrEqual(epoch);
        }
        expect(foldLedger(merged)).toEqual(foldLedger(mergeEvents(mergeEvents(a, b), c)));
      }),
      { numRuns: 300 },
    );
  });

  test('a stale store cannot bring back what a reset deleted', () => {
    fc.assert(
      fc.property(arbLedgerEvents(30, 'old-'), arbLedgerEvents(30, 'new-'), (before, after) => {
        const top = newestResetEpoch(before);
        const stale = before.filter((e) => e.type !== 'ledger.reset');
        const shift = (e: LedgerEvent): LedgerEvent =>
          e.type === 'ledger.reset'
            ? { ...e, epoch: e.epoch + top + 1, newEpoch: e.newEpoch + top + 1 }
            : { ...e, epoch: e.epoch + top + 1 };
        const fresh = [reset(top + 1, { id: 'the-reset', epoch: top }), ...after.map(shift)];
        expect(canon(mergeEvents(stale, fresh))).toBe(canon(mergeEvents(fresh, [])));
        expect(foldLedger(mergeEvents(fresh, stale))).toEqual(foldLedger(mergeEvents(fresh, [])));
      }),
      { numRuns: 200 },
    );
  });
});
