import type { CatalogModel } from './catalog-schema.ts';
import { formatCount, formatRate } from './explain.ts';
import type { FormulaOf } from './formula-schema.ts';
import { MP_PIXELS_VIDEO, megapixels, resolveParam } from './params.ts';
import { fail, type Picked, pickDuration, toMicros } from './pick.ts';
import { type MediaInfo, type Quote, quote } from './quote.ts';
import type { PixelSize } from './sizes.ts';

/** Formulas priced by text length or by a plain unit price (fal-pricing.md, "Formula types"). */

type Params = Record<string, unknown>;

/**
 * `per_1k_characters`: characters / 1000 × rate. Characters are Unicode code points; fal does not document
 * rounding, so the fraction is kept and only the total is rounded.
 */
export function quotePer1kCharacters(
  _model: CatalogModel,
  f: FormulaOf<'per_1k_characters'>,
  params: Params,
): Quote {
  const text = params[f.text_param];
  if (typeof text !== 'string') {
    return fail(
      `enter the ${f.text_param} to estimate (${formatRate(f.rate_per_1k_chars)} per 1k characters)`,
    );
  }
  const chars = [...text].length;
  const explanation = `${formatCount(chars)} chars × ${formatRate(f.rate_per_1k_chars)}/1k chars`;
  return quote((chars * toMicros(f.rate_per_1k_chars)) / 1000, [], explanation);
}

/** A positive finite number input (e.g. upscale_factor), or a failure naming it. */
function pickFactor(model: CatalogModel, params: Params, name: string): Picked<number> {
  const resolved = resolveParam(model, params, name);
  if (!resolved.known) return fail(`${name} is not set and has no documented default`);
  const value = resolved.value;
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? { ok: true, value, assumed: null }
    : fail(`${name} must be a positive number, got ${JSON.stringify(value)}`);
}

/** Target heights of SeedVR's `target_resolution` input. */
const TARGET_HEIGHTS: Readonly<Record<string, number>> = {
  '720p': 720,
  '1080p': 1080,
  '1440p': 1440,
  '2160p': 2160,
};

/** The upscaler's output size: source × upscale_factor, or SeedVR's target height keeping the aspect. */
function upscaledSize(model: CatalogModel, params: Params, media: MediaInfo): Picked<PixelSize> {
  const mode = resolveParam(model, params, 'upscale_mode');
  if (mode.known && mode.value === 'target') {
    const height = TARGET_HEIGHTS[String(params.target_resolution)];
    if (height === undefined)
      return fail(`target_resolution ${JSON.stringify(params.target_resolution)} is unknown`);
    return {
      ok: true,
      value: { width: Math.round((media.width * height) / media.height), height },
      assumed: null,
    };
  }
  const factor = pickFactor(model, params, 'upscale_factor');
  if (!factor.ok) return factor;
  const size = {
    width: Math.round(media.width * factor.value),
    height: Math.round(media.height * factor.value),
  };
  return { ok: true, value: size, assumed: null };
}

/** How many units a request uses, for the unit names the catalog uses; null when it cannot be known. */
function countUnits(model: CatalogModel, f: FormulaOf<'unit_price'>, params: Params, media?: MediaInfo) {
  if (f.unit === 'video' || f.unit === 'request')
    return { ok: true as const, units: 1, label: `1 ${f.unit}` };
  if (f.unit === 'second') {
    const d = pickDuration(model, params);
    return d.ok ? { ok: true as const, units: d.value, label: `${formatCount(d.value)} s`, pick: d } : d;
  }
  const wantsFrames = f.unit === 'video_megapixel';
  if ((f.unit !== 'megapixel' && !wantsFrames) || !media || (wantsFrames && !media.frames)) return null;
  const size = upscaledSize(model, params, media);
  if (!size.ok) return size;
  const frames = wantsFrames ? (media.frames ?? 1) : 1;
  const units = megapixels(size.value, MP_PIXELS_VIDEO) * frames;
  const dims = `${size.value.width}×${size.value.height}${wantsFrames ? ` × ${frames} frames` : ''}`;
  return {
    ok: true as const,
    units,
    label: `${formatCount(units)} ${wantsFrames ? 'video MP' : 'MP'} (${dims})`,
  };
}

/**
 * `unit_price`: units × unit_price. Videos and requests count 1; megapixels need the source size (and
 * frames for video megapixels, 1 MP = 1,000,000 px as in the catalog's `units`). When the units cannot
 * be counted the price of one unit is returned as a minimum (tier `from`).
 */
export function quoteUnitPrice(
  model: CatalogModel,
  f: FormulaOf<'unit_price'>,
  params: Params,
  media?: MediaInfo,
): Quote {
  const counted = countUnits(model, f, params, media);
  if (counted === null) {
    const why = f.unit.includes('megapixel') ? ' (source size unknown)' : '';
    return quote(toMicros(f.unit_price), [], `from ${formatRate(f.unit_price)} per ${f.unit}${why}`, 'from');
  }
  if (!counted.ok) return counted;
  const picks = 'pick' in counted && counted.pick ? [counted.pick] : [];
  return quote(
    counted.units * toMicros(f.unit_price),
    picks,
    `${counted.label} × ${formatRate(f.unit_price)}`,
  );
}
