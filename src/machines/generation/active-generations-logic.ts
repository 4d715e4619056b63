import { activeGenerationsMachine } from './active-generations.machine.ts';
import { dualGenerationMachine } from './dual-generation.machine.ts';
import type { generationMachine } from './generation.machine.ts';
import { defineGenerationLogic, type GenerationDeps } from './generation-logic.ts';

/** The Dual Mode machine whose two slots run the given (wired) generation logic. */
export function withGeneration(generation: typeof generationMachine): typeof dualGenerationMachine {
  return dualGenerationMachine.provide({ actors: { generation } });
}

/**
 * The Active generations machine with single generations and Dual Mode pairs wired to real ports: what
 * the panel spawns (or resumes from a snapshot checked with checkSavedActive).
 */
export function defineActiveGenerationsLogic(
  deps: GenerationDeps | { generation: typeof generationMachine },
): typeof activeGenerationsMachine {
  const generation = 'generation' in deps ? deps.generation : defineGenerationLogic(deps);
  return activeGenerationsMachine.provide({
    actors: { generation, dualGeneration: withGeneration(generation) },
  });
}
