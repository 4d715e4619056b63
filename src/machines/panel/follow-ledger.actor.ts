import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import type { LedgerEvent } from '../../domain/index.ts';
import type { PersistenceActorRef } from '../persistence/persistence.machine.ts';
import { type PersistenceSnapshot, selectStatus } from '../persistence/persistence.selectors.ts';
import type { ClockPort } from '../ports.ts';
import { SYSTEM_IDS } from './system-ids.ts';

/** The ledger is known (cache and disk read): every event so far, and when. */
export type LedgerReadyEvent = { type: 'LEDGER_READY'; events: LedgerEvent[]; now: string };
/** Events merged into the ledger since the last report (recorded here, or by another panel). */
export type LedgerAppendedEvent = { type: 'LEDGER_APPENDED'; events: LedgerEvent[] };

/** Disk acknowledged events this panel recorded: the backend's read model now has them. */
export type LedgerSavedEvent = { type: 'LEDGER_SAVED' };

/**
 * Tells the panel what the persistence actor's ledger holds: once when it is first known, then each
 * batch of events it had not seen. The panel routes both to settlement, which needs the whole ledger
 * once and then only what is new; and when disk acknowledged this panel's events, so what the backend
 * answers about the ledger is worth asking again. Reports only; never sends to persistence.
 */
export function defineFollowLedgerActor(
  clock: ClockPort,
): CallbackActorLogic<EventObject, Record<string, never>> {
  return fromCallback<EventObject, Record<string, never>>(({ system, sendBack }) => {
    const persistence: PersistenceActorRef | undefined = system.get(SYSTEM_IDS.persistence);
    if (!persistence) return () => {};
    let seen: Set<string> | null = null;
    let pending = persistence.getSnapshot().context.pending.length;
    const look = (snapshot: PersistenceSnapshot) => {
      const { events } = snapshot.context;
      const waiting = snapshot.context.pending.length;
      if (waiting < pending) sendBack({ type: 'LEDGER_SAVED' } satisfies LedgerSavedEvent);
      pending = waiting;
      if (seen === null) {
        if (selectStatus(snapshot).kind === 'booting') return;
        seen = new Set(events.map((event) => event.id));
        sendBack({ type: 'LEDGER_READY', events, now: clock.now() } satisfies LedgerReadyEvent);
        return;
      }
      const known = seen;
      const fresh = events.filter((event) => !known.has(event.id));
      for (const event of fresh) known.add(event.id);
      if (fresh.length > 0)
        sendBack({ type: 'LEDGER_APPENDED', events: fresh } satisfies LedgerAppendedEvent);
    };
    look(persistence.getSnapshot());
    const subscription = persistence.subscribe(look);
    return () => subscription.unsubscribe();
  });
}
