import { z } from 'zod';
import type {
  BreakdownDimension,
  BreakdownRow,
  KnownTags,
  LearnedSample,
  LedgerEvent,
  ListRow,
  Totals,
} from '../domain/index.ts';
import { CURRENCIES, costFilterSchema, type Currency } from '../domain/index.ts';

/**
 * The ledger's read model over HTTP (`/api/ledger/rows`, `/summary`, `/working-set`): the backend folds
 * the journal once and answers what a view asks for, so the panel never downloads or folds the journal.
 */

/** Most rows one `GET /api/ledger/rows` returns. */
export const MAX_PAGE_ROWS = 200;

/** Rows a page has when the request names no limit (the Billing list's first 4). */
export const DEFAULT_PAGE_ROWS = 4;

const currencyParam = z.enum(CURRENCIES as [Currency, ...Currency[]]).default('USD');

/** Query of `GET /api/ledger/summary`: a cost filter and the display currency. */
export const summaryQuerySchema = costFilterSchema.extend({ currency: currencyParam }).strict();
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

/** Query of `GET /api/ledger/rows`: filter, currency, the cursor of the previous page and a page size. */
export const rowsQuerySchema = summaryQuerySchema
  .extend({
    cursor: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_ROWS).default(DEFAULT_PAGE_ROWS),
  })
  .strict();
export type RowsQuery = z.infer<typeof rowsQuerySchema>;

/** One Billing row: the cost item, its record, and the other model of its Dual Mode pair. */
export type ViewRow = ListRow & { dualPartner: string | null };

/** Body of `GET /api/ledger/rows`: newest first; `nextCursor` null on the last page. */
export interface RowsResponse {
  rows: ViewRow[];
  nextCursor: string | null;
  /** Rows matching the filter in all (so the list knows whether "View more" has more). */
  matching: number;
  /** Changes whenever the ledger does: `<epoch>:<events folded>`. */
  version: string;
}

/** Body of `GET /api/ledger/summary`: totals and breakdowns in `currency` (each cost at its own rates). */
export interface SummaryResponse {
  currency: Currency;
  totals: Totals;
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
  /** Every client, project and deliverable in use (unfiltered): chips and tag suggestions. */
  tags: KnownTags;
  version: string;
}

/**
 * Body of `GET /api/ledger/working-set`: what the panel's machines need, not the history: the events of
 * generations still open (settlement's queue), the newest reset, the epoch, and the metered runs of the
 * learned-estimate window.
 */
export interface WorkingSetResponse {
  epoch: number;
  events: LedgerEvent[];
  learned: LearnedSample[];
  version: string;
}

/** Where the backend is in loading the journal at start (`GET /api/health` and 503 `LEDGER_LOADING`). */
export interface LedgerLoadProgress {
  phase: 'reading' | 'folding' | 'ready';
  /** Events folded so far and in all (0 of 0 while reading). */
  done: number;
  total: number;
}
