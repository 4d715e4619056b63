import type { Licence } from '../ledger/events.ts';
import type { CatalogModel } from './catalog-schema.ts';
import type { LicenceOrigin } from './licence-resolution.ts';

/** One model's licence as the backend resolved it (`GET /api/models`): fal's live answer or the seed. */
export interface ModelLicence {
  endpointId: string;
  licence: Licence;
  origin: LicenceOrigin;
  /** The page that states the licence; null when fal's API said it or nobody named one. */
  sourceUrl: string | null;
}

/** A model with `resolved` as its licence, origin and source page (no source page: none kept). */
function withLicence(model: CatalogModel, resolved: ModelLicence): CatalogModel {
  const { license_source: _seedSource, license_origin: _seedOrigin, ...rest } = model;
  return {
    ...rest,
    license: resolved.licence,
    license_origin: resolved.origin,
    ...(resolved.sourceUrl === null ? {} : { license_source: resolved.sourceUrl }),
  };
}

/**
 * The catalog models with the backend's resolved licences laid over their seed: a resolved licence
 * replaces the model's `license`, `license_source` and `license_origin`; ids the catalog does not have
 * are ignored, and models the backend did not name keep their seed. `resolved` null (the backend could
 * not be asked) returns `models` itself, so a failed read changes nothing.
 */
export function overlayLicences(
  models: readonly CatalogModel[],
  resolved: readonly ModelLicence[] | null,
): readonly CatalogModel[] {
  if (resolved === null) return models;
  const byId = new Map(resolved.map((entry) => [entry.endpointId, entry]));
  return models.map((model) => {
    const entry = byId.get(model.endpoint_id);
    return entry === undefined ? model : withLicence(model, entry);
  });
}

/**
 * The model of `offered` with the same endpoint id when its licence (or where it was read) differs from
 * `model`'s: a draft made before the licences arrived takes the live one; null when nothing changes.
 */
export function relicensedModel(
  model: CatalogModel | null,
  offered: readonly CatalogModel[],
): CatalogModel | null {
  if (model === null) return null;
  const fresh = offered.find((candidate) => candidate.endpoint_id === model.endpoint_id);
  if (fresh === undefined) return null;
  const same =
    fresh.license === model.license &&
    fresh.license_origin === model.license_origin &&
    fresh.license_source === model.license_source;
  if (same) return null;
  // The draft's own copy (inputs, formula) stays; only the licence fields come from the offered model.
  const { license_source: _source, license_origin: _origin, ...rest } = model;
  return {
    ...rest,
    license: fresh.license,
    ...(fresh.license_origin === undefined ? {} : { license_origin: fresh.license_origin }),
    ...(fresh.license_source === undefined ? {} : { license_source: fresh.license_source }),
  };
}
