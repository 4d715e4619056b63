import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_PAGE_ROWS } from '../../../src/contract/index.ts';
import {
  applyLedgerEvents,
  CURRENCIES,
  type CostFilter,
  emptyLedgerState,
  foldLedger,
  type LedgerEvent,
} from '../../../src/domain/index.ts';
import { createLedgerView } from '../../../src/ledger-view/index.ts';
import { poolDefined, reset, resetBuilders, submitted, tags } from '../../fixtures/ledger-builders.ts';
import { expectRows, expectSummary, fold, viewInPieces } from './oracle.ts';
import { arbFilters, arbViewEvents, arbWideEvents } from './view-arbitraries.ts';

/**
 * The backend's read model answers exactly what the domain's full fold says (the oracle): rows page by
 * page, totals and breakdowns in every currency, and tags, however the journal was appended in pieces
 * and whatever was asked between the appends (kept summaries and pool shares follow each change).
 */

const arbCuts = fc.array(fc.nat(), { maxLength: 5 });
const arbLimit = fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: MAX_PAGE_ROWS }));
const arbCurrency = fc.constantFrom(...CURRENCIES);

describe('ledger view against the domain fold', () => {
  test('rows, paged by any size and appended in any pieces, are the domain’s list', () => {
    fc.assert(
      fc.property(arbViewEvents(60), arbCuts, arbLimit, arbFilters, (events, cuts, limit, filters) => {
        const view = viewInPieces(createLedgerView, events, cuts);
        const state = fold(events);
        for (const filter of filters) expectRows(view, state, filter, limit);
      }),
      { numRuns: 150 },
    );
  });

  test('summaries are the domain’s totals, breakdowns and tags in every currency', () => {
    fc.assert(
      fc.property(arbViewEvents(60), arbCuts, arbFilters, (events, cuts, filters) => {
        const view = viewInPieces(createLedgerView, events, cuts);
        const state = fold(events);
        for (const currency of CURRENCIES) {
          for (const filter of filters) expectSummary(view, state, filter, currency);
        }
      }),
      { numRuns: 120 },
    );
  });

  test('asked between appends, every answer is the fold of the events so far', () => {
    fc.assert(
      fc.property(
        arbViewEvents(50),
        fc.array(fc.nat(), { minLength: 2, maxLength: 8 }),
        arbFilters,
        arbCurrency,
        arbLimit,
        (events, cuts, filters, currency, limit) => {
          viewInPieces(createLedgerView, events, cuts, (view, folded) => {
            const state = fold(folded);
            for (const filter of filters) {
              expectSummary(view, state, filter, currency);
              expectRows(view, state, filter, limit);
            }
          });
        },
      ),
      { numRuns: 120 },
    );
  });

  test('appends that change many items at once give the same answers', () => {
    fc.assert(
      fc.property(
        arbWideEvents(30, 50),
        fc.array(fc.integer({ min: 10, max: 90 }), { minLength: 1, maxLength: 2 }),
        arbFilters,
        arbCurrency,
        (events, percents, filters, currency) => {
          const cuts = percents.map((p) => Math.floor((events.length * p) / 100));
          viewInPieces(createLedgerView, events, cuts, (view, folded) => {
            const state = fold(folded);
            for (const filter of filters) {
              expectSummary(view, state, filter, currency);
              expectRows(view, state, filter, 50);
            }
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  test('events written in an epoch before its reset is in the journal count once the reset is folded', () => {
    resetBuilders();
    const early = submitted({ epoch: 1, tags: tags('Acme', 'Hero Film', '') });
    const old = submitted({ epoch: 0 });
    const pool = poolDefined({ epoch: 1 });
    const view = createLedgerView([old, early, pool]);
    const filters: CostFilter[] = [{}, { client: 'acme' }];
    for (const filter of filters) expectSummary(view, fold([old, early, pool]), filter, 'EUR');
    const events: LedgerEvent[] = [old, early, pool, reset(1)];
    view.append(events.slice(3));
    expect(view.epoch).toBe(1);
    for (const filter of filters) {
      expectSummary(view, fold(events), filter, 'EUR');
      expectRows(view, fold(events), filter, 2);
    }
    expect(view.rows({ currency: 'USD', limit: 10 }).rows.map((r) => r.item.sourceId)).toContain(early.genId);
  });

  test('the version moves with every append that folds anything and names the epoch', () => {
    fc.assert(
      fc.property(arbViewEvents(30), arbCuts, (events, cuts) => {
        const versions: string[] = [];
        viewInPieces(createLedgerView, events, cuts, (view, folded) => {
          expect(view.version).toBe(`${fold(folded).epoch}:${folded.length}`);
          expect(view.epoch).toBe(fold(folded).epoch);
          versions.push(view.version);
        });
        const lengths = new Set(versions.map((v) => v.split(':')[1]));
        expect(new Set(versions).size).toBe(lengths.size);
      }),
      { numRuns: 60 },
    );
  });

  test('createLedgerView reports its progress as it folds', () => {
    const events = fc.sample(arbViewEvents(60), { numRuns: 1, seed: 11 })[0] ?? [];
    const seen: [number, number][] = [];
    createLedgerView(events, { onProgress: (done, total) => seen.push([done, total]) });
    if (events.length > 0) expect(seen.at(-1)).toEqual([events.length, events.length]);
    expect(seen.every(([done, total], i) => total === events.length && done > (seen[i - 1]?.[0] ?? 0))).toBe(
      true,
    );
  });
});

describe('applyLedgerEvents, the fold in place the view is built on', () => {
  test('folds each piece in place as foldLedger folds it onto a copy', () => {
    fc.assert(
      fc.property(arbViewEvents(60), arbCuts, (events, cuts) => {
        const ends = [...cuts.map((c) => c % (events.length + 1)).sort((a, b) => a - b), events.length];
        let inPlace = emptyLedgerState();
        let copied = emptyLedgerState();
        let at = 0;
        for (const end of ends) {
          const piece = events.slice(at, end);
          const newer = piece.some((e) => e.type === 'ledger.reset' && e.newEpoch > inPlace.epoch);
          const next = applyLedgerEvents(inPlace, piece);
          copied = foldLedger(piece, copied);
          // In place unless a newer reset starts over; foldLedger leaves its `from` alone.
          if (!newer) expect(next).toBe(inPlace);
          inPlace = next;
          expect(inPlace).toEqual(copied);
          at = end;
        }
        expect(applyLedgerEvents(emptyLedgerState(), events)).toEqual(foldLedger(events));
      }),
      { numRuns: 100 },
    );
  });
});
