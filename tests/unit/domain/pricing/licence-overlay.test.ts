import { describe, expect, test } from 'vitest';
import { catalog, findModel } from '../../../../src/domain/pricing/catalog.ts';
import type { CatalogModel } from '../../../../src/domain/pricing/catalog-schema.ts';
import {
  licenceSourceOf,
  type ModelLicence,
  overlayLicences,
  relicensedModel,
} from '../../../../src/domain/pricing/licence-overlay.ts';

function seed(endpointId: string): CatalogModel {
  const model = findModel(endpointId);
  if (!model) throw new Error(`${endpointId} is not in the catalog`);
  return model;
}

// Seeds as catalog.json has them: FLUX.1 [dev] commercial from its fal page, Veo 3.1 unknown.
const FLUX_DEV = seed('fal-ai/flux-1/dev');
const VEO_31 = seed('fal-ai/veo3.1');
const FLUX_PAGE = 'https://fal.ai/models/fal-ai/flux-1/dev/playground';

const falSays = (endpointId: string, licence: ModelLicence['licence']): ModelLicence => ({
  endpointId,
  licence,
  origin: 'fal',
  sourceUrl: null,
});
const catalogSays = (model: CatalogModel): ModelLicence => ({
  endpointId: model.endpoint_id,
  licence: model.license,
  origin: 'catalog',
  sourceUrl: model.license_source ?? null,
});

describe('relicensedModel', () => {
  test("fal's live licence replaces the seed's: licence, origin, no source page; inputs and formula kept", () => {
    const fresh = relicensedModel(VEO_31, [falSays(VEO_31.endpoint_id, 'research')]);
    expect(fresh).toEqual({ ...VEO_31, license: 'research', license_origin: 'fal' });
    expect(fresh.license_source).toBeUndefined();
    expect(fresh.params).toBe(VEO_31.params);
    expect(fresh.formula).toBe(VEO_31.formula);
  });

  test("a fal licence drops the seed's page: fal's API said it, not that page", () => {
    const fresh = relicensedModel(FLUX_DEV, [falSays(FLUX_DEV.endpoint_id, 'commercial')]);
    expect(licenceSourceOf(fresh)).toEqual({ licence: 'commercial', origin: 'fal', sourceUrl: null });
  });

  test('the same object when nothing changes: not read, not named, or the same licence', () => {
    expect(relicensedModel(FLUX_DEV, null)).toBe(FLUX_DEV);
    expect(relicensedModel(FLUX_DEV, [])).toBe(FLUX_DEV);
    expect(relicensedModel(FLUX_DEV, [falSays('fal-ai/not-in-the-catalog', 'research')])).toBe(FLUX_DEV);
    // The backend served the seed back (fal unheard): the model already says that.
    expect(relicensedModel(FLUX_DEV, [catalogSays(FLUX_DEV)])).toBe(FLUX_DEV);
    expect(relicensedModel(null, [falSays(FLUX_DEV.endpoint_id, 'research')])).toBeNull();
  });

  test('a model fal named before goes back to the seed when the backend serves the seed again', () => {
    const live = relicensedModel(FLUX_DEV, [falSays(FLUX_DEV.endpoint_id, 'research')]);
    const back = relicensedModel(live, [catalogSays(FLUX_DEV)]);
    expect(licenceSourceOf(back)).toEqual({ licence: 'commercial', origin: 'catalog', sourceUrl: FLUX_PAGE });
  });
});

describe('overlayLicences', () => {
  test('resolved licences lay over their models; the rest keep their seed; unknown ids are ignored', () => {
    const models = [FLUX_DEV, VEO_31];
    const overlaid = overlayLicences(models, [
      falSays(VEO_31.endpoint_id, 'commercial'),
      falSays('fal-ai/not-in-the-catalog', 'research'),
    ]);
    expect(overlaid).toHaveLength(2);
    expect(overlaid[0]).toBe(FLUX_DEV);
    expect(licenceSourceOf(overlaid[1] as CatalogModel)).toEqual({
      licence: 'commercial',
      origin: 'fal',
      sourceUrl: null,
    });
    expect(overlaid.map((m) => m.endpoint_id)).toEqual(models.map((m) => m.endpoint_id));
  });

  test('a failed read (null) keeps the seed: the very same list', () => {
    expect(overlayLicences(catalog, null)).toBe(catalog);
  });

  test('leaves the catalog itself untouched', () => {
    const before = structuredClone(VEO_31);
    overlayLicences(catalog, [falSays(VEO_31.endpoint_id, 'private')]);
    expect(seed(VEO_31.endpoint_id)).toEqual(before);
  });
});

describe('licenceSourceOf', () => {
  test('a model straight from the catalog: the seed, with the page that states it', () => {
    expect(licenceSourceOf(FLUX_DEV)).toEqual({
      licence: 'commercial',
      origin: 'catalog',
      sourceUrl: FLUX_PAGE,
    });
    expect(licenceSourceOf(VEO_31)).toEqual({ licence: 'unknown', origin: 'catalog', sourceUrl: null });
  });
});
