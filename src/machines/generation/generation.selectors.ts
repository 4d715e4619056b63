import type { SnapshotFrom } from 'xstate';
import {
  type Charged,
  convertMicros,
  type Currency,
  type ErrorKind,
  type Estimate,
  runBlockers,
} from '../../domain/index.ts';
import type { RetryMode, RunActual, RunStep } from './generation-run.contract.ts';
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

/** One step of the five-step tracker; `startedAt` is ISO or null when the step was not reached. */
export interface TrackerStep {
  step: RunStep;
  /** "Sent", "Queued #3", "Generating", "Downloading", "Importing". */
  label: string;
  /** `stopped`: the step the run was cancelled in; `active` also while fal still runs it past the cap. */
  status: 'done' | 'active' | 'failed' | 'stopped' | 'pending';
  startedAt: string | null;
}

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

const STEPS: readonly RunStep[] = ['sent', 'queued', 'generating', 'downloading', 'importing'];
const LABELS: Record<RunStep, string> = {
  sent: 'Sent',
  queued: 'Queued',
  generating: 'Generating',
  downloading: 'Downloading',
  importing: 'Importing',
};

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

/** The five steps with their status and start times; Queued shows fal's queue position when known. */
export const selectTracker = memo((s): TrackerStep[] => {
  const { progress } = s.context;
  const current = STEPS.indexOf(progress.step);
  const finished = s.matches('done');
  const ended: TrackerStep['status'] = s.matches('failed')
    ? 'failed'
    : s.matches('cancelled')
      ? 'stopped'
      : 'active';
  const started = !s.matches('editing') && !s.matches('confirming');
  return STEPS.map((step, index) => {
    const status: TrackerStep['status'] =
      !started || index > current ? 'pending' : index < current || finished ? 'done' : ended;
    const queued = step === 'queued' && progress.queuePosition !== null && status === 'active';
    const label = queued ? `Queued #${progress.queuePosition}` : LABELS[step];
    return { step, label, status, startedAt: progress.startedAt[step] ?? null };
  });
});

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

/** fal's request id once accepted, else null. */
export function selectRequestId(s: GenerationSnapshot): string | null {
  return s.context.requestId;
}

/** The last log lines fal reported. */
export function selectLogs(s: GenerationSnapshot): string[] {
  return s.context.progress.logs;
}

/** Milliseconds since the request was sent, up to `nowIso` (the view's ticking clock) or the end. */
export function selectElapsedMs(s: GenerationSnapshot, nowIso: string): number {
  const start = s.context.progress.startedAt.sent;
  if (start === undefined) return 0;
  const end = s.matches('active') ? nowIso : (s.context.finishedAt ?? nowIso);
  return Math.max(0, Date.parse(end) - Date.parse(start));
}

/**
 * Why Generate is disabled while editing: the first blocker (empty prompt, prompt or parameters over the
 * ledger's limits), or null when the run can be sent. A string, so `useSelector` compares it cheaply.
 */
export function selectSendBlocker(snapshot: GenerationSnapshot): string | null {
  if (!snapshot.hasTag('editable')) return null;
  return runBlockers(snapshot.context)[0] ?? null;
}
