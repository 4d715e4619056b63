import type { CatalogModel } from './catalog-schema.ts';
import type { FalUnitPrice } from './estimate-cost.ts';
import { pickImageRate } from './estimate-image.ts';
import { audioRate, pickAudioResolutionRate, pickFormulaAudio } from './estimate-video.ts';
import type { PricingFormula } from './formula-schema.ts';
import { asToggle, parseDurationSeconds, resolveParam } from './params.ts';
import { type Picked, pickKeyed, toMicros } from './pick.ts';

/**
 * The price of ONE unit of fal's `x-fal-billable-units` header for a request, so that the actual cost is
 * units × unit price (fal-api.md §2a). The header counts the model's own unit (seconds, images, megapixels…)
 * and carries no price, so the rate must be the one these inputs selected.
 */

type Params = Record<string, unknown>;

/** The rate of a pick only when it was not assumed: an "up to" rate must never price an actual. */
function known(pick: Picked<{ rate: number }>): number | null {
  return pick.ok && pick.assumed === null ? pick.value.rate : null;
}

/** True when an add-on may apply (on or undocumented): a per-request extra that units cannot carry. */
function anyAddonMayApply(
  model: CatalogModel,
  f: Extract<PricingFormula, { type: 'per_image' }>,
  params: Params,
) {
  return (f.addons_per_request ?? []).some((addon) => {
    if (addon.param === null) return false;
    const resolved = resolveParam(model, params, addon.param);
    return !resolved.known || asToggle(resolved.value) !== false;
  });
}

/**
 * Per image: the picked rate, but only at multiplier 1 without add-ons. For resolution multipliers fal's
 * unit count is unconfirmed (modelbridge-docs.md §9 reports "2.0 units for one image"), so no guess.
 */
function perImageUnit(
  model: CatalogModel,
  f: Extract<PricingFormula, { type: 'per_image' }>,
  params: Params,
) {
  const { rate, multiplier } = pickImageRate(model, f, params);
  if (known(multiplier) !== 1 || anyAddonMayApply(model, f, params)) return null;
  return known(rate);
}

/** The audio toggle when it was given or defaulted (not assumed); null otherwise. */
function knownAudio(
  model: CatalogModel,
  f: Parameters<typeof pickFormulaAudio>[1],
  params: Params,
): boolean | null {
  const audio = pickFormulaAudio(model, f, params);
  return audio.ok && audio.assumed === null ? audio.value : null;
}

/** The per-second rate for the chosen audio toggle and resolution; null when either was not given. */
function perSecondUnit(model: CatalogModel, f: PricingFormula, params: Params): number | null {
  if (f.type === 'per_second') return f.rate_per_second;
  if (f.type === 'per_second_audio') {
    const audio = knownAudio(model, f, params);
    return audio === null ? null : audioRate(f, audio, params).rate;
  }
  // Seedance is billed in video tokens; whether fal's header then counts seconds or tokens is unconfirmed.
  if (f.type === 'per_second_resolution' && f.token_pricing === undefined) {
    return known(pickKeyed(f.rates_per_second, model, params, f.resolution_param, f.default_resolution));
  }
  if (f.type === 'per_second_audio_resolution') {
    const audio = knownAudio(model, f, params);
    return audio === null ? null : known(pickAudioResolutionRate(model, f, params, audio));
  }
  return null;
}

/**
 * Per video (unit `video`, one per clip): the clip price for the chosen resolution. The source prices only
 * base_seconds clips, so a longer clip asked for has no known rate.
 */
function perVideoUnit(
  model: CatalogModel,
  f: Extract<PricingFormula, { type: 'per_video_resolution' }>,
  params: Params,
) {
  const seconds = parseDurationSeconds(params.duration);
  if (seconds !== null && seconds > f.base_seconds) return null;
  return known(pickKeyed(f.rates_per_video, model, params, f.resolution_param, f.default_resolution));
}

/** The rate of one billable unit in USD, or null when units cannot map to one rate. */
function unitRate(model: CatalogModel, params: Params): number | null {
  const f = model.formula;
  switch (f.type) {
    case 'per_image':
      return perImageUnit(model, f, params);
    case 'per_megapixel_ceiling':
      return f.rate_per_mp;
    case 'per_1k_characters':
      return f.rate_per_1k_chars;
    case 'unit_price':
      return f.unit_price;
    // Tiered megapixels and base plus per second have no single rate: meteredCost prices their units.
    case 'per_megapixel_tiered':
    case 'base_plus_per_second':
      return null;
    case 'per_video_resolution':
      return perVideoUnit(model, f, params);
    default:
      return perSecondUnit(model, f, params);
  }
}

/**
 * The price of one billable unit in integer micro-USD for these inputs (per second for the chosen
 * resolution and audio, per image, per MP, per video, per 1k characters, per unit), or null when the units cannot
 * map to a single rate or an input that sets the rate is missing. A model missing from the catalog uses
 * fal's unit price, which may not be the rate fal applied (fal-api.md §2a caveat).
 */
export function unitPriceUsdMicros(
  model: CatalogModel | null | undefined,
  params: Params = {},
  falUnitPrice?: FalUnitPrice,
): number | null {
  if (!model) {
    const usd = falUnitPrice?.unitPrice;
    return usd !== undefined && Number.isFinite(usd) && usd >= 0 ? toMicros(usd) : null;
  }
  const usd = unitRate(model, params);
  return usd === null ? null : toMicros(usd);
}

/**
 * The actual cost of a request from fal's billable units (may be fractional, e.g. 5.008 s) and the unit
 * price, in integer micro-USD rounded once. Throws a RangeError for negative or non-finite inputs.
 */
export function actualFromUnits(units: number, unitPriceMicros: number): number {
  if (!Number.isFinite(units) || units < 0) {
    throw new RangeError(
      `Billable units must be a finite number ≥ 0, got ${units}. Check the x-fal-billable-units value.`,
    );
  }
  if (!Number.isSafeInteger(unitPriceMicros) || unitPriceMicros < 0) {
    throw new RangeError(
      `Unit price must be whole micro-USD ≥ 0, got ${unitPriceMicros}. Use unitPriceUsdMicros().`,
    );
  }
  return Math.round(units * unitPriceMicros);
}
