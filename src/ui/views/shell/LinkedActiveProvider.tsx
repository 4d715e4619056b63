import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { type ActorOptions, createActor } from 'xstate';
import type { activeGenerationsMachine } from '../../../machines/generation/active-generations.machine.ts';
import {
  parseActiveGenerationsEnvelope,
  persistActiveGenerations,
} from '../../../machines/generation/active-generations.snapshot.ts';
import {
  ActiveGenerationsActorContext,
  defineActiveGenerationsLogic,
} from '../../actors/active-generations-context.ts';
import { PersistenceActorContext } from '../../actors/persistence-context.ts';
import { ActiveErrorBoundary } from './ActiveErrorBoundary.tsx';
import { ActiveRestoreProblemContext } from './active-restore.ts';
import type { PanelWiring } from './panel-wiring.ts';
import { persistenceLedgerPort } from '../../../machines/persistence/ledger-port.ts';

type Logic = typeof activeGenerationsMachine;

/** The stored snapshot when it is valid and restores cleanly; otherwise why it was discarded. */
function restoredOptions(
  logic: Logic,
  stored: unknown,
): { options: ActorOptions<Logic>; problem: string | null } {
  if (stored === null || stored === undefined) return { options: {}, problem: null };
  const parsed = parseActiveGenerationsEnvelope(stored);
  if (!parsed.ok) return { options: {}, problem: parsed.problem };
  try {
    // Restoring rebuilds every child; a snapshot that cannot be rebuilt is discarded, not fatal. The trial
    // gets a copy: restoring revives actor refs inside the snapshot object it is given.
    createActor(logic, { snapshot: structuredClone(parsed.snapshot) });
    return { options: { snapshot: parsed.snapshot }, problem: null };
  } catch {
    return {
      options: {},
      problem: 'The saved Active generations could not be restored; they were discarded.',
    };
  }
}

/** The Active generations logic linked to the persistence actor, and what it starts from. */
function startActive(
  wiring: PanelWiring,
  persistence: Parameters<typeof persistenceLedgerPort>[0],
  stored: unknown,
) {
  const ledger = persistenceLedgerPort(persistence, wiring.ledgerDisk);
  const logic = defineActiveGenerationsLogic({ ...wiring.generation, ledger });
  return { logic, ...restoredOptions(logic, stored) };
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
 * from the saved snapshot (runs resume polling by request id) and saved again on every change. A saved
 * snapshot that is discarded is also cleared from storage and the user is told (ActiveRestoreProblemContext);
 * a render error below shows an alert whose button clears it and starts the actor again, empty.
 */
export function LinkedActiveProvider({ wiring, children }: { wiring: PanelWiring; children: ReactNode }) {
  const persistence = PersistenceActorContext.useActorRef();
  // Read once, at mount, like the Provider itself; a new `run` (after clearing) starts empty.
  const [started, setStarted] = useState(() => ({
    run: 0,
    ...startActive(wiring, persistence, wiring.activeGenerations.stored),
  }));
  const { problem } = started;
  useEffect(() => {
    if (problem === null) return;
    // Drop the damaged save so the next start does not meet it again; finished costs live in the ledger.
    wiring.activeGenerations.clear();
    wiring.report(problem);
  }, [problem, wiring]);
  const clear = useCallback(() => {
    wiring.activeGenerations.clear();
    setStarted((old) => ({ run: old.run + 1, ...startActive(wiring, persistence, null) }));
  }, [wiring, persistence]);
  return (
    <ActiveRestoreProblemContext.Provider value={problem}>
      <ActiveErrorBoundary onClear={clear} onError={wiring.report}>
        <ActiveGenerationsActorContext.Provider
          key={started.run}
          logic={started.logic}
          options={{ ...started.options, ...(wiring.inspect ? { inspect: wiring.inspect } : {}) }}
        >
          <SnapshotSaver wiring={wiring} />
          {children}
        </ActiveGenerationsActorContext.Provider>
      </ActiveErrorBoundary>
    </ActiveRestoreProblemContext.Provider>
  );
}
