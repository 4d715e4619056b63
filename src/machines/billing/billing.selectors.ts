import type { SnapshotFrom } from 'xstate';
import type { CostFilter, Currency } from '../../domain/index.ts';
import type { BillingFilter, billingMachine } from './billing.machine.ts';

/** A billing machine snapshot, as `useSelector` passes it. */
export type BillingSnapshot = SnapshotFrom<typeof billingMachine>;

/** How many rows the list may show (4, 14, 24, …); slice the filtered rows to this many. */
export function selectVisibleCount(snapshot: BillingSnapshot): number {
  return snapshot.context.visibleCount;
}

/** The active filter; `null` fields mean "all". Same object until the filter changes (stable for React). */
export function selectFilter(snapshot: BillingSnapshot): BillingFilter {
  return snapshot.context.filter;
}

const costFilters = new WeakMap<BillingFilter, CostFilter>();

/**
 * The filter as `listRows` / `totals` in `src/domain` take it (absent field = any). Memoised on the
 * filter's identity, so a view can pass it to a memoised fold without re-running it.
 */
export function selectCostFilter(snapshot: BillingSnapshot): CostFilter {
  const filter = snapshot.context.filter;
  let cost = costFilters.get(filter);
  if (!cost) {
    cost = {
      ...(filter.client !== null ? { client: filter.client } : {}),
      ...(filter.project !== null ? { project: filter.project } : {}),
    };
    costFilters.set(filter, cost);
  }
  return cost;
}

/** True while a client or project filter is active (the "All" chip is then not selected). */
export function selectIsFiltered(snapshot: BillingSnapshot): boolean {
  const { client, project } = snapshot.context.filter;
  return client !== null || project !== null;
}

/** The active project chip, or null for "All". */
export function selectActiveProject(snapshot: BillingSnapshot): string | null {
  return snapshot.context.filter.project;
}

/** The active client, or null for all clients. */
export function selectActiveClient(snapshot: BillingSnapshot): string | null {
  return snapshot.context.filter.client;
}

/** The display currency every amount in the panel is shown in. */
export function selectCurrency(snapshot: BillingSnapshot): Currency {
  return snapshot.context.currency;
}

/** True when `totalRows` (rows matching the filter) has more than are visible: show "View more". */
export function selectCanViewMore(snapshot: BillingSnapshot, totalRows: number): boolean {
  return totalRows > snapshot.context.visibleCount;
}

/** True when more than the first 4 rows are shown: show "Hide". */
export function selectCanHide(snapshot: BillingSnapshot): boolean {
  return snapshot.matches('expanded');
}

/** The number of rows actually on screen for `totalRows` matching rows (never more than exist). */
export function selectShownCount(snapshot: BillingSnapshot, totalRows: number): number {
  return Math.max(0, Math.min(totalRows, snapshot.context.visibleCount));
}
