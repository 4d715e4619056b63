import {
  amountIn,
  type BreakdownDimension,
  type BreakdownRow,
  breakdown,
  CURRENCIES,
  type CostFilter,
  type Currency,
  type KnownTags,
  knownTags,
  type LedgerState,
  type ListRow,
  listRows,
  type Totals,
  totals,
} from '../../../domain/index.ts';
import { selectCostFilter, selectCurrency } from '../../../machines/billing/billing.selectors.ts';
import { selectLedgerState } from '../../../machines/persistence/persistence.selectors.ts';
import { usePanelSelector } from '../../actors/panel-context.ts';

/**
 * Memoised reads of the folded ledger for the Billing view. The ledger state (selectLedgerState) and
 * the cost filter (selectCostFilter) keep their identity until they change, so each domain selector
 * runs once per (state, filter) however many components ask: 10,000 rows are sorted once, not per render.
 */

function perState<V>(compute: (state: LedgerState) => V): (state: LedgerState) => V {
  const cache = new WeakMap<LedgerState, V>();
  return (state) => {
    if (!cache.has(state)) cache.set(state, compute(state));
    return cache.get(state) as V;
  };
}

function perFilter<V>(compute: (state: LedgerState, filter: CostFilter) => V) {
  const cache = new WeakMap<LedgerState, WeakMap<CostFilter, V>>();
  return (state: LedgerState, filter: CostFilter): V => {
    let byFilter = cache.get(state);
    if (!byFilter) {
      byFilter = new WeakMap();
      cache.set(state, byFilter);
    }
    if (!byFilter.has(filter)) byFilter.set(filter, compute(state, filter));
    return byFilter.get(filter) as V;
  };
}

/** Rows passing the filter, newest first (domain `listRows`), memoised per (state, filter). */
export const rowsFor: (state: LedgerState, filter: CostFilter) => ListRow[] = perFilter(listRows);

const DIMENSIONS: readonly BreakdownDimension[] = ['client', 'project', 'deliverable', 'model', 'day'];
const byCurrency = <V>(make: (currency: Currency) => V) =>
  Object.fromEntries(CURRENCIES.map((c) => [c, make(c)])) as Record<Currency, V>;

const totalsIn = byCurrency((c) => perFilter((s, f) => totals(s, f, amountIn(c))));

/**
 * Totals of the filtered costs in micro-units of `currency`, each cost converted at the rates stored
 * with it (domain `amountIn`), memoised per (state, filter, currency).
 */
export function totalsFor(state: LedgerState, filter: CostFilter, currency: Currency = 'USD'): Totals {
  return totalsIn[currency](state, filter);
}

const breakdownsIn = byCurrency(
  (c) =>
    Object.fromEntries(
      DIMENSIONS.map((d) => [d, perFilter((s, f) => breakdown(s, d, f, amountIn(c)))]),
    ) as Record<BreakdownDimension, (state: LedgerState, filter: CostFilter) => BreakdownRow[]>,
);

/** Filtered costs grouped by `dimension`, in micro-units of `currency` at stored rates, memoised. */
export function breakdownFor(
  state: LedgerState,
  dimension: BreakdownDimension,
  filter: CostFilter,
  currency: Currency = 'USD',
): BreakdownRow[] {
  return breakdownsIn[currency][dimension](state, filter);
}

/** Every client, project and deliverable in use (domain `knownTags`), memoised per state. */
export const tagsFor: (state: LedgerState) => KnownTags = perState(knownTags);

/** For each generation of a Dual Mode pair, the other generation's model name (by genId). */
export const dualPartnersFor: (state: LedgerState) => ReadonlyMap<string, string> = perState((state) => {
  const groups = new Map<string, { genId: string; model: string }[]>();
  for (const g of Object.values(state.generations)) {
    if (!g.dual) continue;
    const members = groups.get(g.dual.groupId) ?? [];
    members.push({ genId: g.genId, model: g.modelName || g.endpointId });
    groups.set(g.dual.groupId, members);
  }
  const partners = new Map<string, string>();
  for (const members of groups.values()) {
    for (const m of members) {
      const other = members.find((o) => o.genId !== m.genId);
      if (other) partners.set(m.genId, other.model);
    }
  }
  return partners;
});

/** The folded ledger from the persistence actor. */
export function useLedgerState(): LedgerState {
  return usePanelSelector('persistence', selectLedgerState);
}

/** The billing actor's filter, as the domain selectors take it. */
export function useCostFilter(): CostFilter {
  return usePanelSelector('billing', selectCostFilter);
}

/** Filtered rows, newest first. */
export function useBillingRows(): ListRow[] {
  return rowsFor(useLedgerState(), useCostFilter());
}

/** Totals of the filtered costs in micro-units of the display currency (each at its stored rates). */
export function useBillingTotals(): Totals {
  return totalsFor(useLedgerState(), useCostFilter(), usePanelSelector('billing', selectCurrency));
}

/** Filtered costs grouped by `dimension`, in micro-units of the display currency. */
export function useBreakdown(dimension: BreakdownDimension): BreakdownRow[] {
  return breakdownFor(
    useLedgerState(),
    dimension,
    useCostFilter(),
    usePanelSelector('billing', selectCurrency),
  );
}

/** Clients, projects and deliverables in use (unfiltered: the chips offer every project). */
export function useKnownTags(): KnownTags {
  return tagsFor(useLedgerState());
}
