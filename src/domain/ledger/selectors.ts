import { tagKey } from '../tags.ts';
import type { CostItem } from './cost-item.ts';
import { costItems } from './cost-items.ts';
import { type CostFilter, filterItems } from './filters.ts';
import type { LedgerState } from './state.ts';

/** Headline figures in integer micro-USD; combined = internal + external + pool, exactly. */
export interface Totals {
  internalUsdMicros: number;
  externalUsdMicros: number;
  poolUsdMicros: number;
  combinedUsdMicros: number;
  /** The part of combined that is estimates, not confirmed charges ("incl. $0.42 estimated"). */
  estimatedUsdMicros: number;
  /** Generations with neither a price nor an actual (counted as 0 in the sums). */
  unpricedCount: number;
  generationCount: number;
}

/** Sums filtered cost items into totals. */
export function totalsOf(items: readonly CostItem[]): Totals {
  const t: Totals = {
    internalUsdMicros: 0,
    externalUsdMicros: 0,
    poolUsdMicros: 0,
    combinedUsdMicros: 0,
    estimatedUsdMicros: 0,
    unpricedCount: 0,
    generationCount: 0,
  };
  for (const item of items) {
    if (item.kind === 'internal') t.internalUsdMicros += item.usdMicros;
    else if (item.kind === 'external') t.externalUsdMicros += item.usdMicros;
    else t.poolUsdMicros += item.usdMicros;
    t.combinedUsdMicros += item.usdMicros;
    if (item.estimated) t.estimatedUsdMicros += item.usdMicros;
    if (item.unpriced) t.unpricedCount += 1;
    if (item.kind === 'internal') t.generationCount += 1;
  }
  return t;
}

/** Internal, external, pool and combined totals of the costs passing `filter`. */
export function totals(state: LedgerState, filter?: CostFilter): Totals {
  return totalsOf(filterItems(costItems(state), filter));
}

/** What a breakdown groups by; `day` is the item's calendar day (YYYY-MM-DD). */
export type BreakdownDimension = 'client' | 'project' | 'deliverable' | 'model' | 'day';

/** One group of a breakdown; `key` '' is untagged (the UI shows "Untagged"). */
export interface BreakdownRow {
  key: string;
  usdMicros: number;
  /** The estimated part of usdMicros. */
  estimatedUsdMicros: number;
  /** Number of cost items in the group (generations, external rows, pool shares). */
  count: number;
}

function groupKey(item: CostItem, dimension: BreakdownDimension): string {
  return dimension === 'model' || dimension === 'day' ? item[dimension] : tagKey(item[dimension]);
}

/**
 * Costs passing `filter` grouped by `dimension`; the groups sum exactly to totals().combinedUsdMicros.
 * Tags group case-insensitively under the first spelling seen. Days sort oldest first; the other
 * dimensions by amount, largest first, then by key.
 */
export function breakdown(
  state: LedgerState,
  dimension: BreakdownDimension,
  filter?: CostFilter,
): BreakdownRow[] {
  const groups = new Map<string, BreakdownRow>();
  for (const item of filterItems(costItems(state), filter)) {
    const k = groupKey(item, dimension);
    const row = groups.get(k) ?? { key: item[dimension], usdMicros: 0, estimatedUsdMicros: 0, count: 0 };
    row.usdMicros += item.usdMicros;
    if (item.estimated) row.estimatedUsdMicros += item.usdMicros;
    row.count += 1;
    groups.set(k, row);
  }
  const byKey = (a: BreakdownRow, b: BreakdownRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const rows = [...groups.values()];
  return dimension === 'day'
    ? rows.sort(byKey)
    : rows.sort((a, b) => b.usdMicros - a.usdMicros || byKey(a, b));
}
