import { expect } from 'vitest';
import { MAX_PAGE_ROWS, type ViewRow } from '../../../src/contract/index.ts';
import {
  amountIn,
  breakdown,
  type CostFilter,
  type Currency,
  foldLedger,
  knownTags,
  type LedgerEvent,
  type LedgerState,
  listRows,
  totals,
} from '../../../src/domain/index.ts';
import type { LedgerView } from '../../../src/ledger-view/index.ts';

/**
 * The oracles: what the domain says over a full fold of the same events (listRows, totals, breakdown,
 * knownTags), and the Billing view's old Dual Mode rule written out plainly.
 */

/** Every row of a filter, following cursors with pages of `limit`. */
export function allPages(view: LedgerView, filter: CostFilter, limit: number): ViewRow[] {
  const out: ViewRow[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100_000; guard += 1) {
    const page = view.rows({ ...filter, currency: 'USD', limit, ...(cursor ? { cursor } : {}) });
    expect(page.rows.length).toBeLessThanOrEqual(Math.min(limit, MAX_PAGE_ROWS));
    out.push(...page.rows);
    if (page.nextCursor === null) return out;
    cursor = page.nextCursor;
  }
  throw new Error('the cursor never ended');
}

/** For each generation, the model of the first other one of its Dual Mode group in ledger order. */
export function partnersOf(state: LedgerState): Map<string, string | null> {
  const gens = Object.values(state.generations);
  const out = new Map<string, string | null>();
  for (const g of gens) {
    const other = g.dual
      ? gens.find((o) => o.genId !== g.genId && o.dual?.groupId === g.dual?.groupId)
      : undefined;
    out.set(g.genId, other ? other.modelName || other.endpointId : null);
  }
  return out;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The view's rows of `filter`, paged by `limit`, are the domain's list with the Dual Mode partners. */
export function expectRows(view: LedgerView, state: LedgerState, filter: CostFilter, limit: number): void {
  const expected = listRows(state, filter);
  const rows = allPages(view, filter, limit);
  expect(rows.map(({ dualPartner: _, ...row }) => plain(row))).toEqual(plain(expected));
  const partners = partnersOf(state);
  for (const row of rows) {
    const want = row.kind === 'internal' ? partners.get(row.generation.genId) : null;
    expect(row.dualPartner).toBe(want);
  }
  expect(view.rows({ ...filter, currency: 'USD', limit }).matching).toBe(expected.length);
}

/** The view's summary of `filter` in `currency` is the domain's totals, breakdowns and tags. */
export function expectSummary(
  view: LedgerView,
  state: LedgerState,
  filter: CostFilter,
  currency: Currency,
): void {
  const summary = view.summary({ ...filter, currency });
  const amountOf = amountIn(currency);
  expect(summary.currency).toBe(currency);
  expect(summary.totals).toEqual(totals(state, filter, amountOf));
  for (const dimension of ['client', 'project', 'deliverable', 'model', 'day'] as const) {
    expect(summary.breakdowns[dimension], dimension).toEqual(breakdown(state, dimension, filter, amountOf));
  }
  expect(summary.tags).toEqual(knownTags(state));
  expect(summary.version).toBe(view.version);
}

/** The view built from `events` split at `cuts` (one append per piece, empty pieces included). */
export function viewInPieces(
  create: (events: readonly LedgerEvent[]) => LedgerView,
  events: readonly LedgerEvent[],
  cuts: readonly number[],
  between?: (view: LedgerView, folded: readonly LedgerEvent[]) => void,
): LedgerView {
  const ends = [...cuts.map((c) => c % (events.length + 1)).sort((a, b) => a - b), events.length];
  const view = create(events.slice(0, ends[0]));
  let at = ends[0] ?? 0;
  between?.(view, events.slice(0, at));
  for (const end of ends.slice(1)) {
    view.append(events.slice(at, end));
    at = end;
    between?.(view, events.slice(0, at));
  }
  return view;
}

/** The full fold of the events, as the oracle sees them. */
export const fold = (events: readonly LedgerEvent[]): LedgerState => foldLedger(events);
