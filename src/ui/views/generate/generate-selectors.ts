import type { Estimate, Tags } from '../../../domain/index.ts';
import type { CatalogModel } from '../../../domain/index.ts';
import { slotEstimates } from '../../../machines/generation/dual-generation.context.ts';
import type {
  DualGenerationSnapshot,
  DualSlot,
  DualSlotForm,
} from '../../../machines/generation/dual-generation.machine.ts';
import type { GenerationSnapshot } from '../../../machines/generation/generation.selectors.ts';

/**
 * View-side selectors the machine files do not have yet (the form's fields, the form entry, per-slot
 * estimates). Pure reads of a snapshot for `useSelector(ref, selectX)`; money maths stays in src/domain.
 */

/** The model the form has chosen. */
export function selectModel(s: GenerationSnapshot): CatalogModel {
  return s.context.model;
}

/** Client, project and deliverable tags. */
export function selectTags(s: GenerationSnapshot): Tags {
  return s.context.tags;
}

/** True while the form can be edited (the machine's `editable` tag). */
export function selectIsEditable(s: GenerationSnapshot): boolean {
  return s.hasTag('editable');
}

/** True while the run holds the form: sent and running, and not yet moved to the background. */
export function selectIsForegroundBusy(s: GenerationSnapshot): boolean {
  return s.hasTag('busy') && !s.context.background;
}

/** Both slots of a pair's form (genId, model or null, inputs). */
export function selectSlots(s: DualGenerationSnapshot): Record<DualSlot, DualSlotForm> {
  return s.context.slots;
}

/** The pair's shared prompt. */
export function selectDualPrompt(s: DualGenerationSnapshot): string {
  return s.context.prompt;
}

/** The pair's shared tags. */
export function selectDualTags(s: DualGenerationSnapshot): Tags {
  return s.context.tags;
}

const estimatesBySlots = new WeakMap<
  object,
  { learned: unknown; result: Record<DualSlot, Estimate | null> }
>();

/**
 * Each slot's own estimate (the machine's cascade, learned layer included), null for a slot without a
 * model; memoised on the slots object and the learned samples, which the machine replaces on change.
 */
export function selectSlotEstimates(s: DualGenerationSnapshot): Record<DualSlot, Estimate | null> {
  const { slots, learned } = s.context;
  const hit = estimatesBySlots.get(slots);
  if (hit && hit.learned === learned) return hit.result;
  const result = slotEstimates(slots, learned);
  estimatesBySlots.set(slots, { learned, result });
  return result;
}
