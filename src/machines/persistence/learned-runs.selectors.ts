import { type LearnedSample, learnedSamples } from '../../domain/index.ts';
import { type PersistenceSnapshot, selectLedgerState } from './persistence.selectors.ts';

/**
 * The "Learned" tier's input (modelbridge-docs.md §2): the user's metered runs from the merged ledger,
 * in integer micro-USD. The machines apply the cascade (exact formula → learned → fal unit price →
 * none); this only reads.
 */

const samplesByState = new WeakMap<object, LearnedSample[]>();

/** The learned samples of the merged ledger, memoised per folded ledger state object. */
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
