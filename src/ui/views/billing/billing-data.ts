import type { ViewRow } from '../../../contract/index.ts';
import type { BreakdownDimension, BreakdownRow, KnownTags, Totals } from '../../../domain/index.ts';
import {
  selectBreakdown,
  selectIsStale,
  selectKnownTags,
  selectMatching,
  selectRows,
  selectTotals,
} from '../../../machines/billing/billing-query.selectors.ts';
import { usePanelSelector } from '../../actors/panel-context.ts';

/**
 * The Billing view's data, as the billing query actor holds it: the backend's read model answered it
 * (src/ledger-view), the panel folds nothing. Each hook re-renders only when its part changes.
 */

/** Rows fetched for the filter so far, newest first (the list shows the billing machine's count). */
export function useBillingRows(): ViewRow[] {
  return usePanelSelector('billingQuery', selectRows);
}

/** How many rows match the filter in all. */
export function useBillingMatching(): number {
  return usePanelSelector('billingQuery', selectMatching);
}

/** Totals of the filtered costs in micro-units of the display currency (each at its stored rates). */
export function useBillingTotals(): Totals {
  return usePanelSelector('billingQuery', selectTotals);
}

/** Filtered costs grouped by `dimension`, in micro-units of the display currency. */
export function useBreakdown(dimension: BreakdownDimension): BreakdownRow[] {
  return usePanelSelector('billingQuery', (s) => selectBreakdown(s, dimension));
}

/** Clients, projects and deliverables in use (unfiltered: the chips offer every project). */
export function useKnownTags(): KnownTags {
  return usePanelSelector('billingQuery', selectKnownTags);
}

/** True while what is shown is not yet the backend's answer (the cached first screen, a filter on its way). */
export function useBillingStale(): boolean {
  return usePanelSelector('billingQuery', selectIsStale);
}
