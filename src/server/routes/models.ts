import { Hono } from 'hono';
import type { Licence } from '../../domain/ledger/events.ts';
import { catalog } from '../../domain/pricing/catalog.ts';
import type { CatalogModel } from '../../domain/pricing/catalog-schema.ts';
import { type LicenceOrigin, resolveLicence } from '../../domain/pricing/licence-resolution.ts';
import type { LicenceLookup } from '../licence-lookup.ts';

/**
 * One model of `GET /api/models`: the catalog entry as stored, plus the licence to show and record:
 * fal's live answer when it names one (`licenceOrigin: 'fal'`), else the catalog's seed with the page
 * that states it (`licenceSourceUrl`, null when no page names a licence).
 */
export type ModelEntry = CatalogModel & {
  licence: Licence;
  licenceOrigin: LicenceOrigin;
  licenceSourceUrl: string | null;
};

/** Body of `GET /api/models`. */
export interface ModelsResponse {
  models: ModelEntry[];
}

/** `GET /api/models`: the shipped price catalog (display name, category, params, formula, licence). */
export function createModelRoutes(licences: LicenceLookup): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const live = await licences.liveLicences();
    const models = catalog.map((model): ModelEntry => {
      const resolved = resolveLicence(model, live.get(model.endpoint_id));
      return {
        ...model,
        licence: resolved.licence,
        licenceOrigin: resolved.origin,
        licenceSourceUrl: resolved.sourceUrl,
      };
    });
    return c.json<ModelsResponse>({ models });
  });
  return app;
}
