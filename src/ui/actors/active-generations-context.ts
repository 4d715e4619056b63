import { createActorContext } from '@xstate/react';
import { activeGenerationsMachine } from '../../machines/generation/active-generations.machine.ts';
import { type GenerationDeps, defineGenerationLogic } from '../../machines/generation/generation-logic.ts';
import { dualGenerationMachine } from '../../machines/generation/dual-generation.machine.ts';

/**
 * The app-level Active generations actor: every generation and Dual Mode pair, including the draft the
 * Generate form edits (the newest entry; drafts are not rows). `Provider`, `useSelector`, `useActorRef`.
 * The composition root passes `logic={defineActiveGenerationsLogic(deps)}` and, after a reload, the
 * restored snapshot as `options={{ snapshot }}` (restoreActiveGenerations).
 */
export const ActiveGenerationsActorContext = createActorContext(activeGenerationsMachine);

/**
 * The Active generations machine with every generation (single, and both slots of a pair) wired to
 * real ports: what the composition root, stories and tests run (with fakes for `deps`).
 */
export function defineActiveGenerationsLogic(deps: GenerationDeps): typeof activeGenerationsMachine {
  const generation = defineGenerationLogic(deps);
  return activeGenerationsMachine.provide({
    actors: {
      generation,
      dualGeneration: dualGenerationMachine.provide({ actors: { generation } }),
    },
  });
}
