import type { RowsQuery, RowsResponse, SummaryQuery, SummaryResponse } from '../../contract/index.ts';
import type { Currency } from '../../domain/index.ts';

/**
 * What the Billing view asks the backend's read model (src/ledger-view over `/api/ledger/rows` and
 * `/summary`): the panel never holds or folds the journal. Failures follow persistence's shape
 * (`retryable: false` when asking again cannot help; see isRetryableFailure).
 */
export interface LedgerQueryPort {
  rows(query: RowsQuery): Promise<RowsResponse>;
  summary(query: SummaryQuery): Promise<SummaryResponse>;
}

/** What the unfiltered Billing tab showed last, per currency: drawn at once, marked stale until the backend answers. */
export interface FirstScreen {
  summary: SummaryResponse;
  rows: RowsResponse;
}

/** The browser cache of first screens (localforage). A failure only costs the instant first paint. */
export interface FirstScreenPort {
  load(currency: Currency): Promise<FirstScreen | null>;
  save(currency: Currency, screen: FirstScreen): Promise<void>;
}
