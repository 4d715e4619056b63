import type { CatalogModel } from './catalog-schema.ts';
import { asToggle, findParam, maxDurationSeconds, parseDurationSeconds, resolveParam } from './params.ts';
import { imageSizeOf, LARGEST_FLUX_PRESET, type PixelSize } from './sizes.ts';

/**
 * Pickers that read one price-relevant input each. A pick either succeeds, naming the input it had to
 * assume at its highest rate (`assumed`), or fails with a reason a person can act on. Shared by the
 * estimator and by unitPriceUsdMicros so both read inputs the same way.
 */

/** A picked input value; `assumed` names the input taken at its highest rate (no documented default). */
export type Picked<T> = { ok: true; value: T; assumed: string | null } | Failure;
/** Why no price can be given for these inputs. */
export interface Failure {
  ok: false;
  reason: string;
}

/** Converts a USD list price to integer micro-USD (each rate is rounded once, before any multiplication). */
export function toMicros(usd: number): number {
  return Math.round(usd * 1_000_000);
}

/** The failure for a value the formula cannot price. */
export function fail(reason: string): Failure {
  return { ok: false, reason };
}

/** Duration in seconds; an undocumented default picks the longest allowed duration. */
export function pickDuration(model: CatalogModel, params: Record<string, unknown>): Picked<number> {
  const resolved = resolveParam(model, params, 'duration');
  if (resolved.known) {
    const seconds = parseDurationSeconds(resolved.value);
    return seconds === null
      ? fail(`duration ${JSON.stringify(resolved.value)} is not a number of seconds`)
      : { ok: true, value: seconds, assumed: null };
  }
  const longest = maxDurationSeconds(model);
  return longest === null
    ? fail('duration is not set and the catalog gives no longest duration')
    : { ok: true, value: longest, assumed: 'duration' };
}

/**
 * Picks the entry of a rate table keyed by an input's value (case-sensitive, e.g. "768P", "4k"); an
 * undocumented default picks the highest rate.
 */
export function pickKeyed(
  table: Readonly<Record<string, number>>,
  model: CatalogModel,
  params: Record<string, unknown>,
  name: string,
  formulaDefault?: unknown,
): Picked<{ key: string; rate: number }> {
  const resolved = resolveParam(model, params, name, formulaDefault);
  if (resolved.known) {
    const key = String(resolved.value);
    const rate = table[key];
    return rate === undefined
      ? fail(`${name} "${key}" is not priced (priced: ${Object.keys(table).join(', ')})`)
      : { ok: true, value: { key, rate }, assumed: null };
  }
  const [key, rate] = Object.entries(table).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return { ok: true, value: { key, rate }, assumed: name };
}

/** An audio toggle; undocumented means audio on, the higher rate in every catalog formula. */
export function pickAudio(
  model: CatalogModel,
  params: Record<string, unknown>,
  name: string,
  formulaDefault: boolean | null,
): Picked<boolean> {
  const resolved = resolveParam(model, params, name, formulaDefault);
  if (!resolved.known) return { ok: true, value: true, assumed: name };
  const on = asToggle(resolved.value);
  return on === null
    ? fail(`${name} must be true or false, got ${JSON.stringify(resolved.value)}`)
    : { ok: true, value: on, assumed: null };
}

/** How many outputs one request makes; 1 when the formula has no count input (one video per request). */
export function pickCount(
  model: CatalogModel,
  params: Record<string, unknown>,
  name: string | undefined,
): Picked<number> {
  if (name === undefined) return { ok: true, value: 1, assumed: null };
  const resolved = resolveParam(model, params, name);
  if (resolved.known) {
    const n = resolved.value;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1
      ? { ok: true, value: n, assumed: null }
      : fail(`${name} must be a whole number of at least 1, got ${JSON.stringify(n)}`);
  }
  const param = findParam(model, name);
  if (param === undefined) return { ok: true, value: 1, assumed: null };
  return param.max === undefined
    ? fail(`${name} is not set and the catalog gives no maximum`)
    : { ok: true, value: param.max, assumed: name };
}

/** Output image size from `image_size` (preset or {width, height}); undocumented → largest preset. */
export function pickImageSize(model: CatalogModel, params: Record<string, unknown>): Picked<PixelSize> {
  const resolved = resolveParam(model, params, 'image_size');
  if (!resolved.known) return { ok: true, value: LARGEST_FLUX_PRESET, assumed: 'image_size' };
  const size = imageSizeOf(resolved.value);
  return size === null
    ? fail(`image_size ${JSON.stringify(resolved.value)} is neither a known preset nor {width, height}`)
    : { ok: true, value: size, assumed: null };
}
