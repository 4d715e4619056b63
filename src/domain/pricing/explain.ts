import type { CatalogModel } from './catalog-schema.ts';
import type { Picked } from './pick.ts';

/**
 * Text helpers for the one-line explanation of an estimate. Rates keep their catalog precision
 * ("$0.196/s"); totals are formatted by the UI with formatMoney, never here.
 */

const rateFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A USD list price as written in explanations, e.g. 0.4 → "$0.40", 0.196 → "$0.196". */
export function formatRate(usd: number): string {
  return rateFormat.format(usd);
}

/** A count as written in explanations, e.g. 1234 → "1,234", 250.9056 → "250.91". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** Seconds as written in explanations, e.g. "5 s". */
export function formatSeconds(seconds: number): string {
  return `${formatCount(seconds)} s`;
}

/** Where a catalog price comes from: its source URL and verified-on date ("undated" when fal gives none). */
export function priceRefOf(model: Pick<CatalogModel, 'source' | 'verified_on'>): string {
  return `${model.source} (${model.verified_on === null ? 'undated' : `verified ${model.verified_on}`})`;
}

/** The names of inputs that were assumed at their highest rate, in pick order, without repeats. */
export function assumedNames(picks: readonly Picked<unknown>[]): string[] {
  const names = picks.flatMap((p) => (p.ok && p.assumed !== null ? [p.assumed] : []));
  return [...new Set(names)];
}
