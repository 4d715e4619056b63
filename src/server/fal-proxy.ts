import { Hono } from 'hono';
import { allowedFalTarget, sandboxTarget } from './fal-proxy-hosts.ts';
import { relayResponse } from './fal-proxy-relay.ts';
import { type RunAdmission, type RunPass, runEndpointOf } from './run-admission.ts';

/** Options for createFalProxy. */
export interface FalProxyOptions {
  /** The fal key, read per request (it can change in Settings); null when none is set. */
  getKey: () => string | null;
  /**
   * Non-null = sandbox mode: fal hosts are rewritten onto this base (e.g. http://127.0.0.1:PORT/sandbox)
   * and no key is sent. The function may return null to mean "not sandbox right now".
   */
  sandboxBaseUrl: (() => string | null) | null;
  /** The write-ahead gate: a request that starts a run is forwarded only when it admits it. */
  admission?: RunAdmission;
  /** Told when fal.ai answered 401 to the backend's key (never in Sandbox mode). */
  onKeyRefused?: () => void;
  fetch?: typeof fetch;
}

/** Header naming the ledger intent of a submit (set by the panel's gateway); never forwarded to fal. */
export const INTENT_HEADER = 'x-modelbridge-intent';

/** Header naming the real destination, set by @fal-ai/client's proxy middleware. */
const TARGET_HEADER = 'x-fal-target-url';
/** A result or status fetch should answer well within this; SSE streams are exempt (ms). */
const UPSTREAM_TIMEOUT_MS = 120_000;

/**
 * fal's proxy protocol (`x-fal-target-url`, method and body kept): forwards only to fal hosts, adds
 * `Authorization: Key …` from the backend (never from the caller), or rewrites to the Sandbox fal.
 * The key never appears in a response, header or log.
 */
export function createFalProxy(options: FalProxyOptions): Hono {
  const app = new Hono();
  app.all('*', (c) => forward(c.req.raw, options));
  return app;
}

/** Messages of the proxy's own refusals: what happened, why, what to do. */
const REFUSALS = {
  FAL_TARGET_MISSING: [
    400,
    'The request to the fal proxy named no destination, so it was not sent. The panel must call fal through @fal-ai/client, which sets it.',
  ],
  FAL_TARGET_NOT_ALLOWED: [
    403,
    'The fal proxy refused this destination because it only forwards to fal.ai over https. Check which address the panel is calling.',
  ],
  FAL_KEY_MISSING: [
    401,
    'No fal.ai API key is set, so the request could not be sent to fal.ai. Add your key in Settings, or start modelBridge in Sandbox mode.',
  ],
  FAL_TIMEOUT: [504, 'fal.ai did not answer in time, so the request was abandoned. Try again in a moment.'],
  FAL_UNREACHABLE: [
    502,
    'The backend could not reach fal.ai: the connection failed. Check the internet connection and try again.',
  ],
} as const;

/** Where a proxied request goes and with which key; or the refusal code. */
type Route = { url: string; target: URL; key: string | null; streaming: boolean } | keyof typeof REFUSALS;

function route(request: Request, options: FalProxyOptions): Route {
  const rawTarget = request.headers.get(TARGET_HEADER);
  if (!rawTarget) return 'FAL_TARGET_MISSING';
  const target = allowedFalTarget(rawTarget);
  if (!target) return 'FAL_TARGET_NOT_ALLOWED';
  const sandboxBase = options.sandboxBaseUrl?.() ?? null;
  const key = sandboxBase ? null : options.getKey();
  if (!sandboxBase && !key) return 'FAL_KEY_MISSING';
  const url = sandboxBase ? sandboxTarget(target, sandboxBase) : target.href;
  return { url, target, key, streaming: target.pathname.endsWith('/status/stream') };
}

async function forward(request: Request, options: FalProxyOptions): Promise<Response> {
  const where = route(request, options);
  if (typeof where === 'string') return refuse(where);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await request.arrayBuffer() : undefined;
  const gate = admit(request, where.target, body, options.admission);
  if (gate instanceof Response) return gate;
  try {
    const upstream = await (options.fetch ?? fetch)(where.url, {
      method: request.method,
      headers: forwardHeaders(request.headers, where.key),
      body,
      // Never follow a redirect: it could lead the key (or the caller) off fal's hosts.
      redirect: 'manual',
      // The upstream call ends when the caller goes away; status streams (SSE) stay open until
      // COMPLETED, every other call must also answer in time.
      signal: where.streaming
        ? request.signal
        : AbortSignal.any([request.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
    });
    gate?.settle(upstream.ok);
    if (upstream.status === 401 && where.key) options.onKeyRefused?.();
    return await relayResponse(upstream, where.key);
  } catch (error) {
    gate?.settle(false);
    const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
    return refuse(timedOut ? 'FAL_TIMEOUT' : 'FAL_UNREACHABLE');
  }
}

/** The gate's answer for a request that starts a run: a refusal response, a pass, or null for other requests. */
function admit(
  request: Request,
  target: URL,
  body: ArrayBuffer | undefined,
  admission: RunAdmission | undefined,
): Response | RunPass | null {
  const endpointId = admission ? runEndpointOf(request.method, target) : null;
  if (!admission || endpointId === null) return null;
  const answer = admission.admit({
    intentId: request.headers.get(INTENT_HEADER),
    endpointId,
    body: body ?? new ArrayBuffer(0),
  });
  if ('settle' in answer) return answer;
  return Response.json({ error: { code: answer.code, message: answer.message } }, { status: answer.status });
}

/** Copies only what fal needs: content negotiation and fal's own `x-fal-*` / `x-app-fal-*` options. */
function forwardHeaders(incoming: Headers, key: string | null): Headers {
  const headers = new Headers();
  for (const [name, value] of incoming) {
    const lower = name.toLowerCase();
    const wanted =
      lower === 'content-type' ||
      lower === 'accept' ||
      lower === 'user-agent' ||
      (lower.startsWith('x-fal-') && lower !== TARGET_HEADER) ||
      lower.startsWith('x-app-fal-');
    if (wanted) headers.set(lower, value);
  }
  // Any incoming authorization was dropped above; only the backend's key is ever sent.
  if (key) headers.set('authorization', `Key ${key}`);
  return headers;
}

function refuse(code: keyof typeof REFUSALS): Response {
  const [status, message] = REFUSALS[code];
  return Response.json({ error: { code, message } }, { status });
}
