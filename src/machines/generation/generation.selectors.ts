import type { SnapshotFrom } from 'xstate';
import {
  type Charged,
  convertMicros,
  type Currency,
  type ErrorKind,
  type Estimate,
  runBlockers,
} from '../../domain/index.ts';
import type { RetryMode, RunActual } from './generation-run.contract.ts';
import type { generationMachine } from './generation.machine.ts';

/**
 * Pure selectors over a generation snapshot, for `useSelector(ref, selectX)`. Object results are
 * memoised on the context object, so a view re-renders only when the machine assigned something.
 */

/** A generation's snapshot. */
export type GenerationSnapshot = SnapshotFrom<typeof generationMachine>;

/** One word for where a generation is, as rows and banners show it. */
export type GenerationPhase =
  | 'editing'
  | 'confirming'
  | 'sending'
  | 'queued'
  | 'generating'
  | 'downloading'
  | 'importing'
  | 'cancelling'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'stillRunning';

/** What the confirmation dialog shows: the estimate in micro-USD and in the display currency. */
export interface Confirmation {
  usdMicros: number | null;
  /** The same amount in `currency` micro-units with the generation's rates; null when unpriced. */
  displayMicros: number | null;
  currency: Currency;
  thresholdUsdMicros: number;
  estimate: Estimate;
}

/** Why a generation failed, whether fal charged, and what Retry will do. */
export interface FailureView {
  kind: ErrorKind;
  charged: Charged;
  message: string;
  retry: RetryMode | null;
  /** Retry sends a new request that fal may charge again: the view must warn (modelbridge-docs.md §9). */
  retryChargesAgain: boolean;
}

function memo<T>(compute: (s: GenerationSnapshot) => T): (s: GenerationSnapshot) => T {
  const cache = new WeakMap<object, { value: string; result: T }>();
  return (s) => {
    const key = String(JSON.stringify(s.value));
    const hit = cache.get(s.context);
    if (hit && hit.value === key) return hit.result;
    const result = compute(s);
    cache.set(s.context, { value: key, result });
    return result;
  };
}

/**
 * The phase of a generation from its state value and context alone (no snapshot methods), so parents
 * can read it from any snapshot they are sent, persisted ones included.
 */
export function phaseOf(s: Pick<GenerationSnapshot, 'value' | 'context'>): GenerationPhase {
  if (typeof s.value === 'string') return s.value as Exclude<GenerationPhase, 'sending'>;
  if (s.context.cancelling) return 'cancelling';
  const { step } = s.context.progress;
  return step === 'sent' ? 'sending' : step;
}

/** The phase: the parent state, or the run's current step while it is active. */
export function selectPhase(s: GenerationSnapshot): GenerationPhase {
  return phaseOf(s);
}

/** The prompt (the form's text, or the one sent). */
export function selectPrompt(s: GenerationSnapshot): string {
  return s.context.prompt;
}

/** The fal inputs (the form's, defaults filled in, or the ones sent). */
export function selectParams(s: GenerationSnapshot): Record<string, unknown> {
  return s.context.params;
}

/** The catalog model the run uses (its inputs' labels and units). */
export function selectModel(s: GenerationSnapshot): GenerationSnapshot['context']['model'] {
  return s.context.model;
}

/** The current estimate (tier kept; usdMicros null means "No price", never $0). */
export function selectEstimate(s: GenerationSnapshot): Estimate {
  return s.context.estimate;
}

/** The dialog's amounts while confirming, else null. The decision itself always used USD. */
export const selectConfirmation = memo((s): Confirmation | null => {
  if (!s.matches('confirming')) return null;
  const { estimate, settings } = s.context;
  return {
    usdMicros: estimate.usdMicros,
    displayMicros:
      estimate.usdMicros === null
        ? null
        : convertMicros(estimate.usdMicros, settings.displayCurrency, settings.fx),
    currency: settings.displayCurrency,
    thresholdUsdMicros: settings.thresholds.singleUsdMicros,
    estimate,
  };
});

/** True once the run moved to the background (the Generate form is free again). */
export function selectIsBackground(s: GenerationSnapshot): boolean {
  return s.context.background;
}

/** The failure while failed, else null. */
export const selectFailure = memo((s): FailureView | null => {
  const { failure, retry } = s.context;
  if (!s.matches('failed') || failure === null) return null;
  const { kind, charged, message } = failure;
  return { kind, charged, message, retry, retryChargesAgain: retry !== 'reuse' };
});

/** The metered actual cost once the result's billable units were read, else null. */
export function selectActual(s: GenerationSnapshot): RunActual | null {
  return s.context.actual;
}

/**
 * Why Generate is disabled while editing: the first blocker (empty prompt, prompt or parameters over the
 * ledger's limits), or null when the run can be sent. A string, so `useSelector` compares it cheaply.
 */
export function selectSendBlocker(snapshot: GenerationSnapshot): string | null {
  if (!snapshot.hasTag('editable')) return null;
  return runBlockers(snapshot.context)[0] ?? null;
}
