import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../contract/index.ts';

/**
 * An error a route throws to answer with a given HTTP status; `code` is UPPER_SNAKE and stable (the panel
 * switches on it), `message` says what happened, why and what to do, and never contains a fal key.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: unknown;

  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Builds the JSON error body; `details` is included only when given (per-event reasons, for example). */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** Answers with the JSON error body and status; used by middleware that stops a request early. */
export function jsonError(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json(errorBody(code, message), status);
}

/** Hono `onError` handler: ApiError keeps its status; anything else is a 500 with a generic message. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
  // Hono's own HTTPException (e.g. from a middleware) carries a status but no JSON body.
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 600) {
    return jsonError(c, status as ContentfulStatusCode, 'HTTP_ERROR', err.message || 'Request failed.');
  }
  console.error('modelbridge server error:', err);
  return jsonError(
    c,
    500,
    'INTERNAL',
    'The modelBridge backend hit an unexpected error. Try again; if it repeats, restart `modelbridge serve`.',
  );
}

/** Hono `notFound` handler: a JSON 404 naming the path, so a wrong URL in the panel is easy to spot. */
export function handleNotFound(c: Context): Response {
  return jsonError(c, 404, 'NOT_FOUND', `Nothing is served at ${c.req.method} ${c.req.path}.`);
}
