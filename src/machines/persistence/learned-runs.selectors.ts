import { type LearnedSample, learnedSamples } from '../../domain/index.ts';
import { type PersistenceSnapshot, selectLedgerState } from './persistence.selectors.ts';

/**
 * The "Learned" tier's input (modelbridge-docs.md §2): the user's metered runs from the merged ledger,
 * in integer micro-USD. The machines apply the cascade (exact formula → learned → fal unit price →
 * none); this only reads.
 */

const samplesByState = new WeakMap<object, { learned: readonly LearnedSample[]; samples: LearnedSample[] }>();

const sampleKey = (s: LearnedSample) => `${s.at}|${s.configKey}|${s.usdMicros}`;

/**
 * The learned samples: the disk's window (runs settled before the working set was read) plus the runs
 * the merged events settle, each run once; memoised per folded state and disk window.
 */
export function selectLearnedSamples(s: PersistenceSnapshot): LearnedSample[] {
  const state = selectLedgerState(s);
  const { learned } = s.context;
  const cached = samplesByState.get(state);
  if (cached && cached.learned === learned) return cached.samples;
  const known = new Set(learned.map(sampleKey));
  const samples = [...learned, ...learnedSamples(state).filter((sample) => !known.has(sampleKey(sample)))];
  samplesByState.set(state, { learned, samples });
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
