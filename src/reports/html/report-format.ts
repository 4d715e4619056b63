import { type Currency, formatMoney, type Licence, type PoolRule } from '../../domain/index.ts';
import type { GenerationLine, ReportFilters } from './report-data-types.ts';

/** Grouping for counts, as amounts group: `12,345`. */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count for people: `12,345`. */
export const formatCount = (n: number): string => COUNT.format(n);

/** A generation's amount: "No price" when it has none (never $0), "(est.)" when not yet confirmed. */
export function lineAmount(line: GenerationLine, currency: Currency): string {
  if (line.unpriced) return 'No price';
  const money = formatMoney(line.amountMicros, currency);
  return line.estimated ? `${money} (est.)` : money;
}

/**
 * lineAmount for one currency, remembering each amount's text: a log repeats a few prices many
 * times, and formatMoney's exact rounding is the costly part of a row.
 */
export function lineAmounts(currency: Currency): (line: GenerationLine) => string {
  const known = new Map<number, string>();
  return (line) => {
    if (line.unpriced) return 'No price';
    let money = known.get(line.amountMicros);
    if (money === undefined) {
      money = formatMoney(line.amountMicros, currency);
      known.set(line.amountMicros, money);
    }
    return line.estimated ? `${money} (est.)` : money;
  };
}

/** The recorded time of day of an ISO timestamp (`09:41`), in the recorder's own offset. */
export const timeOf = (at: string): string => at.slice(11, 16);

/** `2025-11-03 09:41`: the day and time as recorded. */
export const dayTimeOf = (at: string): string => `${at.slice(0, 10)} ${timeOf(at)}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A short axis label for a YYYY-MM-DD day (`3 Nov`; `3 Nov 2025` with the year), locale-free. */
export function shortDay(day: string, withYear = false): string {
  const [year = '', month = '1', date = '1'] = day.split('-');
  const label = `${Number(date)} ${MONTHS[Number(month) - 1] ?? month}`;
  return withYear ? `${label} ${year}` : label;
}

/** How a pool is split, in words. */
export const METHOD_TEXT: Record<PoolRule['kind'], string> = {
  even: 'split evenly between the projects',
  usage: 'split by each project’s share of usage in the period',
  weights: 'split by set weights per project',
};

/** The licence names as the badge and table show them. */
export const LICENCE_TEXT: Record<Licence, string> = {
  commercial: 'Commercial',
  research: 'Research only',
  private: 'Private',
  unknown: 'Unknown',
};

/** A share as a percentage with one decimal, rounded down so "100%" means every single one. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const tenths = Math.floor((part * 1000) / whole);
  return `${(tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1)}%`;
}

/** The filter in words, for the header: each part named, "All" where it narrows nothing. */
export function filterParts(filters: ReportFilters): { label: string; value: string }[] {
  const tag = (value: string | null) => (value === null ? 'All' : value === '' ? 'Untagged' : value);
  const range =
    filters.from === null && filters.to === null
      ? 'All dates'
      : `${filters.from ?? 'the first cost'} to ${filters.to ?? 'the last cost'}`;
  return [
    { label: 'Client', value: tag(filters.client) },
    { label: 'Project', value: tag(filters.project) },
    { label: 'Deliverable', value: tag(filters.deliverable) },
    { label: 'Dates', value: range },
  ];
}
