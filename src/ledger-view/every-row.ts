import { MAX_PAGE_ROWS, type SummaryQuery, type ViewRow } from '../contract/index.ts';
import type { LedgerView } from './ledger-view.ts';

/**
 * Every row of a filter, newest first, read page by page by cursor (what an export or a report
 * lists). Synchronous: no append can land between two pages of one reading.
 */
export function* everyRow(view: LedgerView, query: SummaryQuery): Generator<ViewRow> {
  let cursor: string | undefined;
  do {
    const page = view.rows({ ...query, cursor, limit: MAX_PAGE_ROWS });
    yield* page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
