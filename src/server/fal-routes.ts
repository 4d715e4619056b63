import type { Hono } from 'hono';
import type { ServerContext } from './context.ts';
import { createFalProxy } from './fal-proxy.ts';
import { createRunAdmission } from './run-admission.ts';
import { createSandboxFal } from './sandbox/index.ts';

/** Sandbox options passed through from startServer. */
export interface FalRouteOptions {
  speed?: number;
  seed?: number;
  fetch?: typeof fetch;
}

/**
 * Builds the fal proxy and the Sandbox fal. The proxy decides per request: in Sandbox mode (forced, or
 * no key) it rewrites fal hosts onto the in-process sandbox and sends no key; otherwise it adds the key.
 * In both modes a run goes out only when the ledger holds its intent (run-admission.ts).
 */
export function createFalRoutes(
  ctx: ServerContext,
  options: FalRouteOptions,
): { falProxy: Hono; sandbox: Hono } {
  const sandbox = createSandboxFal({
    ...(options.speed === undefined ? {} : { speed: options.speed }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    publicBaseUrl: ctx.sandboxBaseUrl,
  });
  const falProxy = createFalProxy({
    getKey: () => ctx.settings.falKey(),
    sandboxBaseUrl: () => (ctx.isSandbox() ? ctx.sandboxBaseUrl() : null),
    admission: createRunAdmission(ctx.journal),
    // The panel reads the status from Settings: "key refused", with Sandbox offered.
    onKeyRefused: () => void ctx.settings.markKeyRefused().catch(() => undefined),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { falProxy, sandbox };
}
