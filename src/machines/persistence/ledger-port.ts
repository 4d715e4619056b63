import type { DiskPort } from './persistence-ports.ts';
import type { PersistenceActorRef } from './persistence.machine.ts';
import { selectEpoch } from './persistence.selectors.ts';
import type { LedgerPort, LedgerSource } from '../ports.ts';
import { SYSTEM_IDS } from '../panel/system-ids.ts';
import { stampEpoch } from './synced-ledger.ts';

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

/**
 * The ledger source of a panel: each run and the settlement actor write through the persistence actor
 * of the system they run in (the panel's), found by its systemId when they write.
 */
export function ledgerInPanel(disk: Pick<DiskPort, 'appendEvents'>): LedgerSource {
  return {
    inSystem: (system) => {
      const persistence: PersistenceActorRef | undefined = system.get(SYSTEM_IDS.persistence);
      if (!persistence) {
        throw new Error('The ledger is not running in this panel: reload the panel to record costs.');
      }
      return persistenceLedgerPort(persistence, disk);
    },
  };
}
