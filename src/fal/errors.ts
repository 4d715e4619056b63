import type { Charged, ErrorKind } from '../domain/ledger/events.ts';
import { bodyText, type ErrorFacts, errorFacts } from './error-facts.ts';
import { type CopyVariant, falErrorMessage, policyDetail, validationDetail } from './error-copy.ts';

/** Where in a run the failure happened; `platform` is a pricing, licence or key check (never billed). */
export type FalStage = 'submit' | 'status' | 'result' | 'cancel' | 'upload' | 'platform';

/** A classified fal failure: what kind, whether it cost money, and whether trying again can help. */
export class FalError extends Error {
  override name = 'FalError';
  readonly kind: ErrorKind;
  /** Whether fal charged for the failed run (modelbridge-docs.md §9). */
  readonly charged: Charged;
  /** True when the failure is temporary (rate limit, server, timeout, network). */
  readonly retryable: boolean;
  readonly requestId: string | null;
  /** True when fal reports the run as cancelled (kind is then UNKNOWN and nothing was charged). */
  readonly cancelled: boolean;

  constructor(init: {
    kind: ErrorKind;
    charged: Charged;
    retryable: boolean;
    requestId: string | null;
    message: string;
    cancelled?: boolean;
  }) {
    super(init.message);
    this.kind = init.kind;
    this.charged = init.charged;
    this.retryable = init.retryable;
    this.requestId = init.requestId;
    this.cancelled = init.cancelled ?? false;
  }
}

const RETRYABLE_KINDS: readonly ErrorKind[] = ['RATE_LIMIT', 'SERVER', 'TIMEOUT', 'NETWORK'];
// Connection failures where nothing can have reached fal (so a submit cannot have been queued).
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'FAL_UNREACHABLE']);

/**
 * Classifies anything thrown while talking to fal (through the gateway, the proxy or directly) into a
 * FalError with kind, charged (no | maybe | yes per §9) and a message for people. A FalError passes
 * through unchanged. `billed: true` (fal reported billable units above 0 on the failed result) forces
 * charged to `yes`.
 */
export function classifyFalError(
  error: unknown,
  stage: FalStage,
  options: { billed?: boolean } = {},
): FalError {
  if (error instanceof FalError) return error;
  const facts = errorFacts(error);
  const { kind, variant } = kindOf(facts);
  const charged = options.billed ? 'yes' : chargedFor(kind, stage, facts, variant);
  return new FalError({
    kind,
    charged,
    retryable: RETRYABLE_KINDS.includes(kind),
    requestId: facts.requestId,
    message: falErrorMessage(kind, charged, variant, detailFor(kind, facts)),
    cancelled: variant === 'cancelled',
  });
}

function kindOf(facts: ErrorFacts): { kind: ErrorKind; variant: CopyVariant } {
  const type = facts.errorType ?? '';
  const text = `${bodyText(facts.body)} ${type}`;
  if (facts.transport || type === 'FAL_UNREACHABLE') return { kind: 'NETWORK', variant: 'default' };
  if (facts.aborted === 'timeout' || type === 'FAL_TIMEOUT') return { kind: 'TIMEOUT', variant: 'default' };
  if (type === 'FAL_KEY_MISSING') return { kind: 'AUTH_INVALID', variant: 'no-key' };
  if (type === 'request_cancelled' || /\bcancell?ed\b/i.test(text))
    return { kind: 'UNKNOWN', variant: 'cancelled' };
  if (facts.status === null) {
    const timedOut = /timed? ?out/i.test(facts.text);
    return { kind: timedOut ? 'TIMEOUT' : 'UNKNOWN', variant: 'default' };
  }
  return { kind: kindOfStatus(facts.status, text, facts.body), variant: 'default' };
}

function kindOfStatus(status: number, text: string, body: unknown): ErrorKind {
  if (status === 401) return 'AUTH_INVALID';
  if (status === 402) return 'BALANCE_EMPTY';
  if (status === 403)
    return /locked|balance|exhausted|billing|credit/i.test(text) ? 'BALANCE_EMPTY' : 'AUTH_INVALID';
  if (status === 429) return 'RATE_LIMIT';
  if (isContentPolicy(body, text)) return 'CONTENT_POLICY';
  if (status === 422) return 'VALIDATION';
  if (status === 408 || status === 504 || /timeout/i.test(text)) return 'TIMEOUT';
  if (status >= 500) return 'SERVER';
  return 'UNKNOWN';
}

function isContentPolicy(body: unknown, text: string): boolean {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (
    Array.isArray(detail) &&
    detail.some((d) => (d as { type?: unknown })?.type === 'content_policy_violation')
  ) {
    return true;
  }
  return /content_policy_violation/.test(text);
}

function chargedFor(kind: ErrorKind, stage: FalStage, facts: ErrorFacts, variant: CopyVariant): Charged {
  if (variant === 'cancelled' || stage === 'upload' || stage === 'platform') return 'no';
  // The caller's own start deadline passed: the run never started, so it cannot have been billed.
  if (kind === 'TIMEOUT' && facts.timeoutType === 'user') return 'no';
  if (kind === 'DOWNLOAD' || kind === 'IMPORT') return 'yes';
  if (stage === 'submit') {
    // Before submission nothing is charged (§9), unless the answer was lost after fal got the request.
    if (kind === 'NETWORK')
      return NEVER_SENT.has(facts.transportCode ?? facts.errorType ?? '') ? 'no' : 'maybe';
    return kind === 'TIMEOUT' || kind === 'UNKNOWN' ? 'maybe' : 'no';
  }
  // After submission: 5xx is never billed; a worker-side 422 can be billed if GPU time was spent; a
  // content-policy stop is "usually no"; anything else leaves a run that may still complete and bill.
  return kind === 'SERVER' ? 'no' : 'maybe';
}

function detailFor(kind: ErrorKind, facts: ErrorFacts): string {
  if (kind === 'VALIDATION') return validationDetail(facts.body);
  if (kind === 'CONTENT_POLICY') return policyDetail(facts.body);
  return '';
}
