/**
 * What the capturing fetch learned from responses that @fal-ai/client throws away: the billable
 * units and bill-as endpoint of each result fetch, and the status word of each cancel. Keyed by
 * request id and bounded, so a long-running panel does not grow without limit.
 */

/** Billing headers of the latest result fetch of one request. */
export interface CapturedBilling {
  /** `x-fal-billable-units` as a number in the model's own unit (may be fractional), or null when absent. */
  billableUnits: number | null;
  /** `x-fal-bill-as`: the endpoint id fal billed this run as, or null. */
  billAs: string | null;
  /** `x-fal-request-id` as fal sent it, or null. */
  falRequestId: string | null;
}

/** The documented cancel outcomes (fal-api.md § Cancel). */
export type CancelOutcome = 'OK' | 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED' | 'NOT_FOUND';

const CANCEL_OUTCOMES: readonly string[] = ['OK', 'CANCELLATION_REQUESTED', 'ALREADY_COMPLETED', 'NOT_FOUND'];

/** Narrows an unknown value (a cancel response's `status`) to a cancel outcome. */
export function asCancelOutcome(value: unknown): CancelOutcome | null {
  return typeof value === 'string' && CANCEL_OUTCOMES.includes(value) ? (value as CancelOutcome) : null;
}

/** Parses `x-fal-billable-units`; anything that is not a finite, non-negative decimal gives null. */
export function parseBillableUnits(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const units = Number(raw.trim());
  return Number.isFinite(units) && units >= 0 ? units : null;
}

/** Bounded per-request memory of captured headers and cancel outcomes. */
export class CaptureStore {
  private readonly billing = new Map<string, CapturedBilling>();
  private readonly cancels = new Map<string, CancelOutcome>();

  /** @param limit how many request ids each map keeps; the oldest is dropped first. */
  constructor(private readonly limit = 1000) {}

  /** Records the billing headers of a result fetch, replacing any earlier read. */
  recordBilling(requestId: string, billing: CapturedBilling): void {
    remember(this.billing, requestId, billing, this.limit);
  }

  /** The billing headers of the latest result fetch for this request, if any. */
  billingOf(requestId: string): CapturedBilling | undefined {
    return this.billing.get(requestId);
  }

  /** Records what a cancel call answered. */
  recordCancel(requestId: string, outcome: CancelOutcome): void {
    remember(this.cancels, requestId, outcome, this.limit);
  }

  /** Takes (and forgets) the recorded cancel outcome for this request. */
  takeCancel(requestId: string): CancelOutcome | undefined {
    const outcome = this.cancels.get(requestId);
    this.cancels.delete(requestId);
    return outcome;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > limit) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}
