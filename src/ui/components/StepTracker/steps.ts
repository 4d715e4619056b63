/** The five public progress steps of a generation, in order (modelbridge-docs.md §5). */
export const GENERATION_STEPS = ['sent', 'queued', 'generating', 'downloading', 'importing'] as const;

/** One of the five progress steps. */
export type GenerationStep = (typeof GENERATION_STEPS)[number];

/** How one step is drawn: finished, running now, waiting in fal's queue, not reached, or failed. */
export type StepState = 'done' | 'active' | 'waiting' | 'pending' | 'failed';

/** What the tracker is told: the step reached (or `done` when all five finished) and a failure. */
export interface StepProgress {
  current: GenerationStep | 'done';
  failedStep?: GenerationStep;
}

/**
 * The drawn state of each step, in order: steps before the current (or failed) one are done, the
 * current one is active (or `waiting` while queued: grey, not pulsing), a failed step is red and the
 * steps after it stay pending.
 */
export function stepStates({ current, failedStep }: StepProgress): StepState[] {
  const stop = failedStep ?? current;
  const at = stop === 'done' ? GENERATION_STEPS.length : GENERATION_STEPS.indexOf(stop);
  return GENERATION_STEPS.map((step, i) => {
    if (i < at) return 'done';
    if (i > at) return 'pending';
    if (failedStep !== undefined) return 'failed';
    return step === 'queued' ? 'waiting' : 'active';
  });
}
