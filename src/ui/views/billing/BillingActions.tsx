import { Group, Stack } from '@mantine/core';
import { ExportCsvButtons, ExportCsvOutcome } from './ExportCsv.tsx';
import { HtmlReportButton, HtmlReportDialog } from './HtmlReport.tsx';
import { ImportExternalCostsButton, ImportExternalCostsDialog } from './ImportExternalCosts.tsx';
import { PoolCostsButton, PoolCostsDialog } from './PoolCosts.tsx';
import { ResetCostHistory } from './ResetCostHistory.tsx';

/** The action bar under the list: CSV export, import, pools, the HTML report and the typed-DELETE reset. */
export function BillingActions() {
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="wrap">
        <ExportCsvButtons />
        <ImportExternalCostsButton />
        <PoolCostsButton />
        <HtmlReportButton />
        <ResetCostHistory />
      </Group>
      <ExportCsvOutcome />
      <ImportExternalCostsDialog />
      <PoolCostsDialog />
      <HtmlReportDialog />
    </Stack>
  );
}
