import type { Licence } from '../ledger/events.ts';
import type { CatalogModel } from './catalog-schema.ts';

/** Where a model's licence came from: fal's model API right now, or the catalog's seed. */
export type LicenceOrigin = 'fal' | 'catalog';

/** A model's licence with where it was read (for the badge's tooltip and the report's compliance table). */
export interface ResolvedLicence {
  licence: Licence;
  origin: LicenceOrigin;
  /** The page that states the licence; null when fal's API said it or nobody named one. */
  sourceUrl: string | null;
}

/**
 * The licence to show and record: fal's live answer wins when it names one; otherwise the catalog's seed
 * (fal-pricing.json), which is 'unknown' unless a fal page stated it. `live` is undefined when fal was
 * not asked, could not be reached, or named no licence we recognise.
 */
export function resolveLicence(
  seed: Pick<CatalogModel, 'license' | 'license_source'> | undefined,
  live: Licence | undefined,
): ResolvedLicence {
  // An unrecognised live answer must not erase a licence a fal page did state.
  if (live !== undefined && live !== 'unknown') return { licence: live, origin: 'fal', sourceUrl: null };
  return {
    licence: seed?.license ?? 'unknown',
    origin: 'catalog',
    sourceUrl: seed?.license_source ?? null,
  };
}
