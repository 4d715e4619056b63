import { type ReactNode, useEffect, useState } from 'react';
import { type ActorOptions, createActor } from 'xstate';
import type { activeGenerationsMachine } from '../../../machines/active-generations.machine.ts';
import {
  parseActiveGenerationsEnvelope,
  persistActiveGenerations,
} from '../../../machines/active-generations.persistence.ts';
import {
  ActiveGenerationsActorContext,
  defineActiveGenerationsLogic,
} from '../../actors/active-generations-context.ts';
import { PersistenceActorContext } from '../../actors/persistence-context.ts';
import type { PanelWiring } from './panel-wiring.ts';
import { persistenceLedgerPort } from './persistence-ledger-port.ts';

type Logic = typeof activeGenerationsMachine;

/** The stored snapshot when it is valid and restores cleanly; otherwise why it was discarded. */
function restoredOptions(
  logic: Logic,
  stored: unknown,
  report: (problem: string) => void,
): ActorOptions<Logic> {
  if (stored === null || stored === undefined) return {};
  const parsed = parseActiveGenerationsEnvelope(stored);
  if (!parsed.ok) {
    report(parsed.problem);
    return {};
  }
  try {
    // Restoring rebuilds every child; a snapshot that cannot be rebuilt is discarded, not fatal. The trial
    // gets a copy: restoring revives actor refs inside the snapshot object it is given.
    createActor(logic, { snapshot: structuredClone(parsed.snapshot) });
    return { snapshot: parsed.snapshot };
  } catch {
    report('The saved Active generations could not be restored; they were discarded.');
    return {};
  }
}

/** Saves the Active generations envelope on every `persist` the actor emits. */
function SnapshotSaver({ wiring }: { wiring: Pick<PanelWiring, 'activeGenerations' | 'report'> }) {
  const actor = ActiveGenerationsActorContext.useActorRef();
  useEffect(() => {
    const saving = persistActiveGenerations(actor, wiring.activeGenerations.store, (error) =>
      wiring.report(`Active generations could not be saved for the next start: ${String(error)}`),
    );
    return () => saving.stop();
  }, [actor, wiring]);
  return null;
}

/**
 * The Active generations actor with every generation's ledger port linked to the persistence actor above
 * it (each Provider has its own actor system, so `system.get('persistence')` cannot reach it), restored
 * from the saved snapshot (runs resume polling by request id) and saved again on every change.
 */
export function LinkedActiveProvider({ wiring, children }: { wiring: PanelWiring; children: ReactNode }) {
  const persistence = PersistenceActorContext.useActorRef();
  // Read once, at mount, like the Provider itself.
  const [started] = useState(() => {
    const ledger = persistenceLedgerPort(persistence);
    const logic = defineActiveGenerationsLogic({ ...wiring.generation, ledger });
    return { logic, options: restoredOptions(logic, wiring.activeGenerations.stored, wiring.report) };
  });
  return (
    <ActiveGenerationsActorContext.Provider
      logic={started.logic}
      options={{ ...started.options, ...(wiring.inspect ? { inspect: wiring.inspect } : {}) }}
    >
      <SnapshotSaver wiring={wiring} />
      {children}
    </ActiveGenerationsActorContext.Provider>
  );
}
