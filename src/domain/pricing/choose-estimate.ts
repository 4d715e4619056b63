import dayjs from 'dayjs';
import type { CatalogModel } from './catalog-schema.ts';
import { type EstimateOptions, estimateCost } from './estimate-cost.ts';
import type { Estimate } from './estimate.ts';
import { configKey, learnedEstimate } from './learned.ts';
import type { LearnedRuns } from './learned-samples.ts';

/**
 * The estimate cascade (modelbridge-docs.md §2; the first layer with data wins):
 * 1. the exact catalog formula: tier `estimated` and not an "up to";
 * 2. learned: the median of at least LEARNED_MIN_RUNS (3) metered actuals with the exact same configKey
 *    within LEARNED_WINDOW_DAYS (60) days;
 * 3. fal's unit price (tier `from`);
 * 4. none ("No price").
 * A learned estimate also replaces an `estimated` one that is only an "up to" (an input without a
 * documented default, priced at its highest rate): the user's real runs beat a worst case.
 */
export function chooseEstimate(exact: Estimate, learned: Estimate | null): Estimate {
  if (learned === null || learned.usdMicros === null) return exact;
  if (exact.tier === 'estimated' && !exact.upTo) return exact;
  return learned;
}

/**
 * The form's estimate with the learned layer: estimateCost, then chooseEstimate with the learned
 * estimate of this configuration (none without runs or with an unreadable `now`). Micro-USD, tier kept.
 */
export function estimateWithLearned(
  model: CatalogModel,
  params: Record<string, unknown>,
  options: EstimateOptions = {},
  runs: LearnedRuns | null = null,
): Estimate {
  const exact = estimateCost(model, params, options);
  // Bad input (no samples array, an unreadable `now`) means no learned layer, never a thrown error.
  // (dayjs(undefined) would be the wall clock, so `now` must be a string.)
  if (!Array.isArray(runs?.samples) || runs.samples.length === 0 || typeof runs.now !== 'string')
    return exact;
  const now = dayjs(runs.now);
  if (!now.isValid()) return exact;
  return chooseEstimate(
    exact,
    learnedEstimate(runs.samples, configKey(model, params, options.media), now.toDate()),
  );
}
