import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { selectCostFilter, selectIsFiltered } from '../../../machines/billing/billing.selectors.ts';
import {
  selectExportProblem,
  selectIsExporting,
  selectSavedExport,
} from '../../../machines/reports/csv-export.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/**
 * "Export CSV": the backend writes the cost CSV of what Billing shows (filter and currency); with a
 * filter set, "Export everything" writes every cost in the same currency.
 */
export function ExportCsvButtons() {
  const csvExport = usePanelActor('csvExport');
  const billing = usePanelActor('billing');
  const busy = usePanelSelector('csvExport', selectIsExporting);
  const filtered = usePanelSelector('billing', selectIsFiltered);
  const exportOf = (scope: 'shown' | 'everything') => {
    const snapshot = billing.getSnapshot();
    const filter = scope === 'shown' ? selectCostFilter(snapshot) : {};
    csvExport.send({ type: 'EXPORT', query: { ...filter, currency: snapshot.context.currency } });
  };
  return (
    <>
      <Button size="xs" variant="default" loading={busy} onClick={() => exportOf('shown')}>
        Export CSV
      </Button>
      {filtered && (
        <Button size="xs" variant="subtle" disabled={busy} onClick={() => exportOf('everything')}>
          Export everything
        </Button>
      )}
    </>
  );
}

/** Where the last export went (a status), or why it failed (an alert) with Try again; one place each. */
export function ExportCsvOutcome() {
  const csvExport = usePanelActor('csvExport');
  const saved = usePanelSelector('csvExport', selectSavedExport);
  const problem = usePanelSelector('csvExport', selectExportProblem);
  const dismiss = (
    <Button size="compact-xs" variant="subtle" onClick={() => csvExport.send({ type: 'DISMISS' })}>
      Dismiss
    </Button>
  );
  if (saved) {
    return (
      <Stack role="status" aria-label="CSV export" gap={2}>
        <Text size="xs">
          Saved {saved.rows} {saved.rows === 1 ? 'row' : 'rows'} to <Code>{saved.path}</Code>
        </Text>
        <Group gap={4}>{dismiss}</Group>
      </Stack>
    );
  }
  if (problem) {
    return (
      <Alert role="alert" color="red" p="xs" title="The CSV was not saved">
        <Text size="xs">{problem}</Text>
        <Group gap={4} mt={4}>
          <Button size="compact-xs" variant="light" onClick={() => csvExport.send({ type: 'RETRY' })}>
            Try again
          </Button>
          {dismiss}
        </Group>
      </Alert>
    );
  }
  return null;
}
