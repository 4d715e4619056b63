import type { PublicSettings } from '../contract/index.ts';
import { DEFAULT_FX } from '../domain/fx.ts';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds.ts';

/**
 * Default settings for a new data dir: the domain's default rates and thresholds (single > $5.00, dual
 * combined > $8.00, in micro-USD; seed-cost-tracking.txt) and foreground windows in seconds per category.
 */
export function defaultPublicSettings(): PublicSettings {
  return {
    currency: 'USD',
    fx: { ...DEFAULT_FX, rates: { ...DEFAULT_FX.rates } },
    thresholds: {
      singleUsdMicros: DEFAULT_THRESHOLDS.singleUsdMicros,
      dualUsdMicros: DEFAULT_THRESHOLDS.dualUsdMicros,
    },
    confirmUnpriced: DEFAULT_THRESHOLDS.confirmUnpriced,
    foregroundWindowsSec: { image: 20, video: 90, audio: 30 },
  };
}
