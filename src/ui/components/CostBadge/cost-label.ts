import { formatUsdIn } from '../../../domain/fx.ts';
import type { Currency, EstimateTier, FxSnapshot } from '../../../domain/ledger/events.ts';
import type { Estimate } from '../../../domain/pricing/estimate.ts';

/** The parts of an estimate a cost badge shows. */
export type EstimateView = Pick<Estimate, 'usdMicros' | 'tier' | 'upTo' | 'explanation'>;

/** Tier names and colours: modelbridge-docs.md §2 and §16 (blue, orange, purple, grey). */
export const TIER_LOOK: Record<EstimateTier, { name: string; color: string }> = {
  estimated: { name: 'Estimated', color: 'blue' },
  from: { name: 'From', color: 'orange' },
  learned: { name: 'Learned', color: 'grape' },
  none: { name: 'No price', color: 'gray' },
};

/**
 * The badge text for an estimate in the display currency: "Estimated $2.00", "From up to $0.40",
 * "Learned ≈$1.10", or "No price" whenever the amount is unknown (never "$0").
 */
export function costLabel(estimate: EstimateView, currency: Currency, rates: FxSnapshot): string {
  if (estimate.tier === 'none' || estimate.usdMicros === null) return TIER_LOOK.none.name;
  const amount = formatUsdIn(estimate.usdMicros, currency, rates);
  const approx = estimate.tier === 'learned' ? '≈' : '';
  const upTo = estimate.upTo ? 'up to ' : '';
  return `${TIER_LOOK[estimate.tier].name} ${upTo}${approx}${amount}`;
}

/** The tier actually shown: an estimate without an amount is shown as `none` whatever its tier. */
export function shownTier(estimate: EstimateView): EstimateTier {
  return estimate.usdMicros === null ? 'none' : estimate.tier;
}
