import { convertMicros } from '../fx.ts';
import { tagKey } from '../tags.ts';
import type { CostItem } from './cost-item.ts';
import type { Currency } from './events.ts';
import { costItems } from './cost-items.ts';
import { type CostFilter, filterItems } from './filters.ts';
import type { LedgerState } from './state.ts';

/** Reads an item's amount: micro-USD, or micro-units of a display currency (see amountIn). */
export type AmountOf = (item: CostItem) => number;

/** The item's amount in integer micro-USD, as stored. */
export const usdAmount: AmountOf = (item) => item.usdMicros;

/**
 * The item's amount in integer micro-units of `currency`, converted with the rates stored with the item
 * (never today's), rounded once per item: a recorded cost shown in EUR or SEK never drifts
 * (ARCHITECTURE.md principle 4). USD is the stored amount itself, and so is a cost recorded in `currency`.
 */
export function amountIn(currency: Currency): AmountOf {
  if (currency === 'USD') return usdAmount;
  // A cost recorded in this very currency is shown as recorded: no USD round trip, no second rounding.
  return (item) =>
    item.native?.currency === currency
      ? item.native.amountMicros
      : convertMicros(item.usdMicros, currency, item.fx);
}

/**
 * Headline figures; combined = internal + external + pool, exactly. Integer micro-USD, or micro-units of
 * the display currency when built with amountIn (the field names keep "Usd" for the default case).
 */
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

/** Totals of nothing: every sum and count 0. */
export function emptyTotals(): Totals {
  return {
    internalUsdMicros: 0,
    externalUsdMicros: 0,
    poolUsdMicros: 0,
    combinedUsdMicros: 0,
    estimatedUsdMicros: 0,
    unpricedCount: 0,
    generationCount: 0,
  };
}

/**
 * Counts one item's `amount` into running totals, in place; `sign` -1 takes it back out, so a read
 * model can follow a changed item without summing everything again.
 */
export function tallyTotals(t: Totals, item: CostItem, amount: number, sign: 1 | -1 = 1): void {
  const signed = sign * amount;
  if (item.kind === 'internal') t.internalUsdMicros += signed;
  else if (item.kind === 'external') t.externalUsdMicros += signed;
  else t.poolUsdMicros += signed;
  t.combinedUsdMicros += signed;
  if (item.estimated) t.estimatedUsdMicros += signed;
  if (item.unpriced) t.unpricedCount += sign;
  if (item.kind === 'internal') t.generationCount += sign;
}

/** Sums filtered cost items into totals (micro-USD unless another amountOf is given). */
export function totalsOf(items: readonly CostItem[], amountOf: AmountOf = usdAmount): Totals {
  const t = emptyTotals();
  for (const item of items) tallyTotals(t, item, amountOf(item));
  return t;
}

/** Internal, external, pool and combined totals of the costs passing `filter` (micro-USD by default). */
export function totals(state: LedgerState, filter?: CostFilter, amountOf: AmountOf = usdAmount): Totals {
  return totalsOf(filterItems(costItems(state), filter), amountOf);
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

/** The group an item falls in: tags case-insensitively (tagKey), the model and the day as written. */
export function breakdownKey(item: CostItem, dimension: BreakdownDimension): string {
  return dimension === 'model' || dimension === 'day' ? item[dimension] : tagKey(item[dimension]);
}

/** Counts one item's `amount` into its group's row, in place; `sign` -1 takes it back out. */
export function tallyGroup(row: BreakdownRow, item: CostItem, amount: number, sign: 1 | -1 = 1): void {
  const signed = sign * amount;
  row.usdMicros += signed;
  if (item.estimated) row.estimatedUsdMicros += signed;
  row.count += sign;
}

/** Sorts breakdown groups in place: days oldest first; the other dimensions largest first, then by key. */
export function orderBreakdown(rows: BreakdownRow[], dimension: BreakdownDimension): BreakdownRow[] {
  const byKey = (a: BreakdownRow, b: BreakdownRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return dimension === 'day'
    ? rows.sort(byKey)
    : rows.sort((a, b) => b.usdMicros - a.usdMicros || byKey(a, b));
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
  amountOf: AmountOf = usdAmount,
): BreakdownRow[] {
  const groups = new Map<string, BreakdownRow>();
  for (const item of filterItems(costItems(state), filter)) {
    const k = breakdownKey(item, dimension);
    const row = groups.get(k) ?? { key: item[dimension], usdMicros: 0, estimatedUsdMicros: 0, count: 0 };
    tallyGroup(row, item, amountOf(item));
    groups.set(k, row);
  }
  return orderBreakdown([...groups.values()], dimension);
}
