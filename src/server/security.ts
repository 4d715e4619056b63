import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { TOKEN_HEADER } from '../contract/index.ts';
import { handleNotFound, jsonError } from './errors.ts';
import { tokensEqual } from './token.ts';

/** Response headers of the fal proxy a panel loaded from a CEP `file://` page may read (CORS). */
const EXPOSED_HEADERS = 'x-fal-billable-units, x-fal-bill-as, x-fal-request-id';

/**
 * Origins a request may come from besides the backend itself. Premiere's CEP runtime loads extension
 * pages from the extension folder, so their fetches carry `Origin: file://` or, in some CEF builds,
 * the opaque `Origin: null`. Allowing them is safe because the token is still required on every API
 * call, the panel page that holds the token is never given CORS headers (no foreign page can read it),
 * and the Host check still stops DNS rebinding.
 */
const CEP_ORIGINS = new Set(['file://', 'null']);

/** True for the Origins Premiere's CEP pages send (`file://`, `null`); see CEP_ORIGINS above. */
export function isCepOrigin(origin: string | undefined): origin is 'file://' | 'null' {
  return origin !== undefined && CEP_ORIGINS.has(origin);
}

function loopbackAuthorities(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * Rejects (403) any request whose `Host` is not `127.0.0.1:PORT` or `localhost:PORT`: a web page that
 * rebinds its own DNS name to 127.0.0.1 still sends its own name as Host.
 */
export function hostGuard(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!loopbackAuthorities(port()).has(host)) {
      return jsonError(
        c,
        403,
        'FORBIDDEN_HOST',
        `This backend only answers requests addressed to 127.0.0.1:${port()} or localhost:${port()}, ` +
          'to protect against DNS rebinding. Open the panel at the URL `modelbridge serve` printed.',
      );
    }
    await next();
  };
}

/**
 * Rejects (403) a foreign `Origin`. Allowed: no Origin (same-origin GETs, tools), the backend's own
 * loopback origins, and the CEP origins above. For CEP origins on `/api`, answers CORS preflights and
 * adds CORS headers, since their pages are cross-origin to the backend.
 */
export function originGuard(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const own = [...loopbackAuthorities(port())].map((a) => `http://${a}`);
    if (own.includes(origin)) return next();
    if (!isCepOrigin(origin)) {
      return jsonError(
        c,
        403,
        'FORBIDDEN_ORIGIN',
        `Requests from ${origin.slice(0, 200)} are refused: only the modelBridge panel itself may call this backend.`,
      );
    }
    if (!c.req.path.startsWith('/api/')) return next();
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
      // Any header may be sent: the token is still checked on the real request.
      c.header('Access-Control-Allow-Headers', c.req.header('access-control-request-headers') ?? '');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    return next();
  };
}

/** Requires the API token header (constant-time compare); 401 JSON when it is missing or wrong. */
export function tokenGuard(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (!tokensEqual(c.req.header(TOKEN_HEADER), token)) {
      return jsonError(
        c,
        401,
        'UNAUTHORIZED',
        `Missing or wrong ${TOKEN_HEADER} header. Reload the panel from the URL \`modelbridge serve\` printed ` +
          'to pick up the current token.',
      );
    }
    await next();
  };
}

/**
 * Caps request bodies at `maxBytes` (by Content-Length or while streaming); 413 JSON beyond it, with
 * `advice` (what to send instead) appended to the message.
 */
export function bodyLimitGuard(maxBytes: number, advice = 'Send a smaller request.'): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The unread rest of the body makes the socket unusable: tell the client not to reuse it.
      c.header('Connection', 'close');
      return jsonError(
        c,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${Math.round(maxBytes / 1024)} KiB. ${advice}`,
      );
    },
  });
}

/**
 * Adds headers every response gets: no MIME sniffing, no referrer, never inside a frame (a framed panel
 * carries its token, so a web page could click paid generations), and no caching of API answers.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}

/**
 * Hides the Sandbox fal (404, as if not mounted) unless the backend is in Sandbox mode right now. It has
 * no token, so with a real key it would only be a way in; the mode is read per request because saving
 * or removing a key in Settings switches it while the server runs.
 */
export function sandboxModeGuard(isSandbox: () => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!isSandbox()) return handleNotFound(c);
    await next();
  };
}
