import type { CatalogModel } from './catalog-schema.ts';
import type { FormulaOf } from './formula-schema.ts';
import { pickCount, toMicros } from './pick.ts';
import { actualFromUnits, unitPriceUsdMicros } from './unit-price.ts';

/**
 * What fal's billable units of one finished run cost (fal-api.md §2a: the header counts the model's own
 * unit and carries no money). Most formulas are one rate per unit; two are not, and need the formula
 * itself: a first megapixel dearer than the rest (FLUX.2 [pro]) and a base price covering the first
 * seconds (Kling 2.5 Turbo).
 */

type Params = Record<string, unknown>;

/** The money of one run's billable units, in integer micro-USD. */
export interface MeteredCost {
  /** The price of one unit when units × it is the whole amount; null for tiers, or when no rate applies. */
  unitPriceUsdMicros: number | null;
  /** The amount, rounded once; null when these inputs do not fix the rate (the count is kept alone). */
  actualUsdMicros: number | null;
}

const UNPRICED: MeteredCost = { unitPriceUsdMicros: null, actualUsdMicros: null };

function checkUnits(units: number): void {
  // actualFromUnits owns the message for bad units; a price of 0 never changes the answer.
  actualFromUnits(units, 0);
}

/**
 * Tiered megapixels, units = megapixels started over all n images: each image pays the first rate once
 * and the additional rate for its other megapixels, so n × first + (units − n) × additional, whatever the
 * split between images.
 */
function tieredCost(
  model: CatalogModel,
  f: FormulaOf<'per_megapixel_tiered'>,
  params: Params,
  units: number,
): MeteredCost {
  const n = pickCount(model, params, f.count_param);
  if (!n.ok || n.assumed !== null) return UNPRICED;
  const megapixels = Math.max(n.value, Math.ceil(units));
  const first = toMicros(f.first_mp_rate);
  const next = toMicros(f.additional_mp_rate);
  const actualUsdMicros = n.value * first + (megapixels - n.value) * next;
  return { unitPriceUsdMicros: first === next ? first : null, actualUsdMicros };
}

/**
 * A base price for the first base_seconds, then a rate per further second. When the base is exactly the
 * further rate × base_seconds (Kling 2.5 Turbo: $0.35 = 5 × $0.07), a run of at least base_seconds costs
 * one rate per second, and that rate is its unit price.
 */
function basePlusCost(f: FormulaOf<'base_plus_per_second'>, units: number): MeteredCost {
  const base = toMicros(f.base_cost);
  const next = toMicros(f.additional_per_second);
  const actualUsdMicros = base + Math.round(Math.max(0, units - f.base_seconds) * next);
  const linear = base === Math.round(f.base_seconds * next) && units >= f.base_seconds;
  return { unitPriceUsdMicros: linear ? next : null, actualUsdMicros };
}

function formulaCost(model: CatalogModel, params: Params, units: number): MeteredCost {
  const f = model.formula;
  if (f.type === 'per_megapixel_tiered') return tieredCost(model, f, params, units);
  if (f.type === 'base_plus_per_second') return basePlusCost(f, units);
  const unit = unitPriceUsdMicros(model, params);
  return unit === null
    ? UNPRICED
    : { unitPriceUsdMicros: unit, actualUsdMicros: actualFromUnits(units, unit) };
}

/**
 * The cost of `units` billable units (may be fractional, e.g. 5.008 s) under a catalog model's formula for
 * these inputs. A model outside the catalog, or one whose formula cannot price these inputs, uses
 * `fallbackUnitPriceMicros` (fal's unit price) when given. Throws a RangeError for negative or non-finite
 * units.
 */
export function meteredCost(
  model: CatalogModel | null | undefined,
  params: Params,
  units: number,
  fallbackUnitPriceMicros: number | null = null,
): MeteredCost {
  checkUnits(units);
  const cost = model ? formulaCost(model, params, units) : UNPRICED;
  if (cost.actualUsdMicros !== null || fallbackUnitPriceMicros === null) return cost;
  return {
    unitPriceUsdMicros: fallbackUnitPriceMicros,
    actualUsdMicros: actualFromUnits(units, fallbackUnitPriceMicros),
  };
}
