import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareRowKeys, listRows, rowSortKey } from '../../../src/domain/index.ts';
import { decodeCursor, encodeCursor } from '../../../src/ledger-view/cursor.ts';
import { createLedgerView, isLedgerCursorError, LedgerCursorError } from '../../../src/ledger-view/index.ts';
import { fold } from './oracle.ts';
import { arbViewEvents } from './view-arbitraries.ts';

/**
 * A cursor names the last row a page showed, not a position: pages continue strictly after it however
 * many rows arrived in between, and a cursor the view did not give out is refused, never obeyed.
 */

/** What `rows` does with a cursor: its rows' ids, or the error it threw. */
function attempt(run: () => { rows: { item: { id: string } }[] }): string[] | unknown {
  try {
    return run().rows.map((row) => row.item.id);
  } catch (error) {
    return error;
  }
}

describe('row cursors', () => {
  test('the next page starts right after the last row shown, even after appends', () => {
    fc.assert(
      fc.property(
        arbViewEvents(60),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (events, cut, first, second) => {
          const at = cut % (events.length + 1);
          const view = createLedgerView(events.slice(0, at));
          const page = view.rows({ currency: 'USD', limit: first });
          view.append(events.slice(at));
          const last = page.rows.at(-1);
          if (!page.nextCursor || !last) return;
          const next = view.rows({ currency: 'USD', limit: second, cursor: page.nextCursor });
          const after = listRows(fold(events)).filter(
            (row) => compareRowKeys(rowSortKey(row.item), rowSortKey(last.item)) > 0,
          );
          expect(next.rows.map((r) => r.item.id)).toEqual(after.slice(0, second).map((r) => r.item.id));
          expect(next.nextCursor === null).toBe(after.length <= second);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a cursor is the sort key it names, round trip', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), fc.string(), (day, ms, id) => {
        expect(decodeCursor(encodeCursor({ day, ms, id }))).toEqual({ day, ms, id });
      }),
    );
  });

  test('a garbled cursor is a LedgerCursorError, never another error', () => {
    const view = createLedgerView(fc.sample(arbViewEvents(40), { numRuns: 1, seed: 5 })[0] ?? []);
    const rows = (cursor: string) => () => view.rows({ currency: 'USD', limit: 3, cursor });
    const garbled = [
      'x',
      '%%%',
      'WzEsMiwzXQ',
      btoa('{"a":1}'),
      btoa('["2025-01-01","NaN","id"]'),
      btoa('["2025-01-01",1e400,"id"]'),
      btoa('["2025-01-01",1,"id",4]'),
      btoa('{"__proto__":{"polluted":1}}'),
      btoa('["2025-01-01",1,{"toString":1}]'),
    ];
    for (const cursor of garbled) expect(isLedgerCursorError(attempt(rows(cursor))), cursor).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.string({ unit: 'binary' })), (cursor) => {
        const result = attempt(rows(cursor));
        expect(Array.isArray(result) || result instanceof LedgerCursorError).toBe(true);
      }),
    );
  });
});
