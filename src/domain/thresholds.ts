import { z } from 'zod';
import type { EstimateTier } from './ledger/events.ts';
import type { Estimate } from './pricing/estimate.ts';

/**
 * Cost-confirmation thresholds. They compare micro-USD (fal bills in USD), whatever the display
 * currency (ARCHITECTURE.md § Ledger, thresholds).
 */

/** Threshold settings as stored in Settings; amounts in micro-USD. */
export const thresholdSettingsSchema = z.object({
  singleUsdMicros: z.number().int().nonnegative(),
  dualUsdMicros: z.number().int().nonnegative(),
  confirmUnpriced: z.boolean(),
});
/** When a generation asks for confirmation before it runs; amounts in micro-USD. */
export type ThresholdSettings = z.infer<typeof thresholdSettingsSchema>;

/** Defaults from the spec: single model over $5.00, Dual Mode combined over $8.00, ask when unpriced. */
export const DEFAULT_THRESHOLDS: ThresholdSettings = Object.freeze({
  singleUsdMicros: 5_000_000,
  dualUsdMicros: 8_000_000,
  confirmUnpriced: true,
});

/**
 * True when the estimate must be confirmed: strictly above the mode's threshold (exactly $5.00 does not
 * ask, seed-cost-tracking.txt "exceeds $5.00"), or unknown (null) while `confirmUnpriced` is on.
 * A `from` estimate is a minimum and is compared as it is.
 */
export function needsConfirmation(
  estimate: Pick<Estimate, 'usdMicros'>,
  mode: 'single' | 'dual',
  settings: ThresholdSettings = DEFAULT_THRESHOLDS,
): boolean {
  if (estimate.usdMicros === null) return settings.confirmUnpriced;
  const threshold = mode === 'single' ? settings.singleUsdMicros : settings.dualUsdMicros;
  return estimate.usdMicros > threshold;
}

// Strongest first: an exact formula beats a learned median, which beats a minimum, which beats nothing.
const TIER_STRENGTH: readonly EstimateTier[] = ['estimated', 'learned', 'from', 'none'];

/** The less trustworthy of two tiers (estimated > learned > from > none). */
export function weakestTier(a: EstimateTier, b: EstimateTier): EstimateTier {
  return TIER_STRENGTH.indexOf(a) >= TIER_STRENGTH.indexOf(b) ? a : b;
}

/**
 * The combined estimate of a Dual Mode pair: the sum in micro-USD, or null (tier `none`) when either
 * price is unknown; otherwise the weaker tier of the two; `upTo` when either is an upper bound.
 */
export function combineEstimates(a: Estimate, b: Estimate): Estimate {
  const usdMicros = a.usdMicros === null || b.usdMicros === null ? null : a.usdMicros + b.usdMicros;
  return {
    usdMicros,
    tier: usdMicros === null ? 'none' : weakestTier(a.tier, b.tier),
    upTo: a.upTo || b.upTo,
    explanation: `${a.explanation} + ${b.explanation}`,
    priceRef: a.priceRef === b.priceRef ? a.priceRef : `${a.priceRef}; ${b.priceRef}`,
  };
}
