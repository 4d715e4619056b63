import type { CatalogModel } from './catalog-schema.ts';
import { formatCount, formatRate } from './explain.ts';
import type { FormulaOf } from './formula-schema.ts';
import { asToggle, megapixelsCeil, resolveParam } from './params.ts';
import { fail, type Picked, pickCount, pickImageSize, pickKeyed, toMicros } from './pick.ts';
import { type Quote, quote } from './quote.ts';

/** Formulas priced by the image or by the megapixel (fal-pricing.md, "Formula types"). */

type Params = Record<string, unknown>;

/** The per-image rate and multiplier of a `per_image` formula (shared with unitPriceUsdMicros). */
export function pickImageRate(model: CatalogModel, f: FormulaOf<'per_image'>, params: Params) {
  const rate: Picked<{ key: string; rate: number }> = f.rates_by_param
    ? pickKeyed(f.rates_by_param.rates, model, params, f.rates_by_param.param)
    : { ok: true, value: { key: '', rate: f.rate_per_image }, assumed: null };
  const multiplier: Picked<{ key: string; rate: number }> = f.multipliers_by_param
    ? pickKeyed(
        f.multipliers_by_param.multipliers,
        model,
        params,
        f.multipliers_by_param.param,
        f.multipliers_by_param.default,
      )
    : { ok: true, value: { key: '', rate: 1 }, assumed: null };
  return { rate, multiplier };
}

/** One add-on's state: on, off, or undocumented (charged, "up to"); null when fal gives no input name. */
function pickAddon(model: CatalogModel, params: Params, param: string | null): Picked<boolean> | null {
  if (param === null) return null;
  const resolved = resolveParam(model, params, param);
  if (!resolved.known) return { ok: true, value: true, assumed: param };
  const on = asToggle(resolved.value);
  return on === null
    ? fail(`${param} must be true or false, got ${JSON.stringify(resolved.value)}`)
    : { ok: true, value: on, assumed: null };
}

/** Add-ons charged once per request; ones without a known input are listed as not included. */
function addons(model: CatalogModel, f: FormulaOf<'per_image'>, params: Params) {
  const picks: Picked<boolean>[] = [];
  const parts: string[] = [];
  let micros = 0;
  for (const addon of f.addons_per_request ?? []) {
    const pick = pickAddon(model, params, addon.param);
    if (pick === null) {
      parts.push(`excl. ${formatRate(addon.amount)} if ${addon.when}`);
      continue;
    }
    if (!pick.ok) return pick;
    picks.push(pick);
    if (pick.value) {
      micros += toMicros(addon.amount);
      parts.push(`+ ${formatRate(addon.amount)} (${addon.when})`);
    }
  }
  return { ok: true as const, micros, picks, parts };
}

/** `per_image`: rate (picked by an input) × multiplier × n + add-ons per request. */
export function quotePerImage(model: CatalogModel, f: FormulaOf<'per_image'>, params: Params): Quote {
  const n = pickCount(model, params, f.count_param);
  if (!n.ok) return n;
  const { rate, multiplier } = pickImageRate(model, f, params);
  if (!rate.ok) return rate;
  if (!multiplier.ok) return multiplier;
  const extra = addons(model, f, params);
  if (!extra.ok) return extra;
  const labels = [rate.value.key, multiplier.value.key].filter((k) => k !== '');
  const explanation = [
    `${n.value} image${n.value === 1 ? '' : 's'} × ${formatRate(rate.value.rate)}`,
    multiplier.value.rate !== 1 ? ` × ${formatCount(multiplier.value.rate)}` : '',
    labels.length > 0 ? ` (${labels.join(', ')})` : '',
    ...extra.parts.map((part) => ` ${part}`),
  ].join('');
  const micros = toMicros(rate.value.rate) * multiplier.value.rate * n.value + extra.micros;
  return quote(micros, [n, rate, multiplier, ...extra.picks], explanation);
}

/**
 * The opening of both megapixel quotes: the output size, the image count, the megapixels started per
 * image, and the "n images × " prefix of the explanation ('' for one image).
 */
function pickMegapixels(
  model: CatalogModel,
  f: FormulaOf<'per_megapixel_ceiling' | 'per_megapixel_tiered'>,
  params: Params,
) {
  const size = pickImageSize(model, params);
  if (!size.ok) return size;
  const n = pickCount(model, params, f.count_param);
  if (!n.ok) return n;
  const mp = megapixelsCeil(size.value, f.mp_pixels);
  const images = n.value > 1 ? `${n.value} images × ` : '';
  return { ok: true as const, size, n, mp, images };
}

/** `per_megapixel_ceiling`: ceil(w × h / mp_pixels) × rate_per_mp × n. */
export function quotePerMegapixelCeiling(
  model: CatalogModel,
  f: FormulaOf<'per_megapixel_ceiling'>,
  params: Params,
): Quote {
  const picked = pickMegapixels(model, f, params);
  if (!picked.ok) return picked;
  const { size, n, mp, images } = picked;
  const explanation = `${images}${mp} MP × ${formatRate(f.rate_per_mp)}/MP (${size.value.width}×${size.value.height})`;
  return quote(mp * toMicros(f.rate_per_mp) * n.value, [size, n], explanation);
}

/** `per_megapixel_tiered`: first_mp_rate + (ceil(w × h / mp_pixels) − 1) × additional_mp_rate, per image. */
export function quotePerMegapixelTiered(
  model: CatalogModel,
  f: FormulaOf<'per_megapixel_tiered'>,
  params: Params,
): Quote {
  const picked = pickMegapixels(model, f, params);
  if (!picked.ok) return picked;
  const { size, n, mp, images } = picked;
  const perImage = toMicros(f.first_mp_rate) + (mp - 1) * toMicros(f.additional_mp_rate);
  const extra = mp > 1 ? ` + ${mp - 1} MP × ${formatRate(f.additional_mp_rate)}` : '';
  const explanation = `${images}${formatRate(f.first_mp_rate)}${extra} (${size.value.width}×${size.value.height}, ${mp} MP)`;
  return quote(perImage * n.value, [size, n], explanation);
}
