import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import type { RemoteEventsEvent } from './persistence.machine.ts';
import type { RemoteLedgerPort } from './persistence-ports.ts';

/** Dependencies of `syncRemoteEvents`: the backend's live ledger stream. */
export interface SyncRemoteEventsDeps {
  remote: RemoteLedgerPort;
}

/**
 * Listens to ledger changes made durable anywhere (this panel, other panels, a reset) and sends each
 * batch to the persistence machine as REMOTE_EVENTS; stops listening when the machine stops.
 */
export function defineSyncRemoteEventsActor(deps: SyncRemoteEventsDeps): CallbackActorLogic<EventObject> {
  return fromCallback<EventObject>(({ sendBack }) => {
    const unsubscribe = deps.remote.subscribe((events) => {
      if (events.length > 0) sendBack({ type: 'REMOTE_EVENTS', events } satisfies RemoteEventsEvent);
    });
    return () => unsubscribe();
  });
}
