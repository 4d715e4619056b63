import type { PersistenceActorRef } from '../../../machines/persistence.machine.ts';
import { selectEpoch } from '../../../machines/persistence.selectors.ts';
import { type LedgerPort, stampEpoch } from '../../../machines/ports.ts';

/**
 * The generation and settlement machines' ledger port over the persistence actor: each batch of facts
 * gets the current reset epoch and is sent as RECORD, which caches it as pending at once and writes it
 * to disk in batches (the persistence machine owns retries). Rejects only when the actor has stopped.
 */
export function persistenceLedgerPort(persistence: PersistenceActorRef): LedgerPort {
  return {
    record: async (drafts) => {
      if (persistence.getSnapshot().status !== 'active') {
        throw new Error(
          'The ledger is closed (the panel is shutting down): reload the panel to record costs.',
        );
      }
      const events = stampEpoch(drafts, selectEpoch(persistence.getSnapshot()));
      persistence.send({ type: 'RECORD', events });
    },
  };
}
