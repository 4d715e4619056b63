import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import type { ActiveGenerationsActorRef } from '../generation/active-generations.machine.ts';
import { persistActiveGenerations } from '../generation/active-generations.snapshot.ts';
import type { SnapshotStorePort } from '../ports.ts';

/** Input of `saveActiveGenerations`: the actor to save (a new one after the panel cleared it). */
export interface SaveActiveInput {
  active: ActiveGenerationsActorRef;
}

/** Saves the Active generations envelope on every `persist` it emits; failures go to `report`. */
export function defineSaveActiveActor(deps: {
  store: SnapshotStorePort;
  report: (problem: string) => void;
}): CallbackActorLogic<EventObject, SaveActiveInput> {
  return fromCallback<EventObject, SaveActiveInput>(({ input }) => {
    const saving = persistActiveGenerations(input.active, deps.store, (error) =>
      deps.report(`Active generations could not be saved for the next start: ${String(error)}`),
    );
    return () => saving.stop();
  });
}
