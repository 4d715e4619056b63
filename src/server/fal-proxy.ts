import { Hono } from 'hono';
import { allowedFalTarget, sandboxTarget } from './fal-proxy-hosts.ts';
import { relayResponse } from './fal-proxy-relay.ts';

/** Options for createFalProxy. */
export interface FalProxyOptions {
  /** The fal key, read per request (it can change in Settings); null when none is set. */
  getKey: () => string | null;
  /**
   * Non-null = sandbox mode: fal hosts are rewritten onto this base (e.g. http://127.0.0.1:PORT/sandbox)
   * and no key is sent. The function may return null to mean "not sandbox right now".
   */
  sandboxBaseUrl: (() => string | null) | null;
  fetch?: typeof fetch;
}

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

async function forward(request: Request, options: FalProxyOptions): Promise<Response> {
  const rawTarget = request.headers.get(TARGET_HEADER);
  if (!rawTarget) {
    return proxyError(
      400,
      'FAL_TARGET_MISSING',
      'The request to the fal proxy named no destination, so it was not sent. The panel must call fal through @fal-ai/client, which sets it.',
    );
  }
  const target = allowedFalTarget(rawTarget);
  if (!target) {
    return proxyError(
      403,
      'FAL_TARGET_NOT_ALLOWED',
      'The fal proxy refused this destination because it only forwards to fal.ai over https. Check which address the panel is calling.',
    );
  }
  const sandboxBase = options.sandboxBaseUrl?.() ?? null;
  const key = sandboxBase ? null : options.getKey();
  if (!sandboxBase && !key) {
    return proxyError(
      401,
      'FAL_KEY_MISSING',
      'No fal.ai API key is set, so the request could not be sent to fal.ai. Add your key in Settings, or start modelBridge in Sandbox mode.',
    );
  }
  const url = sandboxBase ? sandboxTarget(target, sandboxBase) : target.href;
  const streaming = target.pathname.endsWith('/status/stream');
  const signal = streaming ? undefined : AbortSignal.timeout(UPSTREAM_TIMEOUT_MS);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await (options.fetch ?? fetch)(url, {
      method: request.method,
      headers: forwardHeaders(request.headers, key),
      body: hasBody ? await request.arrayBuffer() : undefined,
      // Never follow a redirect: it could lead the key (or the caller) off fal's hosts.
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
      return proxyError(
        504,
        'FAL_TIMEOUT',
        'fal.ai did not answer in time, so the request was abandoned. Try again in a moment.',
      );
    }
    return proxyError(
      502,
      'FAL_UNREACHABLE',
      'The backend could not reach fal.ai: the connection failed. Check the internet connection and try again.',
    );
  }
  return relayResponse(upstream, key);
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

function proxyError(status: 400 | 401 | 403 | 502 | 504, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
