import type { Licence } from '../ledger/events.ts';
import type { CatalogModel } from './catalog-schema.ts';
import type { LicenceOrigin, ResolvedLicence } from './licence-resolution.ts';

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

/** True when `model` already says what `resolved` says (licence, origin and page). */
function says(model: CatalogModel, resolved: ModelLicence): boolean {
  return (
    model.license === resolved.licence &&
    (model.license_origin ?? 'catalog') === resolved.origin &&
    (model.license_source ?? null) === resolved.sourceUrl
  );
}

/**
 * `model` with the licence `licences` name for its endpoint id (licence, origin, source page), its
 * inputs and formula kept: a draft that chose its model before the licences arrived takes the live one.
 * The same object when nothing changes: no model, `licences` null (not read), its id not named, or
 * already the same licence.
 */
export function relicensedModel<M extends CatalogModel | null>(
  model: M,
  licences: readonly ModelLicence[] | null,
): M {
  if (model === null || licences === null) return model;
  const resolved = licences.find((entry) => entry.endpointId === model.endpoint_id);
  if (resolved === undefined || says(model, resolved)) return model;
  return withLicence(model, resolved) as M;
}

/**
 * The catalog models with the backend's resolved licences laid over their seed (relicensedModel for
 * each): ids the catalog does not have are ignored, models the backend did not name keep their seed.
 * `licences` null (the backend could not be asked) returns `models` itself, so a failed read changes
 * nothing.
 */
export function overlayLicences(
  models: readonly CatalogModel[],
  licences: readonly ModelLicence[] | null,
): readonly CatalogModel[] {
  if (licences === null) return models;
  return models.map((model) => relicensedModel(model, licences));
}

/**
 * Where a model's licence was read: the origin the overlay set, else the catalog's seed with its page
 * (a model straight from catalog.json has no `license_origin`).
 */
export function licenceSourceOf(model: CatalogModel): ResolvedLicence {
  return {
    licence: model.license,
    origin: model.license_origin ?? 'catalog',
    sourceUrl: model.license_source ?? null,
  };
}
