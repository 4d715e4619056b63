import type { ErrorKind } from '../../../domain/index.ts';
import type { RunProgress } from '../../../machines/generation/generation-run.contract.ts';
import {
  IN_FLIGHT_PHASES,
  type InFlight,
} from '../../../machines/generation/active-generations.selectors.ts';
import type { FailureView, GenerationPhase } from '../../../machines/generation/generation.selectors.ts';
import type { DotStatus } from '../../components/StatusDot/StatusDot.tsx';
import type { ErrorTone } from '../../components/ErrorBanner/ErrorBanner.tsx';
import type { GenerationStep } from '../../components/StepTracker/steps.ts';

/**
 * Pure helpers of an Active generations row: the step label, the status dot, the tracker's inputs,
 * the cut prompt, and how an error is coloured and worded (modelbridge-docs.md §5, §13).
 */

/**
 * Phases in which the run is still going: the timer ticks and the background note applies. The
 * in-flight phases minus "still running" (a run the panel let go of: fal may still be working, but
 * nothing here waits for it).
 */
export const ACTIVE_PHASES: readonly (GenerationPhase | null)[] = IN_FLIGHT_PHASES.filter(
  (phase) => phase !== 'stillRunning',
);

/** The prompt is cut to this many characters in the expanded row (modelbridge-docs.md §5). */
export const PROMPT_CUT = 80;

/** The header's step label: "Queued #3", "Generating", "Downloading", "Importing", "Imported" / "Done". */
export function stepLabel(phase: GenerationPhase | null, progress: RunProgress, imported: boolean): string {
  switch (phase) {
    case null:
    case 'editing':
    case 'confirming':
      return 'Not sent';
    case 'sending':
      return 'Sending…';
    case 'queued':
      return progress.queuePosition === null ? 'Queued' : `Queued #${progress.queuePosition}`;
    case 'generating':
      return 'Generating';
    case 'downloading':
      return 'Downloading';
    case 'importing':
      return 'Importing';
    case 'cancelling':
      return 'Cancelling…';
    case 'done':
      return imported ? 'Imported' : 'Done';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
    case 'stillRunning':
      return 'Still running on fal';
  }
}

// Summary buckets in the order the collapsed header lists them (what needs attention first).
const SUMMARY: readonly { word: string; phases: readonly (GenerationPhase | null)[] }[] = [
  { word: 'running', phases: ['generating', 'downloading', 'importing', 'cancelling', 'stillRunning'] },
  { word: 'queued', phases: ['sending', 'queued'] },
  { word: 'failed', phases: ['failed'] },
  { word: 'done', phases: ['done'] },
  { word: 'cancelled', phases: ['cancelled'] },
  { word: 'not sent', phases: [null, 'editing', 'confirming'] },
];

/**
 * The panel header's compact status: counts per kind of phase, e.g. "2 running · 1 failed · 3 done";
 * kinds with no row are left out, and no rows give ''.
 */
export function statusSummary(phases: readonly (GenerationPhase | null)[]): string {
  return SUMMARY.map(({ word, phases: of }) => ({ word, n: phases.filter((p) => of.includes(p)).length }))
    .filter(({ n }) => n > 0)
    .map(({ word, n }) => `${n} ${word}`)
    .join(' · ');
}

/** The dot: grey while waiting (sending, queued, cancelled), orange while running, green done, red failed. */
export function dotStatus(phase: GenerationPhase | null): DotStatus {
  if (phase === 'done') return 'done';
  if (phase === 'failed') return 'failed';
  if (phase === 'generating' || phase === 'downloading' || phase === 'importing') return 'running';
  if (phase === 'cancelling' || phase === 'stillRunning') return 'running';
  return 'queued';
}

/** What the five-step tracker is told: the step reached, or `done`, and the failed step. */
export function trackerProps(
  phase: GenerationPhase | null,
  progress: RunProgress,
): { current: GenerationStep | 'done'; failedStep?: GenerationStep } {
  if (phase === 'done') return { current: 'done' };
  if (phase === 'failed') return { current: progress.step, failedStep: progress.step };
  return { current: progress.step };
}

/** The prompt cut at PROMPT_CUT characters with an ellipsis; '' stays ''. */
export function cutPrompt(prompt: string, max = PROMPT_CUT): string {
  const chars = Array.from(prompt.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

const INPUT_KINDS: readonly ErrorKind[] = ['VALIDATION', 'CONTENT_POLICY'];
const RETRYING_KINDS: readonly ErrorKind[] = ['RATE_LIMIT', 'SERVER', 'TIMEOUT', 'NETWORK'];
const STICKY_KINDS: readonly ErrorKind[] = ['AUTH_INVALID', 'BALANCE_EMPTY'];

/** Red = fix your input, blue = temporary (try again), amber = action needed (§13). */
export function errorTone(kind: ErrorKind): ErrorTone {
  if (INPUT_KINDS.includes(kind)) return 'input';
  if (RETRYING_KINDS.includes(kind)) return 'retrying';
  return 'action';
}

/** AUTH and BALANCE banners stay until dismissed (§13). */
export function isSticky(kind: ErrorKind): boolean {
  return STICKY_KINDS.includes(kind);
}

const TITLES: Record<ErrorKind, string> = {
  AUTH_INVALID: 'Your fal.ai key was rejected',
  BALANCE_EMPTY: 'Your fal.ai balance is empty',
  RATE_LIMIT: 'fal.ai is rate-limiting requests',
  VALIDATION: 'fal.ai refused these inputs',
  SERVER: 'fal.ai had a server problem',
  TIMEOUT: 'fal.ai did not answer in time',
  NETWORK: 'fal.ai could not be reached',
  CONTENT_POLICY: 'The prompt or media was refused',
  DOWNLOAD: 'The result could not be downloaded',
  IMPORT: 'The result could not be imported',
  UNKNOWN: 'Something went wrong',
};

/** A short title for an error kind (the message says why and what to do). */
export function errorTitle(kind: ErrorKind): string {
  return TITLES[kind];
}

/** Whether fal charged, in words: "Charged by fal.ai", "Not charged", "May have been charged". */
export function chargedText(failure: Pick<FailureView, 'charged'>): string {
  if (failure.charged === 'yes') return 'Charged by fal.ai.';
  if (failure.charged === 'no') return 'Not charged.';
  return 'May have been charged: modelBridge will check the actual cost.';
}

/** The warning beside Retry: a new request may be charged again; the same request costs nothing. */
export function retryWarning(failure: Pick<FailureView, 'retryChargesAgain' | 'kind'>): string {
  if (failure.retryChargesAgain) return 'A new request may be charged again.';
  if (failure.kind === 'DOWNLOAD' || failure.kind === 'IMPORT') {
    return 'Retry fetches the same result again: it costs nothing.';
  }
  return 'Retry checks the same request again: it costs nothing.';
}

/**
 * What the runs in flight are estimated to cost; '' when nothing runs. Unpriced runs are never
 * counted as $0. `header` is the dock's short form: "$0.84 in flight", "$0.84 in flight (+1 unpriced)",
 * "1 in flight, no price"; `runs` the line under the form: "2 runs in flight · $0.84 estimated + 1
 * unpriced", "1 run in flight · no price".
 */
export function inFlightText(
  inFlight: InFlight,
  format: (usdMicros: number) => string,
  wording: 'header' | 'runs' = 'header',
): string {
  if (inFlight.count === 0) return '';
  const allUnpriced = inFlight.unpriced === inFlight.count;
  const cost = format(inFlight.usdMicros);
  if (wording === 'header') {
    if (allUnpriced) return `${inFlight.count} in flight, no price`;
    const extra = inFlight.unpriced > 0 ? ` (+${inFlight.unpriced} unpriced)` : '';
    return `${cost} in flight${extra}`;
  }
  const runs = inFlight.count === 1 ? '1 run in flight' : `${inFlight.count} runs in flight`;
  if (allUnpriced) return `${runs} · no price`;
  const extra = inFlight.unpriced > 0 ? ` + ${inFlight.unpriced} unpriced` : '';
  return `${runs} · ${cost} estimated${extra}`;
}
