import {
  type BreakdownDimension,
  type BreakdownRow,
  breakdown,
  type CostFilter,
  type KnownTags,
  knownTags,
  type LedgerState,
  type ListRow,
  listRows,
  type Totals,
  totals,
} from '../../../domain/index.ts';
import { selectCostFilter } from '../../../machines/billing.selectors.ts';
import { selectLedgerState } from '../../../machines/persistence.selectors.ts';
import { BillingActorContext } from '../../actors/billing-context.ts';
import { PersistenceActorContext } from '../../actors/persistence-context.ts';

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

/** Totals of the filtered costs in micro-USD (domain `totals`), memoised per (state, filter). */
export const totalsFor: (state: LedgerState, filter: CostFilter) => Totals = perFilter(totals);

const breakdowns: Record<BreakdownDimension, (state: LedgerState, filter: CostFilter) => BreakdownRow[]> = {
  client: perFilter((s, f) => breakdown(s, 'client', f)),
  project: perFilter((s, f) => breakdown(s, 'project', f)),
  deliverable: perFilter((s, f) => breakdown(s, 'deliverable', f)),
  model: perFilter((s, f) => breakdown(s, 'model', f)),
  day: perFilter((s, f) => breakdown(s, 'day', f)),
};

/** Filtered costs grouped by `dimension` (domain `breakdown`), memoised per (state, filter). */
export function breakdownFor(
  state: LedgerState,
  dimension: BreakdownDimension,
  filter: CostFilter,
): BreakdownRow[] {
  return breakdowns[dimension](state, filter);
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
  return PersistenceActorContext.useSelector(selectLedgerState);
}

/** The billing actor's filter, as the domain selectors take it. */
export function useCostFilter(): CostFilter {
  return BillingActorContext.useSelector(selectCostFilter);
}

/** Filtered rows, newest first. */
export function useBillingRows(): ListRow[] {
  return rowsFor(useLedgerState(), useCostFilter());
}

/** Totals of the filtered costs (micro-USD). */
export function useBillingTotals(): Totals {
  return totalsFor(useLedgerState(), useCostFilter());
}

/** Filtered costs grouped by `dimension`. */
export function useBreakdown(dimension: BreakdownDimension): BreakdownRow[] {
  return breakdownFor(useLedgerState(), dimension, useCostFilter());
}

/** Clients, projects and deliverables in use (unfiltered: the chips offer every project). */
export function useKnownTags(): KnownTags {
  return tagsFor(useLedgerState());
}
