import { useSelector } from '@xstate/react';
import type { DualGenerationActorRef } from '../../../machines/generation/dual-generation.machine.ts';
import { selectDualConfirmation } from '../../../machines/generation/dual-generation.selectors.ts';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import { selectConfirmation } from '../../../machines/generation/generation.selectors.ts';
import { ConfirmCostDialog } from '../../components/ConfirmCostDialog/ConfirmCostDialog.tsx';
import { useMoney } from '../../hooks/use-money.ts';
import { selectModel, selectSlotEstimates, selectSlots } from './generate-selectors.ts';
import { NO_ESTIMATE } from './no-estimate.ts';

/** Sends `type` only when the machine accepts it now, so a double click counts once. */
function sendIfAccepted(ref: GenerationActorRef | DualGenerationActorRef, type: 'CANCEL' | 'CONTINUE') {
  if (ref.getSnapshot().can({ type })) ref.send({ type });
}

/** Props of {@link ConfirmStep}. */
export interface ConfirmStepProps {
  /** The generation that may be confirming (its `confirming` tag opens the dialog). */
  generation: GenerationActorRef;
}

/**
 * The confirmation dialog of one generation while it is `confirming` (estimate over the single
 * threshold, or unpriced with confirm-unpriced on): Cancel / Escape records nothing, Continue sends.
 */
export function ConfirmStep({ generation }: ConfirmStepProps) {
  const confirmation = useSelector(generation, selectConfirmation);
  const model = useSelector(generation, selectModel);
  const { currency, rates } = useMoney();
  const estimate = confirmation?.estimate ?? null;
  return (
    <ConfirmCostDialog
      opened={confirmation !== null}
      models={estimate === null ? [] : [{ name: model.display_name, estimate }]}
      combined={estimate ?? NO_ESTIMATE}
      currency={currency}
      rates={rates}
      onCancel={() => sendIfAccepted(generation, 'CANCEL')}
      onContinue={() => sendIfAccepted(generation, 'CONTINUE')}
    />
  );
}

/** Props of {@link DualConfirmStep}. */
export interface DualConfirmStepProps {
  /** The Dual Mode pair that may be confirming (combined estimate over the dual threshold). */
  pair: DualGenerationActorRef;
}

/** The confirmation dialog of a Dual Mode pair: both models with their own estimates and the combined one. */
export function DualConfirmStep({ pair }: DualConfirmStepProps) {
  const confirmation = useSelector(pair, selectDualConfirmation);
  const slots = useSelector(pair, selectSlots);
  const estimates = useSelector(pair, selectSlotEstimates);
  const { currency, rates } = useMoney();
  const models = (['primary', 'secondary'] as const).flatMap((slot) => {
    const model = slots[slot].model;
    const estimate = estimates[slot];
    return model && estimate ? [{ name: model.display_name, estimate }] : [];
  });
  return (
    <ConfirmCostDialog
      opened={confirmation !== null}
      models={models}
      combined={confirmation?.estimate ?? NO_ESTIMATE}
      currency={currency}
      rates={rates}
      onCancel={() => sendIfAccepted(pair, 'CANCEL')}
      onContinue={() => sendIfAccepted(pair, 'CONTINUE')}
    />
  );
}
