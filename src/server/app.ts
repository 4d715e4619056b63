import { type Context, Hono, type Next } from 'hono';
import { compress } from 'hono/compress';
import {
  API_BODY_LIMIT_BYTES,
  API_ROUTES,
  IMPORT_BODY_LIMIT_BYTES,
  LEDGER_BODY_LIMIT_BYTES,
} from '../contract/index.ts';
import { catalog } from '../domain/pricing/catalog.ts';
import type { ServerContext } from './context.ts';
import { handleError, handleNotFound } from './errors.ts';
import { createLicenceLookup } from './licence-lookup.ts';
import { createPanelRoutes } from './panel.ts';
import { createEventRoutes } from './routes/events.ts';
import { createHealthRoutes } from './routes/health.ts';
import { createLedgerRoutes } from './routes/ledger.ts';
import { createLedgerQueryRoutes } from './routes/ledger-queries.ts';
import { createMediaRoutes } from './routes/media.ts';
import { createModelRoutes } from './routes/models.ts';
import { createPricingRoutes } from './routes/pricing.ts';
import { createImportRoutes } from './routes/imports.ts';
import { createReportRoutes } from './routes/reports.ts';
import { createSettingsRoutes } from './routes/settings.ts';
import {
  bodyLimitGuard,
  hostGuard,
  originGuard,
  sandboxModeGuard,
  securityHeaders,
  tokenGuard,
} from './security.ts';

/** Body limit of the fal proxy in bytes (10 MiB): model inputs may carry small data URIs. */
export const PROXY_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** One body limit per kind of API call: fal inputs and ledger batches are larger than settings. */
function bodyLimits() {
  const api = bodyLimitGuard(API_BODY_LIMIT_BYTES);
  const ledger = bodyLimitGuard(LEDGER_BODY_LIMIT_BYTES, 'Send the events in smaller batches.');
  const proxy = bodyLimitGuard(
    PROXY_BODY_LIMIT_BYTES,
    'Upload large inputs as files instead of inline data.',
  );
  const imports = bodyLimitGuard(IMPORT_BODY_LIMIT_BYTES, 'Import at most 10 MB of CSV at once.');
  return (c: Context, next: Next) => {
    if (c.req.path.startsWith('/api/fal/')) return proxy(c, next);
    if (c.req.path === API_ROUTES.importsExternalPreview) return imports(c, next);
    return c.req.path === API_ROUTES.ledgerEvents ? ledger(c, next) : api(c, next);
  };
}

/** Everything {@link createApp} wires together. */
export interface AppParts {
  ctx: ServerContext;
  token: string;
  panelDir: string;
  /** The bound port (known only after listening; read per request). */
  port: () => number;
  /** The fal proxy, mounted at `/api/fal/proxy` (behind the token). */
  falProxy: Hono;
  /** The Sandbox fal, mounted at `/sandbox` (no token: the fal client and `<img>` tags call it); Sandbox mode only. */
  sandbox: Hono;
}

/**
 * Builds the backend's Hono app: security middleware first (headers, Host, Origin, then token and body
 * limits on `/api`, the mode on `/sandbox`), then the API routes, the fal proxy, the Sandbox fal and the panel.
 */
export function createApp(parts: AppParts): Hono {
  const { ctx, port } = parts;
  const app = new Hono();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.use('*', securityHeaders(), hostGuard(port), originGuard(port));
  app.use('/api/*', tokenGuard(parts.token));
  app.use('/api/*', bodyLimits());
  app.use('/sandbox/*', sandboxModeGuard(ctx.isSandbox));
  // The read model's JSON answers (a summary is ~125 kB, a working set more) shrink 5–10× in gzip; the
  // NDJSON stream and the event stream (SSE) are not JSON and pass through unbuffered.
  app.use(`${API_ROUTES.ledger}/*`, compress({ encoding: 'gzip', contentTypeFilter: /^application\/json/ }));
  app.route(API_ROUTES.health, createHealthRoutes(ctx));
  // The ledger routes serve API_ROUTES.ledgerEvents and API_ROUTES.ledgerReset as `/events` and `/reset`.
  app.route(API_ROUTES.ledger, createLedgerRoutes(ctx));
  app.route(API_ROUTES.ledger, createLedgerQueryRoutes(ctx));
  app.route(API_ROUTES.settings, createSettingsRoutes(ctx));
  const licences = createLicenceLookup(
    ctx,
    catalog.map((model) => model.endpoint_id),
  );
  app.route(API_ROUTES.models, createModelRoutes(licences));
  app.route(API_ROUTES.pricing, createPricingRoutes(ctx, licences));
  app.route(API_ROUTES.events, createEventRoutes(ctx));
  app.route(API_ROUTES.media, createMediaRoutes(ctx));
  app.route('/api/reports', createReportRoutes(ctx));
  app.route('/api/imports', createImportRoutes(ctx));
  app.route(API_ROUTES.falProxy, parts.falProxy);
  app.route('/sandbox', parts.sandbox);
  app.route(
    '/',
    createPanelRoutes({ panelDir: parts.panelDir, token: parts.token, isSandbox: ctx.isSandbox, port }),
  );
  return app;
}
