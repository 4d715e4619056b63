import { useEffect, useMemo } from 'react';
import { type LearnedRuns, type LearnedSample, learnedSamples } from '../../../domain/index.ts';
import type { DualGenerationActorRef } from '../../../machines/generation/dual-generation.machine.ts';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import {
  type PersistenceSnapshot,
  selectLedgerState,
} from '../../../machines/persistence/persistence.selectors.ts';
import { useGenerateFormDeps } from '../../actors/generation-context.ts';
import { PersistenceActorContext } from '../../actors/persistence-context.ts';

/**
 * The "Learned" tier of the Generate form's estimate (modelbridge-docs.md §2): the user's metered runs,
 * read from the persistence actor's ledger, are forwarded to the draft as SET_LEARNED. The machines
 * apply the cascade (exact formula → learned → fal unit price → none); this file only forwards.
 */

const samplesByState = new WeakMap<object, LearnedSample[]>();

/** The learned samples of the merged ledger (integer micro-USD), memoised per folded ledger state object. */
export function selectLearnedSamples(s: PersistenceSnapshot): LearnedSample[] {
  const state = selectLedgerState(s);
  let samples = samplesByState.get(state);
  if (!samples) {
    samples = learnedSamples(state);
    samplesByState.set(state, samples);
  }
  return samples;
}

/** True when two sample lists hold the same runs in the same order (a new event that settles nothing). */
export function sameSamples(a: readonly LearnedSample[], b: readonly LearnedSample[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const t = b[i] as LearnedSample;
    return s.usdMicros === t.usdMicros && s.at === t.at && s.configKey === t.configKey;
  });
}

/** The samples and the window's end (deps.now, read when the samples change); stable while nothing changed. */
export function useLearnedRuns(): LearnedRuns {
  const samples = PersistenceActorContext.useSelector(selectLearnedSamples, sameSamples);
  const { now } = useGenerateFormDeps();
  return useMemo(() => ({ samples, now: now() }), [samples, now]);
}

/**
 * Forwards the learned samples to the draft (a generation or a Dual Mode pair) when they change and
 * at mount: an outside change forwarded as an event. A sent draft ignores it.
 */
export function useForwardLearned(draft: GenerationActorRef | DualGenerationActorRef): void {
  const runs = useLearnedRuns();
  useEffect(() => {
    if (draft.getSnapshot().hasTag('editable')) draft.send({ type: 'SET_LEARNED', ...runs });
  }, [draft, runs]);
}
