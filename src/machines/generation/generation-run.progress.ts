import type { GenerationRunContext } from './generation-run.machine.ts';
import {
  LOG_TAIL,
  type RequestRef,
  type RunProgress,
  type RunStep,
  type StatusEvent,
} from './generation-run.contract.ts';

/**
 * Pure helpers of the five-step tracker. A step's start time is set once (the first time the run is seen
 * in it) and never moved, so a restored or resumed run keeps the times it had.
 */

/** A tracker that has not sent anything yet. */
export function initialProgress(): RunProgress {
  return { step: 'sent', startedAt: {}, queuePosition: null, logs: [] };
}

/** The request the run is about; empty id before acceptance (never used then). */
export function requestOf(context: GenerationRunContext): RequestRef {
  return { endpointId: context.facts.endpointId, requestId: context.requestId ?? '' };
}

/** Moves the tracker to `step` at `at`, keeping an earlier start time of that step. */
export function enterStep(progress: RunProgress, step: RunStep, at: string): RunProgress {
  return { ...progress, step, startedAt: { [step]: at, ...progress.startedAt } };
}

/** fal accepted the request: Sent started at `sentAt`, Queued at `at`, with fal's queue position. */
export function accepted(progress: RunProgress, sentAt: string, at: string, queuePosition: number | null) {
  return { ...enterStep(enterStep(progress, 'sent', sentAt), 'queued', at), queuePosition };
}

/** Applies one status poll: IN_QUEUE → Queued #N, IN_PROGRESS → Generating, COMPLETED → Downloading. */
export function applyStatus(progress: RunProgress, status: StatusEvent): RunProgress {
  const step: RunStep =
    status.status === 'IN_QUEUE' ? 'queued' : status.status === 'IN_PROGRESS' ? 'generating' : 'downloading';
  const logs = status.logs.length > 0 ? status.logs.slice(-LOG_TAIL) : progress.logs;
  const queuePosition = status.status === 'IN_QUEUE' ? status.queuePosition : null;
  return { ...enterStep(progress, step, status.at), queuePosition, logs };
}
