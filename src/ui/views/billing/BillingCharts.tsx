import { BarChart, LineChart } from '@mantine/charts';
import { Box, Stack, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { memo, type ReactNode, useDeferredValue } from 'react';
import {
  axisTicks,
  type BreakdownRow,
  byWeek,
  type Currency,
  formatAxisMoney,
  formatMoney,
} from '../../../domain/index.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { useBillingRows, useBreakdown } from './billing-data.ts';
import { formatDay } from './billing-row-view.ts';

/** Bars shown per breakdown chart; a narrow dock has no room for more. */
const MAX_BARS = 8;

const SERIES = [{ name: 'cost', label: 'Cost', color: 'blue.5' }];

// Recharts animates by default; off, so stories, tests and screenshots see the final drawing at once.
const NO_ANIMATION = { isAnimationActive: false } as const;

// The last money tick is centred on the plot's right edge: room so "$0.03" is not cut to "$0.0".
const BAR_MARGIN = { barChartProps: { margin: { top: 5, right: 24, bottom: 5, left: 5 } } } as const;

interface Point {
  name: string;
  cost: number;
}

/** Ticks per money axis: 4 intervals on the line's tall axis, 3 under the bars (a 320 px dock is narrow). */
const LINE_TICKS = 4;
const BAR_TICKS = 3;

// Charts draw the display micro-units themselves (integers, already at stored rates): the tooltip
// formats them exactly with formatMoney, the axis with formatAxisMoney at its step's precision.
function points(rows: readonly BreakdownRow[], label: (key: string) => string): Point[] {
  return rows.map((r) => ({ name: label(r.key), cost: r.usdMicros }));
}

/**
 * Recharts props of a money axis over `data`: nice ticks (all shown, none dropped), the domain they
 * span, and labels precise enough that two ticks never read the same ("$0.005", not "$0.01" twice).
 */
function moneyAxis(data: readonly Point[], currency: Currency, maxTicks: number) {
  const costs = data.map((p) => p.cost);
  const ticks = axisTicks(Math.min(0, ...costs), Math.max(0, ...costs), maxTicks);
  const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
  return {
    ticks,
    domain: [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0],
    interval: 0,
    tickFormatter: (value: number) => formatAxisMoney(Math.round(value), currency, step),
  } as const;
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
  currency: Currency;
}

/** Horizontal bars, one per group: names stay readable in a 320 px dock (height grows with the bars). */
function Bars({ data, currency }: ChartProps) {
  return (
    <BarChart
      h={40 + data.length * 28}
      data={data}
      dataKey="name"
      series={SERIES}
      orientation="vertical"
      yAxisProps={{ width: 96 }}
      xAxisProps={moneyAxis(data, currency, BAR_TICKS)}
      valueFormatter={(micros) => formatMoney(Math.round(micros), currency)}
      barProps={NO_ANIMATION}
      {...BAR_MARGIN}
    />
  );
}

/** Beyond a quarter of days the line shows weeks: a year reads as 52 labelled points, not 365. */
const MAX_DAY_POINTS = 92;

/** Days, or weeks once there are too many days to draw and label; the title says which. */
function overTime(days: BreakdownRow[]): { title: string; data: Point[] } {
  if (days.length <= MAX_DAY_POINTS) return { title: 'Cost over time', data: points(days, formatDay) };
  return {
    title: 'Cost over time, by week',
    data: points(byWeek(days), (monday) => `Week of ${formatDay(monday)}`),
  };
}

/** Cost per day or week: straight segments with a dot per point, so nothing suggests values between. */
function Days({ data, currency }: ChartProps) {
  return (
    <LineChart
      h={160}
      data={data}
      dataKey="name"
      series={SERIES}
      curveType="linear"
      withDots
      valueFormatter={(micros) => formatMoney(Math.round(micros), currency)}
      yAxisProps={{ width: 72, ...moneyAxis(data, currency, LINE_TICKS) }}
      lineProps={NO_ANIMATION}
    />
  );
}

const NOTHING: BreakdownRow[] = [];

interface ChartsData {
  currency: Currency;
  byDay: BreakdownRow[];
  byModel: BreakdownRow[];
  byDeliverable: BreakdownRow[];
}

// Drawn from deferred data (below): skipped while the rows and totals of a new answer commit.
const Charts = memo(function Charts({ currency, byDay, byModel, byDeliverable }: ChartsData) {
  const time = overTime(byDay);
  return (
    <Stack gap="sm">
      <Figure title={time.title}>
        <Days data={time.data} currency={currency} />
      </Figure>
      <Figure title="Cost by model">
        <Bars data={points(byModel.slice(0, MAX_BARS), (k) => k)} currency={currency} />
      </Figure>
      <Figure title="Cost by deliverable">
        <Bars data={points(byDeliverable.slice(0, MAX_BARS), (k) => k || 'Untagged')} currency={currency} />
      </Figure>
    </Stack>
  );
});

/**
 * Three charts of the filtered costs in the display currency: cost over time (line, by day; by week
 * beyond MAX_DAY_POINTS days), by model
 * and by deliverable (bars, largest first, at most 8). Nothing is drawn when no row matches. Axis
 * ticks are nice steps labelled at their precision; the tooltip shows the exact formatMoney amount.
 * The charts are the costliest drawing of the tab (SVG for a year of days): they follow each answer in
 * a deferred render, so a chip click shows its rows and totals first and the charts a moment later.
 */
export function BillingCharts() {
  const { currency } = useMoney();
  const hasRows = useBillingRows().length > 0;
  // Empty on the tab's first render (`NOTHING`), so opening Billing paints its rows before any chart.
  const current = useBreakdown('day');
  const byDay = useDeferredValue(current, NOTHING);
  const byModel = useDeferredValue(useBreakdown('model'), NOTHING);
  const byDeliverable = useDeferredValue(useBreakdown('deliverable'), NOTHING);
  const deferredCurrency = useDeferredValue(currency);
  const busy = byDay !== current || deferredCurrency !== currency;
  if (!hasRows) return null;
  // aria-busy while the charts still show an earlier answer than the rows (the deferred render is
  // due); on the wrapper, so the memoised charts are not drawn again just to say so.
  return (
    <Box aria-busy={busy}>
      <Charts currency={deferredCurrency} byDay={byDay} byModel={byModel} byDeliverable={byDeliverable} />
    </Box>
  );
}
