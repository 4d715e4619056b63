/**
 * Failures raised by the capturing fetch (capture-fetch.ts) once its own bounded retries are spent.
 * They deliberately carry no `cause` and no `code`: @fal-ai/client walks both to decide whether to
 * retry again, and the retrying is already done.
 */

/** An HTTP answer that stayed retryable (429 or 5xx) after every attempt. */
export class FalHttpFailure extends Error {
  override name = 'FalHttpFailure';
  /** HTTP status of the last attempt. */
  readonly status: number;
  /** Parsed JSON body of the last attempt, or null when it was not JSON. */
  readonly body: unknown;
  readonly requestId: string | null;
  /** fal's machine-readable error category (`x-fal-error-type` header or `error_type` field). */
  readonly errorType: string | null;
  /** Number of attempts made, at least 1. */
  readonly attempts: number;

  constructor(init: {
    status: number;
    body: unknown;
    requestId: string | null;
    errorType: string | null;
    attempts: number;
  }) {
    super(`fal answered with status ${init.status} after ${init.attempts} attempt(s)`);
    this.status = init.status;
    this.body = init.body;
    this.requestId = init.requestId;
    this.errorType = init.errorType;
    this.attempts = init.attempts;
  }
}

/** The connection itself failed (refused, reset, DNS) on every attempt. */
export class FalTransportFailure extends Error {
  override name = 'FalTransportFailure';
  /** The system error code of the last attempt (e.g. ECONNREFUSED), when there was one. */
  readonly transportCode: string | null;
  readonly attempts: number;

  constructor(transportCode: string | null, attempts: number) {
    super(`connection failed after ${attempts} attempt(s)${transportCode ? ` (${transportCode})` : ''}`);
    this.transportCode = transportCode;
    this.attempts = attempts;
  }
}
