import dayjs from 'dayjs';
import { type BreakdownRow, orderBreakdown } from './selectors.ts';

/** The Monday (YYYY-MM-DD) of the week a calendar day falls in. */
export function weekOf(day: string): string {
  const date = dayjs(day);
  return date.subtract((date.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/**
 * A day breakdown summed by week (keyed by the week's Monday), oldest first: a year of days is 52
 * points a chart can label and draw, not 365. Exact: integer sums of the days' figures.
 */
export function byWeek(days: readonly BreakdownRow[]): BreakdownRow[] {
  const weeks = new Map<string, BreakdownRow>();
  for (const row of days) {
    const key = weekOf(row.key);
    const week = weeks.get(key) ?? { key, usdMicros: 0, estimatedUsdMicros: 0, count: 0 };
    week.usdMicros += row.usdMicros;
    week.estimatedUsdMicros += row.estimatedUsdMicros;
    week.count += row.count;
    weeks.set(key, week);
  }
  return orderBreakdown([...weeks.values()], 'day');
}
