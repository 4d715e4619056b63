import type { EstimateTier } from '../ledger/events.ts';

/**
 * A pre-run cost estimate. `usdMicros` is integer micro-USD, or null when no price is known
 * (tier `none`: shown as "No price", never as $0). `upTo` marks an estimate made at the highest
 * applicable rate because a parameter had no documented default.
 */
export interface Estimate {
  usdMicros: number | null;
  tier: EstimateTier;
  upTo: boolean;
  /** One line for people: the formula with the numbers used, e.g. "5 s × $0.40/s (1080p, audio)". */
  explanation: string;
  /** Where the price came from: catalog source URL and verified-on date, or "fal pricing API". */
  priceRef: string;
}
