import { Hono } from 'hono';
import { findModel } from '../../domain/pricing/catalog.ts';
import type { CatalogModel } from '../../domain/pricing/catalog-schema.ts';
import { resolveLicence } from '../../domain/pricing/licence-resolution.ts';
import { type FalPrice, fetchFalPricing } from '../../fal/index.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { LicenceLookup } from '../licence-lookup.ts';
import { openPricingCache, PRICING_CACHE_TTL_MS, type PricingCache } from '../pricing-cache.ts';

/**
 * Body of `GET /api/pricing`. `catalog`: the shipped formula (`model`); `fal`: fal's list price (`price`,
 * null when fal has none), `asOf` the time it was fetched and `stale` when fal was unreachable and an
 * older cached answer is returned; `sandbox`: the Sandbox fal's simulated price.
 */
export type PricingResponse =
  | { endpointId: string; source: 'catalog'; asOf: string | null; model: CatalogModel & { licence: string } }
  | { endpointId: string; source: 'fal' | 'sandbox'; asOf: string; stale: boolean; price: FalPrice | null };

/**
 * `GET /api/pricing?endpoint_id=`: the catalog entry (with the licence `GET /api/models` shows), else fal's pricing API (cached), or the sandbox's.
 */
export function createPricingRoutes(ctx: ServerContext, licences: LicenceLookup): Hono {
  const app = new Hono();
  let cache: Promise<PricingCache> | null = null;
  app.get('/', async (c) => {
    const endpointId = (c.req.query('endpoint_id') ?? '').trim();
    if (!endpointId) {
      throw new ApiError(400, 'MISSING_ENDPOINT_ID', 'Add ?endpoint_id=owner/model to ask for a price.');
    }
    const model = findModel(endpointId);
    if (model) {
      const live = await licences.liveLicences();
      const body = { ...model, licence: resolveLicence(model, live.get(model.endpoint_id)).licence };
      return c.json<PricingResponse>({ endpointId, source: 'catalog', asOf: model.verified_on, model: body });
    }
    if (ctx.isSandbox()) {
      // The Sandbox fal wants a key shaped like fal's (`id:secret`); it is not a real one.
      const base = `${ctx.sandboxBaseUrl()}/api/v1`;
      const price = await fetchFalPricing(endpointId, 'sandbox:no-real-charges', ctx.fetch, base);
      return c.json<PricingResponse>({ endpointId, source: 'sandbox', asOf: now(), stale: false, price });
    }
    cache ??= openPricingCache(ctx.dataDir);
    return c.json<PricingResponse>(await livePrice(ctx, await cache, endpointId));
  });
  return app;
}

function now(): string {
  return new Date().toISOString();
}

async function livePrice(
  ctx: ServerContext,
  cache: PricingCache,
  endpointId: string,
): Promise<PricingResponse> {
  const cached = cache.get(endpointId);
  const fresh = cached && Date.now() - Date.parse(cached.fetchedAt) < PRICING_CACHE_TTL_MS;
  if (cached && fresh)
    return { endpointId, source: 'fal', asOf: cached.fetchedAt, stale: false, price: cached.price };
  const key = ctx.settings.falKey();
  try {
    const price = await fetchFalPricing(endpointId, key ?? '', ctx.fetch, ctx.falApiBaseUrl);
    const entry = { price, fetchedAt: now() };
    await cache.put(endpointId, entry);
    return { endpointId, source: 'fal', asOf: entry.fetchedAt, stale: false, price };
  } catch (err) {
    // An older answer with its date beats no answer; the panel shows the date.
    if (cached)
      return { endpointId, source: 'fal', asOf: cached.fetchedAt, stale: true, price: cached.price };
    throw new ApiError(
      502,
      'PRICING_UNAVAILABLE',
      `fal's price for ${endpointId} could not be read: ${(err as Error).message}`,
    );
  }
}
