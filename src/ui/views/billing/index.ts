/** The Billing view and its parts (each reads the billing, persistence and reset actor contexts). */
export { BillingActions } from './BillingActions.tsx';
export { BillingCharts } from './BillingCharts.tsx';
export { BillingFilters, ClientFilter, CurrencySelect } from './BillingFilters.tsx';
export { BillingRow } from './BillingRow.tsx';
export type { BillingRowProps } from './BillingRow.tsx';
export { BillingRows } from './BillingRows.tsx';
export { BillingView } from './BillingView.tsx';
export { ProjectChips } from './ProjectChips.tsx';
export { ResetCostHistory } from './ResetCostHistory.tsx';
export { KpiStrip, TotalsHeader } from './TotalsHeader.tsx';
export {
  breakdownFor,
  dualPartnersFor,
  rowsFor,
  tagsFor,
  totalsFor,
  useBillingRows,
  useBillingTotals,
  useBreakdown,
  useCostFilter,
  useKnownTags,
  useLedgerState,
} from './billing-data.ts';
export {
  formatDay,
  formatDuration,
  formatTimestamp,
  type RowMarker,
  rowMarkers,
  tagLine,
} from './billing-row-view.ts';
