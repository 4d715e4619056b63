import type { Scenario } from './scenarios.ts';

/** An HTTP answer the sandbox gives for a scenario failure, shaped like fal's. */
export interface FailureAnswer {
  status: 401 | 403 | 422 | 429 | 500 | 503 | 504;
  body: Record<string, unknown>;
  /** `x-fal-error-type`, set for fal's infrastructure ("request") errors. */
  errorType: string | null;
}

type Failure = NonNullable<Scenario['failure']>;

/** fal's wording for a locked account (modelbridge-docs.md §13, BALANCE_EMPTY). */
export const BALANCE_DETAIL =
  'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.';

const ANSWERS: Record<Failure, FailureAnswer> = {
  validation: {
    status: 422,
    body: {
      detail: [
        { loc: ['body', 'duration'], msg: "Input should be '5' or '10'", type: 'literal_error', input: '7' },
      ],
    },
    errorType: null,
  },
  server: {
    status: 500,
    body: { detail: 'Internal server error', error_type: 'internal_error' },
    errorType: null,
  },
  unavailable: {
    status: 503,
    body: {
      detail: 'No runner could be allocated to handle the request.',
      error_type: 'runner_scheduling_failure',
    },
    errorType: 'runner_scheduling_failure',
  },
  'rate-limit': {
    status: 429,
    body: { detail: 'Too many concurrent requests. Wait for running requests to finish and try again.' },
    errorType: null,
  },
  timeout: {
    status: 504,
    body: { detail: 'Request timed out', error_type: 'request_timeout' },
    errorType: 'request_timeout',
  },
  policy: {
    status: 422,
    body: {
      detail: [
        {
          loc: ['body', 'prompt'],
          msg: 'The content was flagged by a content checker.',
          type: 'content_policy_violation',
          url: 'https://docs.fal.ai/errors#content_policy_violation',
          categories: ['violence'],
        },
      ],
    },
    errorType: null,
  },
  balance: { status: 403, body: { detail: BALANCE_DETAIL }, errorType: null },
  auth: {
    status: 401,
    body: { detail: 'Invalid key: no user matches this key id and secret.' },
    errorType: null,
  },
};

/** The `error` / `error_type` a COMPLETED status carries for a failed or cancelled run. */
const STATUS_ERRORS: Record<Failure | 'cancelled', readonly [string, string]> = {
  validation: ['Input validation failed', 'model_validation_error'],
  server: ['Internal server error', 'internal_error'],
  unavailable: ['No runner could be allocated', 'runner_scheduling_failure'],
  'rate-limit': ['Too many concurrent requests', 'rate_limited'],
  timeout: ['Request timed out', 'request_timeout'],
  policy: ['The content was flagged by a content checker', 'content_policy_violation'],
  balance: ['User is locked', 'balance_exhausted'],
  auth: ['Invalid key', 'authorization_error'],
  cancelled: ['Request was cancelled before it completed', 'request_cancelled'],
};

/** The HTTP answer for a scenario failure (at submit, or on the result fetch of a failed run). */
export function failureAnswer(failure: Failure): FailureAnswer {
  return ANSWERS[failure];
}

/** The status-body error fields for a failed (or cancelled) run. */
export function statusError(failure: Failure | 'cancelled'): { error: string; error_type: string } {
  const [error, errorType] = STATUS_ERRORS[failure];
  return { error, error_type: errorType };
}

/** The result answer of a run that was cancelled before it completed (never billed). */
export const CANCELLED_RESULT = {
  detail: 'Request was cancelled before it completed',
  error_type: 'request_cancelled',
};
