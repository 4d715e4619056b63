import { Hono } from 'hono';
import { falJson, type SandboxContext } from './context.ts';
import { listSandboxModels, type SandboxModel, sandboxModel } from './models.ts';
import { phaseAt } from './timeline.ts';

/**
 * Minimal fakes of fal's Platform API under `/api/v1` (fal-api.md §2b, §6): pricing, model metadata
 * with licence, and billing events. Keys: `Key <id>:<secret>`; a key id starting with `bad` is refused.
 */
export function createPlatformRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.get('/v1/models/pricing', (c) => {
    if (!keyAccepted(c.req.header('authorization'))) return unauthorised();
    const ids = listParam(c.req.queries('endpoint_id'));
    if (ids.length === 0) return platformError(422, 'validation_error', 'endpoint_id is required');
    const prices = ids
      .map((id) => sandboxModel(id))
      .filter((m) => m.unitPriceUsd !== null)
      .map((m) => ({ endpoint_id: m.endpointId, unit_price: m.unitPriceUsd, unit: m.unit, currency: 'USD' }));
    return falJson({ prices, next_cursor: null, has_more: false }, 200);
  });
  app.get('/v1/models', (c) => {
    const ids = listParam(c.req.queries('endpoint_id'));
    const models = ids.length > 0 ? ids.map((id) => sandboxModel(id)) : listSandboxModels();
    const entries = models.map((model) => modelEntry(model, ctx.licenceWording[model.endpointId]));
    return falJson({ models: entries, next_cursor: null, has_more: false }, 200);
  });
  app.get('/v1/models/billing-events', (c) => {
    if (!keyAccepted(c.req.header('authorization'))) return unauthorised();
    const events = billingEvents(ctx, listParam(c.req.queries('request_id')));
    return falJson({ billing_events: events, next_cursor: null, has_more: false }, 200);
  });
  return app;
}

/** What fal billed: one event per successfully completed request (cancelled or failed runs bill nothing). */
function billingEvents(ctx: SandboxContext, ids: readonly string[]) {
  const requests = ids.length > 0 ? ctx.store.byIds(ids) : ctx.store.all();
  const now = ctx.store.now();
  return requests.flatMap((req) => {
    const phase = phaseAt(req, now);
    if (phase.status !== 'COMPLETED' || phase.outcome !== 'success') return [];
    const unitPrice = req.model.unitPriceUsd ?? 0;
    const cost = Math.round(req.shape.units * unitPrice * 1e6) / 1e6;
    return [
      {
        request_id: req.id,
        endpoint_id: req.scenario.billAs ?? req.model.canonicalId ?? req.endpointId,
        timestamp: new Date(req.submittedWall + phase.atMs).toISOString(),
        output_units: req.shape.units,
        unit_price: unitPrice,
        percent_discount: 0,
        cost_subtotal: cost,
        cost_discount: 0,
        cost_total: cost,
        cost_estimate_nano_usd: Math.round(cost * 1e9),
      },
    ];
  });
}

/** fal's metadata of one model; like fal, no `license_type` at all when the licence is not known. */
function modelEntry(model: SandboxModel, wording: string | undefined) {
  const stated = wording ?? (model.licence === 'unknown' ? undefined : model.licence);
  const licence = stated === undefined ? {} : { license_type: stated };
  return {
    endpoint_id: model.endpointId,
    metadata: {
      display_name: model.displayName,
      category: model.category,
      status: 'active',
      kind: 'inference',
      tags: ['sandbox'],
      ...licence,
    },
  };
}

/** `?a=x,y&a=z` → [x, y, z] (fal accepts both forms), at most 50 values. */
function listParam(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 50);
}

function keyAccepted(header: string | undefined): boolean {
  const match = /^Key ([^\s:]+):(\S+)$/.exec(header ?? '');
  return match !== null && !match[1]?.startsWith('bad');
}

function unauthorised(): Response {
  return platformError(401, 'authorization_error', 'Invalid or missing API key');
}

function platformError(status: 401 | 422, type: string, message: string): Response {
  return falJson({ error: { type, message } }, status);
}
