import type { LedgerEvent } from '../../../src/domain/index.ts';
import type { PersistenceContext } from '../../../src/machines/persistence/persistence.machine.ts';
import { currentEpoch, DEFAULT_BATCH_LIMITS } from '../../../src/machines/persistence/synced-ledger.ts';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';

/**
 * Persistence states the shell's status line shows (shared by the shell stories and DOM tests): the
 * last `unsaved` events of a small ledger are pending, with the reason disk failed.
 */

/** Why disk failed while offline (the backend client's own wording). */
export const OFFLINE_REASON =
  'The modelBridge backend did not complete POST /api/ledger/events: it could not be reached. ' +
  'Check that `modelbridge serve` is running; the panel keeps unsaved work and retries.';

/** Why disk refused the events (a refusal: retrying by itself cannot help). */
export const ERROR_REASON =
  'The data folder is read-only: it was written by a newer modelBridge. Update modelBridge.';

function pendingState(
  value: 'offline' | 'error',
  unsaved: number,
  reason: string,
): { value: 'offline' | 'error'; context: PersistenceContext } {
  const events: LedgerEvent[] = generationsLedger(4);
  return {
    value,
    context: {
      events,
      learned: [],
      pending: events.slice(-unsaved).map((e) => e.id),
      epoch: currentEpoch(events),
      attempt: value === 'offline' ? 1 : 0,
      reason,
      cacheWarning: null,
      limits: DEFAULT_BATCH_LIMITS,
    },
  };
}

/** Offline (retrying by itself) with `unsaved` events not yet on disk. */
export function offlineLedgerState(unsaved = 3) {
  return pendingState('offline', unsaved, OFFLINE_REASON);
}

/** Stuck in error (needs Retry) with `unsaved` events not yet on disk. */
export function errorLedgerState(unsaved = 2) {
  return pendingState('error', unsaved, ERROR_REASON);
}
