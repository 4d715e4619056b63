import { BarChart, LineChart } from '@mantine/charts';
import { Box, Stack, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { type BreakdownRow, formatMoney, MICROS_PER_UNIT } from '../../../domain/index.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { useBillingRows, useBreakdown } from './billing-data.ts';
import { formatDay } from './row-view.ts';

/** Bars shown per breakdown chart; a narrow dock has no room for more. */
const MAX_BARS = 8;

const SERIES = [{ name: 'cost', label: 'Cost', color: 'blue.5' }];

// Recharts animates by default; off, so stories, tests and screenshots see the final drawing at once.
const NO_ANIMATION = { isAnimationActive: false } as const;

interface Point {
  name: string;
  cost: number;
}

// Charts take plain numbers: display micro-units (already at stored rates) → units, for drawing only.
function points(rows: readonly BreakdownRow[], label: (key: string) => string): Point[] {
  return rows.map((r) => ({ name: label(r.key), cost: r.usdMicros / MICROS_PER_UNIT }));
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

interface ChartProps {
  data: Point[];
  valueFormatter: (units: number) => string;
}

/** Horizontal bars, one per group: names stay readable in a 320 px dock (height grows with the bars). */
function Bars({ data, valueFormatter }: ChartProps) {
  return (
    <BarChart
      h={40 + data.length * 28}
      data={data}
      dataKey="name"
      series={SERIES}
      orientation="vertical"
      yAxisProps={{ width: 96 }}
      valueFormatter={valueFormatter}
      barProps={NO_ANIMATION}
    />
  );
}

/**
 * Three charts of the filtered costs in the display currency: cost over time (line, by day), by model
 * and by deliverable (bars, largest first, at most 8). Nothing is drawn when no row matches.
 */
export function BillingCharts() {
  const money = useMoney();
  const hasRows = useBillingRows().length > 0;
  const byDay = useBreakdown('day');
  const byModel = useBreakdown('model');
  const byDeliverable = useBreakdown('deliverable');
  if (!hasRows) return null;
  const format = (units: number) => formatMoney(Math.round(units * MICROS_PER_UNIT), money.currency);
  return (
    <Stack gap="sm">
      <Figure title="Cost over time">
        <LineChart
          h={160}
          data={points(byDay, formatDay)}
          dataKey="name"
          series={SERIES}
          valueFormatter={format}
          yAxisProps={{ width: 72 }}
          lineProps={NO_ANIMATION}
        />
      </Figure>
      <Figure title="Cost by model">
        <Bars data={points(byModel.slice(0, MAX_BARS), (k) => k)} valueFormatter={format} />
      </Figure>
      <Figure title="Cost by deliverable">
        <Bars
          data={points(byDeliverable.slice(0, MAX_BARS), (k) => k || 'Untagged')}
          valueFormatter={format}
        />
      </Figure>
    </Stack>
  );
}
