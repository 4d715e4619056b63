import type { SnapshotFrom } from 'xstate';
import type { GenerationFetchOutput } from '../../../src/machines/generation/generation-fetch.machine.ts';
import type {
  GenerationInput,
  generationMachine,
} from '../../../src/machines/generation/generation.machine.ts';
import type { RunProgress, RunStep } from '../../../src/machines/generation/generation-run.contract.ts';
import type { GenerationRunOutput } from '../../../src/machines/generation/generation-run.machine.ts';
import { dollarPerSecond, settings, T } from '../../fixtures/machines/generation.ts';

/**
 * The model side of tests/model/generation-ui.test.tsx: the model's input, the events a user, fal or
 * time can cause in each state of the generation machine (with the payloads the real actors produce),
 * and the state key that tells apart what the user can see.
 */

/** A generation snapshot (model side). */
export type Snap = SnapshotFrom<typeof generationMachine>;
/** A model event with its payload. */
export type AnyEvent = { type: string; [key: string]: unknown };

// $1.00 per second of `duration`: the catalog default (5 s) is exactly $5.00, the threshold.
export const DOLLAR = dollarPerSecond('text-to-video');
/** Polling stops 60 s after acceptance in these runs. */
export const POLL_CAP_MS = 60_000;
/** The video foreground window (90 s). */
export const FOREGROUND_MS = settings().foregroundMs.video;
const SETTINGS = settings({ pollCapMs: POLL_CAP_MS });
const NO_TAGS = { client: '', project: '', deliverable: '' };
// What the form's first draft is made from (GenerateFormContext's newId gives `gen-1`).
/** What the user writes before the first Generate. */
export const UI_PROMPT = 'a red fox in fresh snow';

export const INPUT: GenerationInput = {
  genId: 'gen-1',
  model: DOLLAR,
  params: {},
  // The view's draft starts empty; the test types this first (an empty prompt is never sent).
  prompt: UI_PROMPT,
  tags: NO_TAGS,
  settings: SETTINGS,
};

const progress = (step: RunStep, queuePosition: number | null = null): RunProgress => ({
  step,
  startedAt: { sent: T(0), queued: T(1), ...(step === 'queued' ? {} : { [step]: T(3) }) },
  queuePosition,
  logs: [],
});

function runOutput(outcome: GenerationRunOutput['outcome'], at: RunProgress, accepted = true) {
  const failure =
    outcome === 'failed'
      ? accepted
        ? { kind: 'VALIDATION', charged: 'maybe', message: 'x', retryable: true, at: T(5), detail: null }
        : { kind: 'BALANCE_EMPTY', charged: 'no', message: 'x', retryable: false, at: T(5), detail: null }
      : null;
  const output: GenerationRunOutput = {
    requestId: accepted ? 'req-1' : null,
    submittedAt: accepted ? T(1) : null,
    progress: outcome === 'completed' ? progress('downloading') : at,
    falFailed: false,
    failure: failure as GenerationRunOutput['failure'],
    cancelRequested: outcome === 'cancelled',
    ledgerError: null,
    outcome,
    finishedAt: T(5),
  };
  return { type: 'xstate.done.actor.run', output };
}

function fetchOutput(outcome: 'done' | 'failed'): AnyEvent {
  const output: GenerationFetchOutput = {
    outcome,
    media: [{ url: 'https://fal.media/f.png', fileName: 'f.png', contentType: null }],
    paths: outcome === 'done' ? ['/project/f.png'] : [],
    failure:
      outcome === 'failed'
        ? { kind: 'DOWNLOAD', charged: 'yes', message: 'x', retryable: true, at: T(21), detail: null }
        : null,
    retry: outcome === 'failed' ? 'reuse' : null,
    actual: null,
    progress: progress(outcome === 'done' ? 'importing' : 'downloading'),
    finishedAt: T(21),
    ledgerError: null,
  };
  return { type: 'xstate.done.actor.fetch', output };
}

const runSnapshot = (value: unknown, at: RunProgress): AnyEvent => ({
  type: 'xstate.snapshot.run',
  snapshot: { value, context: { progress: at, requestId: 'req-1', submittedAt: T(1) } },
});
/** The foreground window passing (the machine's delayed event). */
export const FOREGROUND = { type: 'xstate.after.foregroundWindow.generation.active' };

/** The events a user (or fal, or time) can cause in this state, with the payload the SUT will produce. */
export function eventsFor(s: Snap): AnyEvent[] {
  const c = s.context;
  // A retried run whose dialog was cancelled is no longer the form's draft: its row can only be dismissed.
  if (s.matches('editing')) {
    if (c.attempt > 1) return [];
    const other = c.estimate.usdMicros === 5_000_000 ? 5.01 : 5;
    return [{ type: 'SET_PARAMS', params: { duration: other } }, { type: 'GENERATE' }];
  }
  if (s.matches('confirming')) return [{ type: 'CONTINUE' }, { type: 'CANCEL' }];
  if (s.matches('failed')) return [{ type: 'RETRY' }];
  if (!s.matches('active')) return [];
  const time = c.background ? [] : [FOREGROUND];
  if (s.matches({ active: 'fetching' })) return [...time, fetchOutput('done'), fetchOutput('failed')];
  if (c.cancelling) return [...time, runOutput('cancelled', c.progress)];
  if (c.requestId === null) {
    return [
      ...time,
      runSnapshot({ polling: 'queued' }, progress('queued', 3)),
      runOutput('failed', c.progress, false),
    ];
  }
  return [
    ...time,
    ...(c.progress.step === 'queued' ? [runSnapshot({ polling: 'generating' }, progress('generating'))] : []),
    runSnapshot('cancelling', c.progress),
    runOutput('completed', c.progress),
    runOutput('stillRunning', c.progress),
    runOutput('failed', c.progress),
  ];
}

const ACTIVE_KEYS = (s: Snap) => [s.context.background, s.context.progress.step, s.context.cancelling];
/** The state key: what the user can tell apart, and what the next decision depends on. */
export const key = (s: Snap): string =>
  JSON.stringify([
    s.value,
    s.matches('active') ? ACTIVE_KEYS(s) : null,
    s.matches('active') ? s.context.requestId === null : null,
    s.context.retry,
    s.context.resumeFrom,
    s.context.attempt > 1,
    // The amount matters where the next step decides on it: the form, the dialog, a failed run's Retry,
    // and (so that a failed run over the threshold is reached) a request not yet accepted.
    s.matches('active') && s.context.requestId !== null ? null : s.context.estimate.usdMicros,
  ]);
