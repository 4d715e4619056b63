import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isLiveIn } from '../../../src/domain/ledger/epoch.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import { JournalConflictError } from '../../../src/persistence/errors.ts';
import { planBatch, sameEvent } from '../../../src/persistence/journal-batch.ts';
import { arbLedgerEvents } from '../../fixtures/ledger-arbitraries.ts';

/**
 * What an append may acknowledge (issue 10): every id of a batch is written, already stored with the same
 * content, or superseded by a reset; a known id with other content refuses the whole batch. Generated
 * histories split into what is stored and a batch that repeats, changes and adds events.
 */

type Stored = Map<string, LedgerEvent | 'gone'>;

const arbCase = fc
  .record({
    history: arbLedgerEvents(30, 'h'),
    storedShare: fc.integer({ min: 0, max: 100 }),
    changed: fc.boolean(),
    epoch: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ history, storedShare, changed, epoch }) => {
    const cut = Math.floor((history.length * storedShare) / 100);
    const stored: Stored = new Map(history.slice(0, cut).map((e) => [e.id, e]));
    const batch = history.slice(Math.max(0, cut - 3));
    // One repeated event comes back with other content: the batch must then be refused whole.
    if (changed && cut > 0 && batch.length > 0 && stored.has(batch[0]!.id)) {
      batch[0] = { ...batch[0]!, at: '2099-01-01T00:00:00.000Z' } as LedgerEvent;
    }
    return { stored, batch, epoch };
  });

const lookup = (stored: Stored) => (id: string) => stored.get(id);

describe('planBatch', () => {
  test('every id is written, already there with the same content, or superseded; else the batch is refused', () => {
    fc.assert(
      fc.property(arbCase, ({ stored, batch, epoch }) => {
        let plan: ReturnType<typeof planBatch>;
        try {
          plan = planBatch(batch, lookup(stored), epoch);
        } catch (error) {
          expect(error).toBeInstanceOf(JournalConflictError);
          // A refusal names only ids whose stored content differs.
          for (const id of (error as JournalConflictError).ids) {
            const known = stored.get(id);
            const sent = batch.find((e) => e.id === id)!;
            expect(known === 'gone' || (known !== undefined && !sameEvent(known, sent))).toBe(true);
          }
          return;
        }
        const written = new Set(plan.fresh.map((e) => e.id));
        const superseded = new Set(plan.superseded);
        for (const event of batch) {
          const known = stored.get(event.id);
          const same = known !== undefined && known !== 'gone' && sameEvent(known, event);
          expect(written.has(event.id) || same || superseded.has(event.id)).toBe(true);
          expect(written.has(event.id) && superseded.has(event.id)).toBe(false);
        }
        for (const event of plan.fresh) expect(stored.has(event.id)).toBe(false);
        // Nothing written is from before the epoch in force after the batch.
        const after = Math.max(
          epoch,
          ...plan.fresh
            .filter((e) => e.type === 'ledger.reset')
            .map((e) => (e as { newEpoch: number }).newEpoch),
        );
        for (const event of plan.fresh) expect(isLiveIn(event, after)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('the same content in another key order is the same fact', () => {
    fc.assert(
      fc.property(arbLedgerEvents(10, 'k'), (events) => {
        for (const event of events) {
          const reordered = Object.fromEntries(Object.entries(event).reverse()) as LedgerEvent;
          expect(sameEvent(event, reordered)).toBe(true);
          expect(planBatch([reordered], (id) => (id === event.id ? event : undefined), 0).fresh).toEqual([]);
        }
      }),
    );
  });
});
