import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { MoneyKpi } from '../../components/MoneyKpi/MoneyKpi.tsx';
import { useMoney } from '../../hooks/use-money.ts';
import { useBillingTotals } from './billing-data.ts';

// Totals arrive in the display currency already, each cost converted at its own stored rates.

/**
 * The running total of the filtered costs (actual when settled, else the estimate), with its
 * estimated part ("incl. $0.42 estimated") and how many generations have no price ("2 without price").
 */
export function TotalsHeader() {
  const totals = useBillingTotals();
  const money = useMoney();
  const labelId = useId();
  const count = totals.generationCount;
  return (
    <Paper role="group" aria-labelledby={labelId} p="xs" withBorder>
      <Group justify="space-between" align="baseline" gap={4}>
        <Text id={labelId} size="xs" c="dimmed">
          Running total
        </Text>
        <Text size="xs" c="dimmed">
          {count} {count === 1 ? 'generation' : 'generations'}
        </Text>
      </Group>
      <Text fz="xl" fw={700} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {money.formatDisplay(totals.combinedUsdMicros)}
      </Text>
      {totals.estimatedUsdMicros !== 0 && (
        <Text size="xs" c="blue.4">
          incl. {money.formatDisplay(totals.estimatedUsdMicros)} estimated
        </Text>
      )}
      {totals.unpricedCount > 0 && (
        <Text size="xs" c="gray.5">
          {totals.unpricedCount} without price
        </Text>
      )}
    </Paper>
  );
}

/** The KPI strip: Internal, External, Pool and Combined, in the display currency; 2 or 4 per line. */
export function KpiStrip() {
  const totals = useBillingTotals();
  const money = useMoney();
  const kpis = [
    { label: 'Internal', amount: totals.internalUsdMicros },
    { label: 'External', amount: totals.externalUsdMicros },
    { label: 'Pool', amount: totals.poolUsdMicros },
    { label: 'Combined', amount: totals.combinedUsdMicros },
  ];
  return (
    <SimpleGrid minColWidth={128} autoFlow="auto-fit" spacing={6} role="group" aria-label="Cost totals">
      {kpis.map((k) => (
        <MoneyKpi key={k.label} label={k.label} amountMicros={k.amount} currency={money.currency} />
      ))}
    </SimpleGrid>
  );
}
