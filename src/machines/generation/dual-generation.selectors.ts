import { type Estimate, runBlockers } from '../../domain/index.ts';
import type { DualGenerationSnapshot, DualSlot } from './dual-generation.machine.ts';
import type { GenerationActorRef } from './generation.machine.ts';

/** Selectors over a Dual Mode pair's snapshot, for `useSelector(ref, selectX)`. */

/** The combined estimate (sum in micro-USD; tier `none` when either is unpriced), null until both are chosen. */
export function selectCombinedEstimate(s: DualGenerationSnapshot): Estimate | null {
  return s.context.combined;
}

/** Why the pair cannot be generated (same model twice, different categories), else null. */
export function selectPairError(s: DualGenerationSnapshot): string | null {
  return s.context.error;
}

/** The running generation of a slot (its card reads it with its own selectors), null before GENERATE. */
export function selectSlotRef(s: DualGenerationSnapshot, slot: DualSlot): GenerationActorRef | null {
  return s.context.refs[slot];
}

/** The dialog amount while confirming: the combined estimate (compared with the $8.00 dual threshold). */
export function selectDualConfirmation(
  s: DualGenerationSnapshot,
): { estimate: Estimate; thresholdUsdMicros: number } | null {
  if (!s.matches('confirming') || s.context.combined === null) return null;
  return { estimate: s.context.combined, thresholdUsdMicros: s.context.settings.thresholds.dualUsdMicros };
}

/** Why Generate is disabled for the pair while editing (empty prompt, a slot over the limits), else null. */
export function selectPairSendBlocker(s: DualGenerationSnapshot): string | null {
  if (!s.matches('editing')) return null;
  for (const slot of Object.values(s.context.slots)) {
    const blocker = runBlockers({ prompt: s.context.prompt, params: slot.params })[0];
    if (blocker) return blocker;
  }
  return null;
}
