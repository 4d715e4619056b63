import { Stack } from '@mantine/core';
import { BillingActions } from './BillingActions.tsx';
import { BillingCharts } from './BillingCharts.tsx';
import { BillingDataStatus } from './BillingDataStatus.tsx';
import { BillingFilters } from './BillingFilters.tsx';
import { BillingRows } from './BillingRows.tsx';
import { ProjectChips } from './ProjectChips.tsx';
import { KpiStrip, TotalsHeader } from './TotalsHeader.tsx';

/**
 * The Billing tab: running total and KPI strip, currency and client filter, project chips, the cost
 * history (4 rows, View more / Hide), charts and the action bar with the typed-DELETE reset. Figures come
 * from the billing query actor (the backend's read model), marked while not yet fresh; works from 320 px.
 */
export function BillingView() {
  return (
    <Stack gap="sm" miw={0} maw="100%" aria-label="Billing" component="section">
      <TotalsHeader />
      <BillingDataStatus />
      <KpiStrip />
      <BillingFilters />
      <ProjectChips />
      <BillingRows />
      <BillingCharts />
      <BillingActions />
    </Stack>
  );
}
