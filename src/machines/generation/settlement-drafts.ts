import { findModel, type MeteredCost, meteredCost } from '../../domain/pricing/index.ts';
import type { LedgerEventDraft } from '../ports.ts';

/**
 * The `generation.settled` facts: what a run cost once fal reported its billable units (the fetch
 * machine at completion and settlement on a re-read share this one code path), and the run fal confirms
 * it never billed. Event ids derive from the generation id, so settling twice records one fact.
 */

type SettledDraft = Extract<LedgerEventDraft, { type: 'generation.settled' }>;

/** What is known about one run when its billable units arrive. */
export interface UnitsReading {
  genId: string;
  /** The endpoint the run was submitted to. */
  endpointId: string;
  /** `x-fal-bill-as`: the endpoint fal billed the run as, or null. */
  billAs: string | null;
  /** The fal inputs the run was sent with (they pick the rate). */
  params: Record<string, unknown>;
  /** `x-fal-billable-units` in the model's own unit (may be fractional). */
  billableUnits: number;
  /** fal's unit price in micro-USD for a model outside the catalog; null when none is known. */
  fallbackUnitPriceMicros?: number | null;
  at: string;
}

/**
 * The cost of a run's units: under the bill-as endpoint's formula when fal billed the run as another
 * catalogued endpoint (modelbridge-docs.md §9 point 4), else under the submitted endpoint's, else the
 * fallback unit price; amounts null when no rate applies (§9 point 5: the count is kept alone).
 */
function costOfUnits(reading: Omit<UnitsReading, 'genId' | 'at'>): MeteredCost {
  const { endpointId, billAs, params, billableUnits, fallbackUnitPriceMicros } = reading;
  const billed = billAs !== null && billAs !== endpointId ? findModel(billAs) : undefined;
  return meteredCost(billed ?? findModel(endpointId), params, billableUnits, fallbackUnitPriceMicros ?? null);
}

/** A run's one `generation.settled` fact (its id derives from the generation id). */
function settledDraft(
  genId: string,
  at: string,
  settled: Omit<SettledDraft, 'id' | 'type' | 'v' | 'at' | 'genId'>,
): SettledDraft {
  return { id: `${genId}:settled`, type: 'generation.settled', v: 1, at, genId, ...settled };
}

/** `generation.settled` with basis `metered`: the run's units priced by costOfUnits, rounded once. */
export function meteredDraft(reading: UnitsReading): SettledDraft {
  const { genId, billAs, billableUnits, at } = reading;
  const cost = costOfUnits(reading);
  return settledDraft(genId, at, {
    billableUnits,
    billAs,
    unitPriceUsdMicros: cost.unitPriceUsdMicros,
    actualUsdMicros: cost.actualUsdMicros,
    basis: 'metered',
  });
}

/**
 * `generation.settled` at $0 (basis `calculated`) for a cancelled run whose result fal refuses as
 * cancelled: a queued request is removed and a stopped one produced nothing, and fal bills only
 * successful outputs (fal-api.md §2b), so there is nothing left to wait 6 days for.
 */
export function notBilledDraft(genId: string, at: string): SettledDraft {
  return settledDraft(genId, at, {
    billableUnits: 0,
    billAs: null,
    unitPriceUsdMicros: null,
    actualUsdMicros: 0,
    basis: 'calculated',
  });
}
