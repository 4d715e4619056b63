import { Hono } from 'hono';
import type { SandboxContext } from './context.ts';
import { FileStore } from './file-store.ts';
import { SANDBOX_CSP } from './inert-file.ts';
import { createPlatformRoutes } from './platform-routes.ts';
import { createQueueRoutes } from './queue-routes.ts';
import { createStorageRoutes } from './storage-routes.ts';
import { SandboxStore } from './store.ts';

export { SANDBOX_SCENARIOS, type SandboxScenario } from './scenarios.ts';

/** Options of the Sandbox fal. */
export interface SandboxOptions {
  /** Timing multiplier: 1 = realistic (seconds to minutes), 50 = fifty times faster. Default 1. */
  speed?: number;
  /** Seed of the simulated timings, so a run can be reproduced. Default 1. */
  seed?: number;
  /** Public base URL of the mount, e.g. http://127.0.0.1:PORT/sandbox: used in response, upload and file URLs. */
  publicBaseUrl: () => string;
  /**
   * `license_type` wording the fake model API states for these endpoint ids instead of the catalog's
   * licence, so tests can show fal's live answer winning over the seed. Default none.
   */
  licenceWording?: Readonly<Record<string, string>>;
}

/**
 * A simulated fal.ai (no charges, no network) speaking the protocol @fal-ai/client uses. Mount it at
 * `/sandbox`: `/queue/…` (queue API), `/rest/storage/…` + `/storage/upload/…` (uploads), `/files/…`
 * (media), `/api/v1/…` (pricing, models, billing events). Failures by prompt keyword: SANDBOX_SCENARIOS.
 * State lives in memory and is bounded (oldest requests and files are dropped first).
 */
export function createSandboxFal(options: SandboxOptions): Hono {
  const speed =
    options.speed !== undefined && Number.isFinite(options.speed) && options.speed > 0 ? options.speed : 1;
  const ctx: SandboxContext = {
    store: new SandboxStore(speed, options.seed ?? 1),
    files: new FileStore(),
    base: () => options.publicBaseUrl().replace(/\/+$/, ''),
    streamIntervalMs: Math.max(20, Math.round(500 / speed)),
    licenceWording: options.licenceWording ?? {},
  };
  const storage = createStorageRoutes(ctx);
  const app = new Hono();
  // No Sandbox answer is ever a page: a JSON echo of a prompt must not run as HTML on the panel's origin.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', SANDBOX_CSP);
    c.res.headers.set('x-content-type-options', 'nosniff');
  });
  app.route('/queue', createQueueRoutes(ctx));
  app.route('/rest', storage.rest);
  app.route('/storage', storage.storage);
  app.route('/files', storage.files);
  app.route('/api', createPlatformRoutes(ctx));
  app.all('/run/*', (c) =>
    c.json(
      { detail: 'The sandbox simulates the queue API only; submit through queue.fal.run instead.' },
      404,
    ),
  );
  app.notFound((c) => c.json({ detail: 'Not found in the sandbox' }, 404));
  return app;
}
