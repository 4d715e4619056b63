import type { BreakdownRow } from '../../domain/index.ts';

/** Bars a breakdown chart draws before the rest are summed into one "more" bar. */
export const MAX_BARS = 12;

/** One bar: its label, its amount (display micro-units) and how many costs it sums. */
export interface BarDatum {
  label: string;
  amountMicros: number;
  count: number;
}

/**
 * The bars of a breakdown (already largest first): the first MAX_BARS, then one bar summing the rest,
 * so the chart still adds up to the total exactly (integer sums).
 */
export function barsOf(rows: readonly BreakdownRow[], label: (key: string) => string): BarDatum[] {
  const shown = rows
    .slice(0, MAX_BARS)
    .map((row) => ({ label: label(row.key), amountMicros: row.usdMicros, count: row.count }));
  const rest = rows.slice(MAX_BARS);
  if (rest.length === 0) return shown;
  const other = { label: `${rest.length} more`, amountMicros: 0, count: 0 };
  for (const row of rest) {
    other.amountMicros += row.usdMicros;
    other.count += row.count;
  }
  return [...shown, other];
}

/** A label cut to `max` characters with an ellipsis (the full text stays in the bar's SVG title). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
