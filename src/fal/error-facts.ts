import { FalHttpFailure, FalTransportFailure } from './failures.ts';

/** What can be read off any error thrown while talking to fal, independent of where it came from. */
export interface ErrorFacts {
  status: number | null;
  body: unknown;
  requestId: string | null;
  /** fal's `error_type` / `x-fal-error-type`, or our proxy's `error.code`. */
  errorType: string | null;
  /** The connection failed (after retries); `transportCode` is the system code when known. */
  transport: boolean;
  transportCode: string | null;
  /** The call was aborted on purpose (AbortError) or by a deadline (TimeoutError). */
  aborted: 'abort' | 'timeout' | null;
  /** `x-fal-request-timeout-type`: `user` when the caller's own start deadline passed (the run never started). */
  timeoutType: string | null;
  /** Free text of the error, used only for matching, never shown. */
  text: string;
}

const TRANSPORT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
]);

/** The shape of @fal-ai/client's ApiError / ValidationError (matched by shape: the package may load twice). */
interface ApiErrorShape {
  name?: unknown;
  status?: unknown;
  body?: unknown;
  requestId?: unknown;
  timeoutType?: unknown;
}

/** Normalises FalHttpFailure, FalTransportFailure, @fal-ai/client's ApiError and plain errors. */
export function errorFacts(error: unknown): ErrorFacts {
  const facts: ErrorFacts = {
    status: null,
    body: null,
    requestId: null,
    errorType: null,
    transport: false,
    transportCode: null,
    aborted: null,
    timeoutType: null,
    text: error instanceof Error ? error.message : String(error),
  };
  if (error instanceof FalTransportFailure) {
    return { ...facts, transport: true, transportCode: error.transportCode };
  }
  if (error instanceof FalHttpFailure) {
    const errorType = error.errorType ?? bodyErrorType(error.body);
    return { ...facts, status: error.status, body: error.body, requestId: error.requestId, errorType };
  }
  const shape = (error ?? {}) as ApiErrorShape;
  if (typeof shape.status === 'number') return { ...facts, ...apiErrorFacts(shape, shape.status) };
  if (shape.name === 'AbortError') return { ...facts, aborted: 'abort' };
  if (shape.name === 'TimeoutError') return { ...facts, aborted: 'timeout' };
  const code = codeInChain(error);
  if (code !== null || (error instanceof TypeError && /fetch failed/i.test(facts.text))) {
    return { ...facts, transport: true, transportCode: code };
  }
  return facts;
}

function apiErrorFacts(shape: ApiErrorShape, status: number): Partial<ErrorFacts> {
  return {
    status,
    body: shape.body ?? null,
    requestId: typeof shape.requestId === 'string' && shape.requestId ? shape.requestId : null,
    errorType: bodyErrorType(shape.body),
    timeoutType: typeof shape.timeoutType === 'string' ? shape.timeoutType : null,
  };
}

/** `error_type` of a fal request error, or `error.code` of our proxy's `{ error: { code } }`. */
function bodyErrorType(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const record = body as { error_type?: unknown; error?: { code?: unknown } };
  if (typeof record.error_type === 'string') return record.error_type;
  if (record.error && typeof record.error === 'object' && typeof record.error.code === 'string') {
    return record.error.code;
  }
  return null;
}

/** All human text in a fal error body (`detail` string or list of `msg`), for matching only. */
export function bodyText(body: unknown): string {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : '';
  const record = body as { detail?: unknown; message?: unknown; error?: unknown };
  const parts: string[] = [];
  if (typeof record.detail === 'string') parts.push(record.detail);
  if (Array.isArray(record.detail)) {
    for (const item of record.detail) parts.push(String((item as { msg?: unknown })?.msg ?? ''));
  }
  if (typeof record.message === 'string') parts.push(record.message);
  if (typeof record.error === 'string') parts.push(record.error);
  return parts.join(' ');
}

function codeInChain(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (TRANSPORT_CODES.has(code) || code.startsWith('UND_ERR'))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
