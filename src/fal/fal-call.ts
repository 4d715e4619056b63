/**
 * Recognises which fal operation an outgoing request is, from its real target URL (the
 * `x-fal-target-url` header when it goes through the proxy). Used to pick a retry rule and to know
 * which response headers are worth keeping.
 */

/** The fal operations the gateway performs; `other` is anything else. */
export type FalCallOp =
  'submit' | 'status' | 'result' | 'cancel' | 'upload-initiate' | 'upload-put' | 'other';

/** An identified request: its operation and, for queue calls on one request, the request id. */
export interface FalCall {
  op: FalCallOp;
  requestId: string | null;
  targetUrl: string;
}

/** Header through which @fal-ai/client tells a proxy the real destination. */
export const TARGET_URL_HEADER = 'x-fal-target-url';

const REQUEST_PATH = /\/requests\/([^/?#]+)(\/status(?:\/stream)?|\/cancel)?\/?$/;

/** Reads a header from any `HeadersInit` shape, case-insensitively. */
function headerOf(headers: HeadersInit | undefined, name: string): string | null {
  if (!headers) return null;
  return new Headers(headers).get(name);
}

/** Classifies one request by method and target URL (never throws on odd URLs). */
export function identifyFalCall(method: string, url: string, headers: HeadersInit | undefined): FalCall {
  const proxied = headerOf(headers, TARGET_URL_HEADER);
  const targetUrl = proxied ?? url;
  const verb = method.toUpperCase();
  let parsed: URL;
  try {
    parsed = new URL(targetUrl);
  } catch {
    return { op: 'other', requestId: null, targetUrl };
  }
  if (parsed.pathname.startsWith('/storage/upload/initiate')) {
    return { op: 'upload-initiate', requestId: null, targetUrl };
  }
  const match = REQUEST_PATH.exec(parsed.pathname);
  if (match) {
    const requestId = decodeURIComponent(match[1] ?? '');
    const suffix = match[2] ?? '';
    if (suffix.startsWith('/status')) return { op: 'status', requestId, targetUrl };
    if (suffix === '/cancel' && verb === 'PUT') return { op: 'cancel', requestId, targetUrl };
    if (suffix === '' && verb === 'GET') return { op: 'result', requestId, targetUrl };
  }
  if (!proxied && verb === 'PUT') return { op: 'upload-put', requestId: null, targetUrl };
  if (verb === 'POST' && parsed.hostname.startsWith('queue.'))
    return { op: 'submit', requestId: null, targetUrl };
  return { op: 'other', requestId: null, targetUrl };
}
