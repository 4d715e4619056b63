import { createActorContext } from '@xstate/react';
import { createElement, type ReactElement, type ReactNode, useMemo } from 'react';
import type { ActorOptions } from 'xstate';
import type { PersistenceActorRef } from '../../machines/persistence/persistence.machine.ts';
import { resetMachine } from '../../machines/reset/reset.machine.ts';
import { PersistenceActorContext } from './persistence-context.ts';

/** The app-level typed-DELETE reset actor: `Provider`, `useSelector`, `useActorRef`. */
export const ResetActorContext = createActorContext(resetMachine);

/**
 * Reset logic that also hands a successful reset's `ledger.reset` event to `persistence`. Each
 * actor-context Provider starts its own actor system, so the machine's `system.get('persistence')`
 * cannot find the persistence actor: this link delivers LEDGER_RESET instead (old rows vanish at once).
 */
export function linkResetToPersistence(
  logic: typeof resetMachine,
  persistence: PersistenceActorRef,
): typeof resetMachine {
  return logic.provide({
    actions: {
      announceLedgerReset: (_, params) => persistence.send({ type: 'LEDGER_RESET', event: params.event }),
    },
  });
}

/** Props of {@link LinkedResetProvider}. */
export interface LinkedResetProviderProps {
  children: ReactNode;
  /** The reset logic with its actors provided (fakes in stories and tests). @default resetMachine */
  logic?: typeof resetMachine;
  /** Actor options, e.g. `{ snapshot }` from `resetMachine.resolveState(…)`. */
  options?: ActorOptions<typeof resetMachine>;
}

/**
 * The reset actor's Provider, linked to the persistence actor above it (see linkResetToPersistence).
 * Must sit inside `PersistenceActorContext.Provider`.
 */
export function LinkedResetProvider({
  children,
  logic = resetMachine,
  options,
}: LinkedResetProviderProps): ReactElement {
  const persistence = PersistenceActorContext.useActorRef();
  // The Provider starts its actor once, at mount: keep the linked logic's identity stable.
  const linked = useMemo(() => linkResetToPersistence(logic, persistence), [logic, persistence]);
  return createElement(ResetActorContext.Provider, { logic: linked, options, children });
}
