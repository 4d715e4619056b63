import { Button, Group, Stack, Tooltip, VisuallyHidden } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { ExportCsvButtons, ExportCsvOutcome } from './ExportCsv.tsx';
import { ImportExternalCostsButton, ImportExternalCostsDialog } from './ImportExternalCosts.tsx';
import { PoolCostsButton, PoolCostsDialog } from './PoolCosts.tsx';
import { ResetCostHistory } from './ResetCostHistory.tsx';

/** Report actions still to come (issue 13); each is shown disabled with a reason. */
const COMING = ['HTML report'] as const;

const REASON = 'Coming with reports';

function ComingButton({ label }: { label: string }) {
  const reasonId = useId();
  // A disabled button fires no mouse events: the span carries the tooltip; the hidden text gives
  // keyboard and screen-reader users the same reason.
  return (
    <Tooltip label={REASON} withArrow>
      <span>
        <Button size="xs" variant="default" disabled aria-describedby={reasonId}>
          {label}
        </Button>
        <VisuallyHidden id={reasonId}>{REASON}</VisuallyHidden>
      </span>
    </Tooltip>
  );
}

/** The action bar under the list: CSV export, import, pools, report (to come) and the typed-DELETE reset. */
export function BillingActions() {
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="wrap">
        <ExportCsvButtons />
        <ImportExternalCostsButton />
        <PoolCostsButton />
        {COMING.map((label) => (
          <ComingButton key={label} label={label} />
        ))}
        <ResetCostHistory />
      </Group>
      <ExportCsvOutcome />
      <ImportExternalCostsDialog />
      <PoolCostsDialog />
    </Stack>
  );
}
