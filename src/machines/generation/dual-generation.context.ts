import { combineEstimates, type Estimate, type LearnedRuns } from '../../domain/index.ts';
import { defaultParams } from '../../domain/pricing/index.ts';
import type { DualGenerationInput, DualSlot, DualSlotForm } from './dual-generation.machine.ts';
import { estimateOf } from './generation.context.ts';

/**
 * Pure context helpers of the Dual Mode machine: a slot's form from the input, each slot's estimate
 * and their sum (the same cascade as a single generation, learned layer included), and the pair check.
 */

/** A slot's form: the input's inputs over the model's documented defaults. */
export function slotForm(slot: DualGenerationInput[DualSlot]): DualSlotForm {
  const params = { ...(slot.model ? defaultParams(slot.model) : {}), ...slot.params };
  return { genId: slot.genId, model: slot.model, params };
}

/**
 * Each slot's own estimate (micro-USD, tier kept: exact, learned, from or none), null for a slot
 * without a model. `learned` may be undefined in a snapshot persisted before learned estimates.
 */
export function slotEstimates(
  slots: Record<DualSlot, DualSlotForm>,
  learned: LearnedRuns | null | undefined,
): Record<DualSlot, Estimate | null> {
  const of = ({ model, params }: DualSlotForm) =>
    model ? estimateOf({ model, params, estimateOptions: {}, learned }) : null;
  return { primary: of(slots.primary), secondary: of(slots.secondary) };
}

/** The combined estimate of both slots (tier `none` when either is unpriced), or null while one has no model. */
export function combinedEstimate(
  slots: Record<DualSlot, DualSlotForm>,
  learned: LearnedRuns | null | undefined = null,
): Estimate | null {
  const { primary, secondary } = slotEstimates(slots, learned);
  return primary && secondary ? combineEstimates(primary, secondary) : null;
}

/** Why two models cannot run as a pair (modelbridge-docs.md §4), or null when they can. */
export function pairError(slots: Record<DualSlot, DualSlotForm>): string | null {
  const { primary, secondary } = slots;
  if (!primary.model || !secondary.model) return 'Choose a second model to compare, then generate again.';
  if (primary.model.endpoint_id === secondary.model.endpoint_id) {
    return 'Dual Mode needs two different models: choose another second model. Nothing was sent or charged.';
  }
  if (primary.model.category !== secondary.model.category) {
    return `Both models must make the same kind of media (${primary.model.category} vs ${secondary.model.category}): choose a second model of the same category. Nothing was sent or charged.`;
  }
  return null;
}
