import { createActorContext } from '@xstate/react';
import { PERSISTENCE_SYSTEM_ID, persistenceMachine } from '../../machines/persistence/persistence.machine.ts';

/**
 * The app-level persistence actor (the merged ledger and its save status): `Provider`, `useSelector`,
 * `useActorRef`. The composition root passes `logic={persistenceMachine.provide({ actors })}`.
 */
export const PersistenceActorContext = createActorContext(persistenceMachine, {
  systemId: PERSISTENCE_SYSTEM_ID,
});
