import type { CatalogModel } from './catalog-schema.ts';
import type { Estimate } from './estimate.ts';
import { quotePerImage, quotePerMegapixelCeiling, quotePerMegapixelTiered } from './estimate-image.ts';
import { quotePer1kCharacters, quoteUnitPrice } from './estimate-other.ts';
import {
  quoteBasePlusPerSecond,
  quotePerSecond,
  quotePerSecondAudio,
  quotePerSecondAudioResolution,
  quotePerSecondResolution,
  quotePerVideoResolution,
} from './estimate-video.ts';
import { formatRate, priceRefOf } from './explain.ts';
import { toMicros } from './pick.ts';
import type { MediaInfo, Quote } from './quote.ts';

/** fal's `/v1/models/pricing` answer for an endpoint: USD per unit, with fal's free-form unit name. */
export interface FalUnitPrice {
  unitPrice: number;
  unit: string;
}

/** Extra facts for an estimate that the fal inputs do not carry. */
export interface EstimateOptions {
  /** fal's list price, used only for models missing from the catalog (tier `from`). */
  falUnitPrice?: FalUnitPrice;
  /** Size (and frames) of the source image or video, for upscalers priced by output megapixels. */
  media?: MediaInfo;
}

/** Where the price of a model missing from the catalog comes from. */
export const FAL_PRICING_REF = 'fal pricing API';
/** The priceRef of an estimate with no price source at all. */
export const NO_PRICE_REF = 'no price source';

/** Runs the formula of a catalog model on the inputs, before rounding. */
function quoteFormula(model: CatalogModel, params: Record<string, unknown>, media?: MediaInfo): Quote {
  const f = model.formula;
  switch (f.type) {
    case 'per_image':
      return quotePerImage(model, f, params);
    case 'per_megapixel_ceiling':
      return quotePerMegapixelCeiling(model, f, params);
    case 'per_megapixel_tiered':
      return quotePerMegapixelTiered(model, f, params);
    case 'per_second':
      return quotePerSecond(model, f, params);
    case 'per_second_audio':
      return quotePerSecondAudio(model, f, params);
    case 'per_second_resolution':
      return quotePerSecondResolution(model, f, params);
    case 'per_second_audio_resolution':
      return quotePerSecondAudioResolution(model, f, params);
    case 'base_plus_per_second':
      return quoteBasePlusPerSecond(model, f, params);
    case 'per_video_resolution':
      return quotePerVideoResolution(model, f, params);
    case 'per_1k_characters':
      return quotePer1kCharacters(model, f, params);
    case 'unit_price':
      return quoteUnitPrice(model, f, params, media);
  }
}

/** The "No price" estimate: never a number, so the UI can never show $0 for an unknown price. */
function noPrice(reason: string | null, priceRef: string): Estimate {
  return {
    usdMicros: null,
    tier: 'none',
    upTo: false,
    explanation: reason === null ? 'No price' : `No price: ${reason}`,
    priceRef,
  };
}

/** fal's unit price as a minimum (tier `from`) for a model the catalog does not price. */
function fromFalUnitPrice(price: FalUnitPrice | undefined): Estimate {
  if (!price || !Number.isFinite(price.unitPrice) || price.unitPrice < 0) return noPrice(null, NO_PRICE_REF);
  return {
    usdMicros: toMicros(price.unitPrice),
    tier: 'from',
    upTo: false,
    explanation: `from ${formatRate(price.unitPrice)} per ${price.unit}`,
    priceRef: FAL_PRICING_REF,
  };
}

/**
 * Estimates the cost of one request, in integer micro-USD rounded once at the end. A catalog model is
 * priced by its formula (tier `estimated`, `upTo` when an undocumented input was taken at its highest
 * rate); a model missing from the catalog falls back to fal's unit price (tier `from`); otherwise tier
 * `none` with a null amount. Never throws on bad inputs: it returns "No price" with the reason.
 */
export function estimateCost(
  model: CatalogModel | null | undefined,
  params: Record<string, unknown> = {},
  options: EstimateOptions = {},
): Estimate {
  if (!model) return fromFalUnitPrice(options.falUnitPrice);
  const priceRef = priceRefOf(model);
  const result = quoteFormula(model, params, options.media);
  if (!result.ok) return noPrice(result.reason, priceRef);
  const usdMicros = Math.round(result.micros);
  if (!Number.isSafeInteger(usdMicros) || usdMicros < 0) {
    return noPrice('the inputs give an amount out of range', priceRef);
  }
  const upTo = result.assumed.length > 0;
  const explanation = upTo
    ? `up to ${result.explanation}; ${result.assumed.join(', ')} not set, highest rate assumed`
    : result.explanation;
  return { usdMicros, tier: result.tier, upTo, explanation, priceRef };
}
