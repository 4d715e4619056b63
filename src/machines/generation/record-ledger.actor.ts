import { type CallbackActorLogic, fromCallback } from 'xstate';
import type { LedgerFailedEvent, RecordEvent } from './generation-run.contract.ts';
import { ledgerIn, type LedgerSource } from '../ports.ts';

/** Dependencies of `recordLedger`: the ledger. */
export interface RecordLedgerDeps {
  ledger: LedgerSource;
}

/**
 * Long-lived ledger writer of a run: appends the facts of every RECORD it receives, in order, and sends
 * back LEDGER_FAILED when the ledger refused them. A write in flight finishes even after cleanup.
 */
export function defineRecordLedgerActor(
  deps: RecordLedgerDeps,
): CallbackActorLogic<RecordEvent, Record<string, never>> {
  return fromCallback<RecordEvent, Record<string, never>>(({ receive, sendBack, system }) => {
    const ledger = ledgerIn(deps.ledger, system);
    let queue: Promise<void> = Promise.resolve();
    receive((event) => {
      if (event.events.length === 0) return;
      queue = queue
        .then(() => ledger.record(event.events))
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          sendBack({
            type: 'LEDGER_FAILED',
            message: `The ledger did not accept the run's costs: ${reason}`,
          } satisfies LedgerFailedEvent);
        });
    });
    return () => {};
  });
}
