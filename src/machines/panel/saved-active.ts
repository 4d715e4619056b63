import { createActor, type Snapshot } from 'xstate';
import { parseActiveGenerationsEnvelope } from '../generation/active-generations.snapshot.ts';
import type { activeGenerationsMachine } from '../generation/active-generations.machine.ts';

/** What the panel starts Active generations from: the saved snapshot, or why it was discarded. */
export interface SavedActive {
  snapshot: Snapshot<unknown> | null;
  /** Why the saved Active generations were discarded (the user is told once); null when nothing was. */
  problem: string | null;
}

/**
 * Checks a stored Active generations envelope (untrusted) before the panel starts: valid, and
 * restorable with `logic` (restoring rebuilds every child, so a snapshot that cannot be rebuilt is
 * discarded here, not fatal later). The trial restores a copy and starts nothing.
 */
export function checkSavedActive(logic: typeof activeGenerationsMachine, stored: unknown): SavedActive {
  if (stored === null || stored === undefined) return { snapshot: null, problem: null };
  const parsed = parseActiveGenerationsEnvelope(stored);
  if (!parsed.ok) return { snapshot: null, problem: parsed.problem };
  try {
    createActor(logic, { snapshot: structuredClone(parsed.snapshot) });
    return { snapshot: parsed.snapshot, problem: null };
  } catch {
    return {
      snapshot: null,
      problem: 'The saved Active generations could not be restored; they were discarded.',
    };
  }
}
