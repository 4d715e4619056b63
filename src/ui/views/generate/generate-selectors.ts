import type { Estimate, Tags } from '../../../domain/index.ts';
import type { CatalogModel } from '../../../domain/index.ts';
import type { ActiveEntry } from '../../../machines/generation/active-generations.notices.ts';
import type { ActiveGenerationsSnapshot } from '../../../machines/generation/active-generations.selectors.ts';
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

/** The Generate form's entry: the newest generation or pair (a draft, or the run it became). */
export function selectFormEntry(s: ActiveGenerationsSnapshot): ActiveEntry | null {
  return s.context.entries.at(-1) ?? null;
}

/** The model the form has chosen. */
export function selectModel(s: GenerationSnapshot): CatalogModel {
  return s.context.model;
}

/** The fal inputs of the form (defaults filled in). */
export function selectParams(s: GenerationSnapshot): Record<string, unknown> {
  return s.context.params;
}

/** The prompt text. */
export function selectPrompt(s: GenerationSnapshot): string {
  return s.context.prompt;
}

/** Client, project and deliverable tags. */
export function selectTags(s: GenerationSnapshot): Tags {
  return s.context.tags;
}

/** True while the form can be edited (the machine's `editable` tag). */
export function selectIsEditable(s: GenerationSnapshot): boolean {
  return s.hasTag('editable');
}

/** True while the confirmation dialog must show (the machine's `confirming` tag). */
export function selectIsConfirming(s: GenerationSnapshot): boolean {
  return s.hasTag('confirming');
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

/** True while the pair holds the form: running, and not every slot has moved to the background. */
export function isPairForegroundBusy(s: DualGenerationSnapshot): boolean {
  if (!s.hasTag('busy')) return false;
  const refs = Object.values(s.context.refs);
  return !refs.every((ref) => ref?.getSnapshot().context.background === true);
}

/**
 * True when the form entry no longer holds the form, so a new draft may be made: it was sent and has
 * ended or moved to the background. Reads the entry's live snapshot (a pair's slots included).
 */
export function isEntryFree(entry: ActiveEntry | null): boolean {
  if (entry === null) return true;
  if (entry.kind === 'single') {
    const s = entry.ref.getSnapshot();
    if (s.hasTag('editable') || s.hasTag('confirming')) return false;
    return s.hasTag('finished') || s.context.background;
  }
  const s = entry.ref.getSnapshot();
  if (s.hasTag('editable') || s.hasTag('confirming')) return false;
  return s.hasTag('finished') || !isPairForegroundBusy(s);
}
