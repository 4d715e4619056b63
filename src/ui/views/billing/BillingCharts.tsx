import { BarChart, LineChart } from '@mantine/charts';
import { Box, Stack, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { type BreakdownRow, formatMoney, MICROS_PER_UNIT } from '../../../domain/index.ts';
import type { Money } from '../../hooks/use-money.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { useBillingRows, useBreakdown } from './billing-data.ts';
import { formatDay } from './row-view.ts';

/** Bars shown per breakdown chart; a narrow dock has no room for more. */
const MAX_BARS = 8;

interface Point {
  name: string;
  cost: number;
}

// Charts take plain numbers: micro-USD → display units, for drawing only (totals stay integers).
function points(rows: readonly BreakdownRow[], money: Money, label: (key: string) => string): Point[] {
  return rows.map((r) => ({ name: label(r.key), cost: money.convert(r.usdMicros) / MICROS_PER_UNIT }));
}

function Figure({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box component="figure" aria-labelledby={id} m={0} miw={0}>
      <Text id={id} component="figcaption" size="xs" c="dimmed" mb={4}>
        {title}
      </Text>
      {children}
    </Box>
  );
}

const SERIES = [{ name: 'cost', label: 'Cost', color: 'blue.5' }];
const NO_ANIMATION = { isAnimationActive: false } as const;

/**
 * Three charts of the filtered costs in the display currency: cost over time (line, by day), by model
 * and by deliverable (bars, largest first). Nothing is drawn when no row matches.
 */
export function BillingCharts() {
  const money = useMoney();
  const hasRows = useBillingRows().length > 0;
  const byDay = useBreakdown('day');
  const byModel = useBreakdown('model');
  const byDeliverable = useBreakdown('deliverable');
  if (!hasRows) return null;
  const format = (units: number) => formatMoney(Math.round(units * MICROS_PER_UNIT), money.currency);
  const common = {
    h: 160,
    dataKey: 'name',
    series: SERIES,
    valueFormatter: format,
    withLegend: false,
  } as const;
  return (
    <Stack gap="sm">
      <Figure title="Cost over time">
        <LineChart {...common} data={points(byDay, money, formatDay)} lineProps={NO_ANIMATION} withDots />
      </Figure>
      <Figure title="Cost by model">
        <BarChart
          {...common}
          data={points(byModel.slice(0, MAX_BARS), money, (k) => k)}
          barProps={NO_ANIMATION}
        />
      </Figure>
      <Figure title="Cost by deliverable">
        <BarChart
          {...common}
          data={points(byDeliverable.slice(0, MAX_BARS), money, (k) => k || 'Untagged')}
          barProps={NO_ANIMATION}
        />
      </Figure>
    </Stack>
  );
}
