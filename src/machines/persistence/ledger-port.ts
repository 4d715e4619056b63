import type { DiskPort } from './persistence-ports.ts';
import type { PersistenceActorRef } from './persistence.machine.ts';
import { selectEpoch } from './persistence.selectors.ts';
import { type LedgerPort, stampEpoch } from '../ports.ts';

/**
 * The generation and settlement machines' ledger port over the persistence actor: each batch of facts
 * gets the current reset epoch and is sent as RECORD, which caches it as pending at once and writes it
 * to disk in batches (the persistence machine owns retries). `recordDurably` (the write-ahead before a
 * fal submit) writes straight to disk and resolves only once every event is acknowledged there, then
 * hands the events to the persistence actor as durable. Both reject when the actor has stopped.
 */
export function persistenceLedgerPort(
  persistence: PersistenceActorRef,
  disk: Pick<DiskPort, 'appendEvents'>,
): LedgerPort {
  const stamp = (drafts: Parameters<LedgerPort['record']>[0]) => {
    if (persistence.getSnapshot().status !== 'active') {
      throw new Error('The ledger is closed (the panel is shutting down): reload the panel to record costs.');
    }
    return stampEpoch(drafts, selectEpoch(persistence.getSnapshot()));
  };
  return {
    record: async (drafts) => {
      persistence.send({ type: 'RECORD', events: stamp(drafts) });
    },
    recordDurably: async (drafts) => {
      const events = stamp(drafts);
      const { acknowledged } = await disk.appendEvents(events);
      const confirmed = new Set(acknowledged);
      const missing = events.filter((event) => !confirmed.has(event.id));
      if (missing.length > 0) {
        throw new Error(
          `The backend answered but did not confirm ${missing.length} of ${events.length} events as saved.`,
        );
      }
      persistence.send({ type: 'REMOTE_EVENTS', events });
    },
  };
}
