import { asCancelOutcome, type CaptureStore, parseBillableUnits } from './capture-store.ts';
import { type FalCall, type FalCallOp, identifyFalCall } from './fal-call.ts';
import { FalHttpFailure, FalTransportFailure } from './failures.ts';

/** Bounded exponential backoff for calls to fal: delays are base, 2×base, 4×base… capped at max (ms). */
export interface FalRetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** modelbridge-docs.md §13: network calls retry 3 times with backoff at 1 s, 2 s and 4 s. */
export const DEFAULT_FAL_RETRY: FalRetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 4000 };

// A submit answered 500 may already be queued, so only gateway-level codes are retried for writes;
// reads (status, result) are safe to repeat on 500 too. 422 is never retried (§13: fails at once).
const WRITE_RETRY = [429, 502, 503, 504];
const READ_RETRY = [429, 500, 502, 503, 504];
const RETRY_STATUSES: Record<FalCallOp, readonly number[]> = {
  submit: WRITE_RETRY,
  status: READ_RETRY,
  result: READ_RETRY,
  cancel: WRITE_RETRY,
  'upload-initiate': WRITE_RETRY,
  'upload-put': READ_RETRY,
  other: WRITE_RETRY,
};

/**
 * Wraps `fetch` for @fal-ai/client: retries retryable answers and connection failures with the given
 * policy (then throws FalHttpFailure / FalTransportFailure, which the client does not retry again),
 * and records the headers the client drops (billable units, bill-as, request id, cancel outcome).
 */
export function createCapturingFetch(options: {
  fetch: typeof fetch;
  retry: FalRetryPolicy;
  store: CaptureStore;
}): typeof fetch {
  const { retry, store } = options;
  return async (input, init) => {
    const call = identifyFalCall(methodOf(input, init), urlOf(input), init?.headers);
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await options.fetch(input, init);
      } catch (error) {
        if (isAbort(error)) throw error;
        if (attempt > retry.maxRetries) throw new FalTransportFailure(transportCodeOf(error), attempt);
        await sleep(backoff(retry, attempt), init?.signal);
        continue;
      }
      if (!isRetryableAnswer(call.op, response)) {
        await capture(call, response, store);
        return response;
      }
      if (attempt > retry.maxRetries) throw await toHttpFailure(response, attempt);
      await response.body?.cancel();
      await sleep(backoff(retry, attempt), init?.signal);
    }
  };
}

function isRetryableAnswer(op: FalCallOp, response: Response): boolean {
  // fal's user-set start timeout (504 + x-fal-request-timeout-type: user) must not be retried.
  if (response.status === 504 && response.headers.get('x-fal-request-timeout-type') === 'user') return false;
  return RETRY_STATUSES[op].includes(response.status);
}

async function capture(call: FalCall, response: Response, store: CaptureStore): Promise<void> {
  if (call.op === 'result' && call.requestId) {
    // Recorded for failed results too: a 422 after GPU time can still be billed (§9).
    store.recordBilling(call.requestId, {
      billableUnits: parseBillableUnits(response.headers.get('x-fal-billable-units')),
      billAs: response.headers.get('x-fal-bill-as') || null,
      falRequestId: response.headers.get('x-fal-request-id') || null,
    });
  }
  if (call.op === 'cancel' && call.requestId && response.ok) {
    // The client's queue.cancel() resolves to void, so the outcome word is only visible here.
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    const outcome = asCancelOutcome((body as { status?: unknown } | null)?.status);
    if (outcome) store.recordCancel(call.requestId, outcome);
  }
}

async function toHttpFailure(response: Response, attempts: number): Promise<FalHttpFailure> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const bodyType = (body as { error_type?: unknown } | null)?.error_type;
  return new FalHttpFailure({
    status: response.status,
    body,
    requestId: response.headers.get('x-fal-request-id'),
    errorType: response.headers.get('x-fal-error-type') ?? (typeof bodyType === 'string' ? bodyType : null),
    attempts,
  });
}

function backoff(policy: FalRetryPolicy, attempt: number): number {
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

function transportCodeOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function methodOf(input: RequestInfo | URL, init: RequestInit | undefined): string {
  if (init?.method) return init.method;
  return typeof input === 'object' && 'method' in input ? input.method : 'GET';
}
