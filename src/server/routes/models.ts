import { Hono } from 'hono';
import type { Licence } from '../../domain/ledger/events.ts';
import { catalog, licenceOf } from '../../domain/pricing/catalog.ts';
import type { CatalogModel } from '../../domain/pricing/catalog-schema.ts';

/** One model of `GET /api/models`: the catalog entry as stored, plus its licence as the ledger records it. */
export type ModelEntry = CatalogModel & { licence: Licence };

/** Body of `GET /api/models`. */
export interface ModelsResponse {
  models: ModelEntry[];
}

/** `GET /api/models`: the shipped price catalog (display name, category, params, formula, licence). */
export function createModelRoutes(): Hono {
  const app = new Hono();
  const body: ModelsResponse = { models: catalog.map((m) => ({ ...m, licence: licenceOf(m) })) };
  app.get('/', (c) => c.json(body));
  return app;
}
